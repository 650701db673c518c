using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmailSecurity.Tests.Infrastructure;

/// <summary>
/// One emulator account and its control calls. Synchronous on purpose: tests and PowerShell callbacks can call
/// it without async plumbing.
/// </summary>
public sealed class EmulatorAccount
{
    private static readonly HttpClient Control = new() { Timeout = TimeSpan.FromSeconds(60) };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly Uri controlUri;

    internal EmulatorAccount(string id, Uri controlUri)
    {
        Id = id;
        this.controlUri = controlUri;
    }

    public string Id { get; }

    /// <summary>
    /// Replaces the account's data with freshly generated data. <paramref name="apiVersion"/> (see
    /// <see cref="ApiVersionNames"/>) is the API the account plays, the emulator's default when null. A bulk action job
    /// acts on <paramref name="bulkJobMessagesPerStep"/> messages per step (default 25) and takes one step per GET of
    /// it unless <paramref name="bulkJobsAdvanceOnGet"/> is false; <see cref="AdvanceBulkJobs"/> steps them too. The
    /// messages are scanned (whole seconds) within the last <paramref name="spanSeconds"/>, spread as
    /// <paramref name="timeProfile"/> says ("uniform", "workday"); null keeps the emulator's default.
    /// </summary>
    public void Reset(
        int messages,
        int seed,
        int maxPerPage = 1000,
        string? apiVersion = null,
        int? bulkJobMessagesPerStep = null,
        bool? bulkJobsAdvanceOnGet = null,
        int? spanSeconds = null,
        string? timeProfile = null) =>
        Send(HttpMethod.Put, $"accounts/{Id}", new
        {
            messages, seed, maxPerPage, apiVersion, bulkJobMessagesPerStep, bulkJobsAdvanceOnGet, spanSeconds, timeProfile,
        });

    /// <summary>Switches the API version the account plays, keeping its data.</summary>
    public void SetApiVersion(string apiVersion) =>
        Send(HttpMethod.Put, $"accounts/{Id}/apiversion", new { apiVersion });

    /// <summary>
    /// Moves every unfinished bulk action job of the account <paramref name="steps"/> steps on (until finished when
    /// null); returns each job's id and status, oldest first.
    /// </summary>
    public IReadOnlyList<(string JobId, string Status)> AdvanceBulkJobs(int? steps = null)
    {
        using JsonDocument answer =
            JsonDocument.Parse(Send(HttpMethod.Post, $"accounts/{Id}/bulkjobs/advance", new { steps }));
        return answer.RootElement.GetProperty("jobs").EnumerateArray()
            .Select(j => (j.GetProperty("jobId").GetString()!, j.GetProperty("status").GetString()!))
            .ToList();
    }

    /// <summary>Replaces the account's fault rules; they are tried in the order given.</summary>
    public void SetFaults(params FaultRule[] rules) => Send(HttpMethod.Put, $"accounts/{Id}/faults", rules);

    public void ClearFaults() => Send(HttpMethod.Delete, $"accounts/{Id}/faults", null);

    /// <summary>
    /// Limits the account to <paramref name="limit"/> API requests in any <paramref name="windowSeconds"/> (a sliding
    /// window): answers carry Ratelimit/Ratelimit-Policy headers, and a request over the limit is answered 429.
    /// </summary>
    public void SetRateLimit(int limit, int windowSeconds) =>
        Send(HttpMethod.Put, $"accounts/{Id}/ratelimit", new { limit, windowSeconds });

    public void ClearRateLimit() => Send(HttpMethod.Delete, $"accounts/{Id}/ratelimit", null);

    /// <summary>The account's API requests so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests() =>
        JsonSerializer.Deserialize<List<RecordedRequest>>(Send(HttpMethod.Get, $"accounts/{Id}/requests", null), Json)
        ?? new List<RecordedRequest>();

    public void ClearRequests() => Send(HttpMethod.Delete, $"accounts/{Id}/requests", null);

    private string Send(HttpMethod method, string relative, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(controlUri, relative));
        if (body != null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, body.GetType(), Json), Encoding.UTF8,
                "application/json");
        }
        using HttpResponseMessage response = Control.Send(request);
        using var reader = new StreamReader(response.Content.ReadAsStream());
        string text = reader.ReadToEnd();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"Emulator control call {method} {relative} failed with {(int)response.StatusCode}: {text}");
        }
        return text;
    }
}
