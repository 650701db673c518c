using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EsBenchmark;

/// <summary>
/// tools/EsEmulator in a child process on 127.0.0.1 (port 0, read back from its EMULATOR_LISTENING line), started the
/// way the test fixture starts it, and its control API (/_emulator): account data, fault rules, the request log.
/// </summary>
internal sealed class EmulatorProcess : IDisposable
{
    private const string ReadyPrefix = "EMULATOR_LISTENING ";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly Process process;
    private readonly HttpClient control;

    private EmulatorProcess(Process process, Uri root)
    {
        this.process = process;
        Root = root;
        ApiBaseUri = new Uri(root, "client/v4");
        control = new HttpClient { BaseAddress = new Uri(root, "_emulator/"), Timeout = TimeSpan.FromMinutes(5) };
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri Root { get; }

    /// <summary>http://127.0.0.1:port/client/v4 (what Connect-EsAccount -BaseUri takes).</summary>
    public Uri ApiBaseUri { get; }

    public int ProcessId => process.Id;

    /// <summary>CPU time the emulator has used so far (user + system), for "where the time goes".</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public static EmulatorProcess Start(string dll)
    {
        if (!File.Exists(dll))
            throw new InvalidOperationException($"The emulator is not built: {dll} does not exist. Build the solution (or tools/EsEmulator) with this configuration.");

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // held open: the emulator exits when it closes, so it cannot outlive us
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");

        var stderr = new StringBuilder();
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data != null && e.Data.StartsWith(ReadyPrefix, StringComparison.Ordinal))
                listening.TrySetResult(e.Data[ReadyPrefix.Length..].Trim());
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data != null)
                lock (stderr) stderr.AppendLine(e.Data);
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The emulator exited with code {process.ExitCode} before it was listening."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill(process);

        try
        {
            if (!listening.Task.Wait(TimeSpan.FromSeconds(60)))
                throw new TimeoutException($"The emulator did not print {ReadyPrefix.Trim()} within 60 s.");
            return new EmulatorProcess(process, new Uri(listening.Task.Result.TrimEnd('/') + "/"));
        }
        catch (Exception error)
        {
            Kill(process);
            var reason = error is AggregateException aggregate ? aggregate.InnerException!.Message : error.Message;
            lock (stderr)
                throw new InvalidOperationException($"{reason} Command: {start.FileName} {string.Join(' ', start.ArgumentList)}\nstderr:\n{stderr}", error);
        }
    }

    /// <summary>Replaces the account's data with <paramref name="messages"/> freshly generated messages.</summary>
    public void Reset(string account, int messages, int seed) => Send(HttpMethod.Put, $"accounts/{account}", new { messages, seed });

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
        JsonSerializer.Deserialize<List<RecordedRequest>>(Send(HttpMethod.Get, $"accounts/{account}/requests", null), Json) ?? [];

    private string Send(HttpMethod method, string relative, object? body)
    {
        using var request = new HttpRequestMessage(method, relative);
        if (body != null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        using var response = control.Send(request);
        using var reader = new StreamReader(response.Content.ReadAsStream());
        var text = reader.ReadToEnd();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Emulator control call {method} {relative} failed: HTTP {(int)response.StatusCode} {text}");
        return text;
    }

    public void Dispose()
    {
        control.Dispose();
        Kill(process);
        process.WaitForExit(5000);
        process.Dispose();
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
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
