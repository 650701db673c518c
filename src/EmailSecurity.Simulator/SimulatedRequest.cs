namespace EmailSecurity.Simulator
{
    /// <summary>One API call as it came over the wire.</summary>
    public sealed class SimulatedRequest
    {
        /// <param name="method">HTTP method, e.g. GET.</param>
        /// <param name="rawPath">Path still percent-encoded, starting at /accounts/{account_id}/email-security/...; any
        /// base path such as /client/v4 already removed.</param>
        /// <param name="rawQuery">Query string without the leading '?', or null.</param>
        /// <param name="body">Request body, or null.</param>
        public SimulatedRequest(string method, string rawPath, string? rawQuery, string? body)
        {
            Method = method ?? throw new System.ArgumentNullException(nameof(method));
            RawPath = rawPath ?? throw new System.ArgumentNullException(nameof(rawPath));
            RawQuery = string.IsNullOrEmpty(rawQuery) ? null : rawQuery;
            Body = body;
        }

        public string Method { get; }
        public string RawPath { get; }
        public string? RawQuery { get; }
        public string? Body { get; }
    }
}
