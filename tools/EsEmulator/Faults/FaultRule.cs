namespace EsEmulator.Faults;

/// <summary>One fault rule as PUT to /_emulator/accounts/{id}/faults (camelCase JSON).</summary>
public sealed class FaultRule
{
    public static readonly string[] Kinds =
    {
        "status", "statusAfterProcessing", "drop", "dropAfterProcessing", "dropMidBody", "malformed",
        "successFalse", "delay", "staleCursor", "emptyPageWithNext", "foreignResultIds", "partialResults", "accepted",
        "wrongShape", "redirect", "noResultInfo", "retypedFields",
    };

    /// <summary>HTTP method to match; null matches any.</summary>
    public string? Method { get; set; }

    /// <summary>Substring of the decoded path after /email-security; null matches any.</summary>
    public string? Path { get; set; }

    /// <summary>Matching requests to let through before the rule starts applying.</summary>
    public int Skip { get; set; }

    /// <summary>Matching requests the rule applies to before it is spent; 0 means forever.</summary>
    public int Times { get; set; } = 1;

    public string Kind { get; set; } = "";
    public int? Status { get; set; }
    public string? RetryAfter { get; set; }
    public int? DelayMs { get; set; }
    public int? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }

    /// <summary>
    /// For kind redirect: the Location sent, verbatim except that <c>{target}</c> becomes the request's own target
    /// (path and query); the request's own target when omitted.
    /// </summary>
    public string? Location { get; set; }

    /// <summary>
    /// For kind retypedFields: field name to the JSON value it is replaced with, in each result item that has that
    /// field (e.g. <c>{"id":4711,"is_regex":"yes"}</c>: an API that sends other types than documented).
    /// </summary>
    public System.Text.Json.Nodes.JsonObject? Fields { get; set; }

    /// <summary>
    /// For kind accepted: how many polls it takes to get the answer (the last one gets it); 2 when omitted.
    /// </summary>
    public int? PollCount { get; set; }

    /// <summary>
    /// The chance (0..1) that the rule applies to a matching request past its skip; null means always. Decided by
    /// a random generator of the rule's own, seeded with <see cref="Seed"/>, so the same requests in the same order
    /// meet the same faults. A request the draw spares goes on to the next rules and does not count against times.
    /// </summary>
    public double? Probability { get; set; }

    /// <summary>Seed of the rule's random generator (with <see cref="Probability"/>); 0 when omitted.</summary>
    public int? Seed { get; set; }

    /// <summary>A problem that makes the rule unusable, or null.</summary>
    public string? Problem()
    {
        if (!Kinds.Contains(Kind))
        {
            return "kind: must be one of " + string.Join(", ", Kinds);
        }
        if (Skip < 0 || Times < 0 || DelayMs < 0)
        {
            return "skip, times and delayMs must not be negative";
        }
        if (Kind == "delay" && DelayMs is null)
        {
            return "delayMs: is required for kind delay";
        }
        if (PollCount is < 1)
        {
            return "pollCount: must be at least 1";
        }
        if (Probability is < 0 or > 1 || (Probability is double p && double.IsNaN(p)))
        {
            return "probability: must be between 0 and 1";
        }
        if (Status is < 100 or > 599)
        {
            return "status: must be an HTTP status code";
        }
        if (Kind == "retypedFields" && (Fields is null || Fields.Count == 0))
        {
            return "fields: is required for kind retypedFields";
        }
        if (Kind == "redirect" && Status is not (null or >= 300 and < 400))
        {
            return "status: must be a 3xx status for kind redirect";
        }
        return null;
    }

    public bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (Path is null || path.Contains(Path, StringComparison.Ordinal));
}
