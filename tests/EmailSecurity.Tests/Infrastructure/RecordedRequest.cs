namespace EmailSecurity.Tests.Infrastructure;

/// <summary>
/// An API request as the emulator recorded it. Path is decoded and relative to /email-security (e.g. /investigate);
/// Query is raw, without '?'. Status is 0 when the connection was dropped before a status was sent; Outcome is
/// "ok" or "fault:&lt;kind&gt;".
/// </summary>
public sealed record RecordedRequest(
    int Seq,
    string Method,
    string RawTarget,
    string Path,
    string? Query,
    string? Body,
    string? Authorization,
    string? AuthKey,
    string? AuthEmail,
    string? UserAgent,
    int Status,
    string Outcome,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The query's parameters, decoded; for a repeated parameter the last value wins.</summary>
    public IReadOnlyDictionary<string, string> QueryParameters
    {
        get
        {
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string pair in (Query ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = pair.IndexOf('=');
                string key = Decode(equals < 0 ? pair : pair[..equals]);
                parameters[key] = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            }
            return parameters;
        }
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
