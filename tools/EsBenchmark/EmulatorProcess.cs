using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using EsEmulator.Launcher;

namespace EsBenchmark;

/// <summary>
/// tools/EsEmulator in a child process (started by the launcher the test fixture uses too) and its control API
/// (/_emulator): account data, fault rules, the request log.
/// </summary>
internal sealed class EmulatorProcess : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly RunningEmulator emulator;
    private readonly HttpClient control;

    private EmulatorProcess(RunningEmulator emulator)
    {
        this.emulator = emulator;
        control = new HttpClient { BaseAddress = emulator.ControlUri, Timeout = TimeSpan.FromMinutes(5) };
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri Root => emulator.Root;

    /// <summary>http://127.0.0.1:port/client/v4 (what Connect-EsAccount -BaseUri takes).</summary>
    public Uri ApiBaseUri => emulator.ApiBaseUri;

    public int ProcessId => emulator.ProcessId;

    /// <summary>CPU time the emulator has used so far (user + system), for "where the time goes".</summary>
    public TimeSpan CpuTime => emulator.CpuTime;

    public static EmulatorProcess Start(string dll) => new(RunningEmulator.Start(dll, TimeSpan.FromSeconds(60)));

    /// <summary>
    /// Replaces the account's data with <paramref name="messages"/> freshly generated messages, scan times spread as
    /// <paramref name="timeProfile"/> says.
    /// </summary>
    public void Reset(string account, int messages, int seed, string? timeProfile = null) =>
        Send(HttpMethod.Put, $"accounts/{account}", new { messages, seed, timeProfile });

    /// <summary>A constant latency on every API request of the account (a 'delay' fault, times 0), or none.</summary>
    public void SetLatency(string account, int delayMs)
    {
        if (delayMs <= 0)
            Send(HttpMethod.Delete, $"accounts/{account}/faults", null);
        else
            Send(HttpMethod.Put, $"accounts/{account}/faults", new[] { new { kind = "delay", delayMs, times = 0 } });
    }

    public void ClearRequests(string account) => Send(HttpMethod.Delete, $"accounts/{account}/requests", null);

    public IReadOnlyList<RecordedRequest> Requests(string account) =>
        JsonSerializer.Deserialize<List<RecordedRequest>>(Send(HttpMethod.Get, $"accounts/{account}/requests", null),
            Json) ?? [];

    private string Send(HttpMethod method, string relative, object? body)
    {
        using var request = new HttpRequestMessage(method, relative);
        if (body != null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        using var response = control.Send(request);
        using var reader = new StreamReader(response.Content.ReadAsStream());
        var text = reader.ReadToEnd();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException(
                $"Emulator control call {method} {relative} failed: HTTP {(int)response.StatusCode} {text}");
        return text;
    }

    public void Dispose()
    {
        control.Dispose();
        emulator.Dispose();
    }
}

/// <summary>One entry of the emulator's request log (the fields the benchmark reads).</summary>
internal sealed class RecordedRequest
{
    public int Seq { get; set; }
    public string Method { get; set; } = "";
    public string Path { get; set; } = "";
    public string? Query { get; set; }
    public int Status { get; set; }
    public string Outcome { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
}
