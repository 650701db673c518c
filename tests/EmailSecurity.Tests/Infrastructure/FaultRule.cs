namespace EmailSecurity.Tests.Infrastructure;

/// <summary>
/// A fault the emulator injects into matching requests of one account (see tools/EsEmulator/README.md).
/// Kinds: status, statusAfterProcessing, drop, dropAfterProcessing, dropMidBody, malformed, successFalse, delay,
/// staleCursor, emptyPageWithNext, foreignResultIds, partialResults, accepted, wrongShape, redirect, noResultInfo,
/// retypedFields.
/// </summary>
public sealed record FaultRule(string Kind)
{
    /// <summary>HTTP method to match; null matches any.</summary>
    public string? Method { get; init; }

    /// <summary>
    /// Substring of the decoded path after /email-security, e.g. "/investigate/move"; null matches any.
    /// </summary>
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

    /// <summary>
    /// Kind accepted: polls of the Location it takes to get the answer (the emulator's default is 2).
    /// </summary>
    public int? PollCount { get; init; }

    /// <summary>Kind redirect: the Location sent; "{target}" becomes the request's own path and query.</summary>
    public string? Location { get; init; }

    /// <summary>
    /// Kind retypedFields: field name to the value (any JSON) it is replaced with in each result item that has it.
    /// </summary>
    public Dictionary<string, object?>? Fields { get; init; }

    /// <summary>Chance (0..1) that the rule applies to a matching request past its skip; null means always.</summary>
    public double? Probability { get; init; }

    /// <summary>Seed of the rule's own random generator, used with <see cref="Probability"/>.</summary>
    public int? Seed { get; init; }
}
