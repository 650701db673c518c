namespace EmailSecurity.Tests.Infrastructure;

/// <summary>
/// A fault the emulator injects into matching requests of one account (see tools/EsEmulator/README.md).
/// Kinds: status, statusAfterProcessing, drop, dropAfterProcessing, dropMidBody, malformed, successFalse, delay,
/// staleCursor, emptyPageWithNext.
/// </summary>
public sealed record FaultRule(string Kind)
{
    /// <summary>HTTP method to match; null matches any.</summary>
    public string? Method { get; init; }

    /// <summary>Substring of the decoded path after /email-security, e.g. "/investigate/move"; null matches any.</summary>
    public string? Path { get; init; }

    /// <summary>Matching requests to let through before the rule applies.</summary>
    public int Skip { get; init; }

    /// <summary>Matching requests the rule applies to before it is spent; 0 means forever.</summary>
    public int Times { get; init; } = 1;

    public int? Status { get; init; }

    /// <summary>Sent verbatim as the Retry-After header.</summary>
    public string? RetryAfter { get; init; }

    public int? DelayMs { get; init; }
    public int? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
}
