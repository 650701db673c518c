namespace EmailSecurity.Simulator
{
    /// <summary>Envelope bodies for callers that answer on the API's behalf (auth failures, injected faults).</summary>
    public static class ApiEnvelope
    {
        /// <summary><c>{"success":false,"errors":[{"code":..,"message":..}],"messages":[],"result":null}</c></summary>
        public static string Error(int code, string message) => Core.Envelope.ErrorBody(code, message);
    }
}
