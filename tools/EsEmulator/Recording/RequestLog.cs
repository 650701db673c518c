namespace EsEmulator.Recording;

/// <summary>
/// One API request as the emulator saw it; Status and Outcome are filled in before the answer leaves.
/// </summary>
public sealed class RecordedRequest
{
    public int Seq { get; init; }
    public string Method { get; init; } = "";
    public string RawTarget { get; init; } = "";
    public string Path { get; init; } = "";
    public string? Query { get; init; }
    public string? Body { get; init; }
    public string? Authorization { get; init; }
    public string? AuthKey { get; init; }
    public string? AuthEmail { get; init; }
    public string? UserAgent { get; init; }

    /// <summary>The HTTP status sent; 0 when the connection was dropped before any status went out.</summary>
    public int Status { get; set; }

    /// <summary>"ok", or "fault:&lt;kind&gt;" when a fault rule claimed the request.</summary>
    public string Outcome { get; set; } = "pending";

    public DateTimeOffset ReceivedAt { get; init; }
}

/// <summary>Requests per account, in arrival order.</summary>
public sealed class RequestLog
{
    private readonly Dictionary<string, List<RecordedRequest>> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sequence = new(StringComparer.Ordinal);

    /// <summary>Adds a request, giving it the account's next sequence number.</summary>
    public RecordedRequest Add(string accountId, Func<int, RecordedRequest> create)
    {
        lock (_requests)
        {
            int seq = _sequence.GetValueOrDefault(accountId) + 1;
            _sequence[accountId] = seq;
            RecordedRequest request = create(seq);
            if (!_requests.TryGetValue(accountId, out List<RecordedRequest>? list))
            {
                _requests[accountId] = list = new List<RecordedRequest>();
            }
            list.Add(request);
            return request;
        }
    }

    public void Complete(RecordedRequest request, int status, string outcome)
    {
        lock (_requests)
        {
            request.Status = status;
            request.Outcome = outcome;
        }
    }

    /// <summary>A snapshot, so serialising it cannot race with requests still completing.</summary>
    public IReadOnlyList<RecordedRequest> List(string accountId)
    {
        lock (_requests)
        {
            return _requests.TryGetValue(accountId, out List<RecordedRequest>? list)
                ? list.Select(Copy).ToList()
                : new List<RecordedRequest>();
        }
    }

    /// <summary>Forgets the account's requests; numbering starts again at 1.</summary>
    public void Clear(string accountId)
    {
        lock (_requests)
        {
            _requests.Remove(accountId);
            _sequence.Remove(accountId);
        }
    }

    private static RecordedRequest Copy(RecordedRequest r) => new()
    {
        Seq = r.Seq, Method = r.Method, RawTarget = r.RawTarget, Path = r.Path, Query = r.Query, Body = r.Body,
        Authorization = r.Authorization, AuthKey = r.AuthKey, AuthEmail = r.AuthEmail, UserAgent = r.UserAgent,
        Status = r.Status, Outcome = r.Outcome, ReceivedAt = r.ReceivedAt,
    };
}
