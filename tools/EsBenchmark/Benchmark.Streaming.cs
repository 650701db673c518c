using System.Diagnostics;
using System.Management.Automation;

namespace EsBenchmark;

/// <summary>
/// Streaming: Get-EsMessage against the plain HttpClient loop and the engine's own floor, with memory.
/// </summary>
internal sealed partial class Benchmark
{
    /// <summary>
    /// PowerShell's own per-object cost: a C# cmdlet writing real messages to the same consumer, no network.
    /// </summary>
    private List<FloorRun> MeasureEngineFloor()
    {
        var page = Plain.FirstPage(streamAccount);
        var runs = new List<FloorRun>();
        for (var run = 0; run <= options.Repeat; run++)
        {
            using var session = ModuleSession.Open(options.ModulePath);
            session.Run($"Import-Module {ModuleSession.Quote(typeof(WriteBenchObjectCommand).Assembly.Location)} " +
                "-ErrorAction Stop");
            session.SetVariable("page", page);
            var clock = new Stopwatch();
            var output = new CountingOutput(clock);
            Settle();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Start();
            session.Run($"Write-BenchObject -Page $page -Count {options.Messages}", output);
            clock.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
            Expect(output.Received == options.Messages, $"Write-BenchObject wrote {output.Received} objects.");
            if (run > 0) runs.Add(new FloorRun(clock.Elapsed, output.Received, cpu)); // the first run warms up
        }

        return runs;
    }

    /// <param name="script">Get-EsMessage, or a script around it that writes nothing (then the count is checked by the
    /// script).</param>
    private StreamRun MeasureModuleStream(string script, bool withMemory = true)
    {
        using var session = ModuleSession.Open(options.ModulePath).Connect(Emulator.ApiBaseUri, streamAccount);
        Emulator.ClearRequests(streamAccount);
        var clock = new Stopwatch();
        var sampler = new MemorySampler();
        var output = new CountingOutput(clock, sampler, sampleEvery: PlainLoop.PageSize, idOf: Plain.IdOf);
        Settle();
        sampler.Begin();
        var cpu0 = Cpu();
        var started = DateTimeOffset.UtcNow;
        clock.Start();
        session.Run(script, output);
        clock.Stop();
        var cpu1 = Cpu();
        var memory = sampler.End(output.Received);
        var requests = Emulator.Requests(streamAccount);

        if (withMemory)
        {
            Expect(output.Received == options.Messages,
                $"Get-EsMessage wrote {output.Received} objects; the account has {options.Messages}.");
            Expect(output.Types.Count == 1 && output.Types.Single().FullName == "EmailSecurity.Models.Message",
                $"Get-EsMessage wrote {string.Join(", ", output.Types.Select(t => t.FullName))}, not only " +
                "EmailSecurity.Models.Message.");
        }
        return new StreamRun(clock.Elapsed, withMemory ? output.Received : options.Messages, requests.Count,
            requests.Count(r => r.Status != 200), FirstRequest(requests, started), output.FirstObjectAt,
            cpu1.Client - cpu0.Client, cpu1.Emulator - cpu0.Emulator, Others(cpu0, cpu1), withMemory ? memory : null,
            withMemory ? output.Digest : null);
    }

    private int LiveEvery => Math.Max(PlainLoop.PageSize, options.Messages / 10);

    /// <summary>
    /// Get-EsMessage once more, untimed, with a forced full GC every tenth of the run: what stays alive as it streams.
    /// </summary>
    private MemoryResult MeasureModuleLiveMemory()
    {
        using var session = ModuleSession.Open(options.ModulePath).Connect(Emulator.ApiBaseUri, streamAccount);
        var sampler = new MemorySampler();
        var output =
            new CountingOutput(new Stopwatch(), sampler, sampleEvery: PlainLoop.PageSize, liveEvery: LiveEvery);
        sampler.Begin();
        session.Run("Get-EsMessage", output);
        var memory = sampler.End(output.Received);
        Expect(output.Received == options.Messages,
            $"Get-EsMessage wrote {output.Received} objects; the account has {options.Messages}.");
        return memory;
    }

    private StreamRun MeasurePlain(PlainLoop.BodyReading reading)
    {
        Emulator.ClearRequests(streamAccount);
        var clock = new Stopwatch();
        var sampler = new MemorySampler();
        Settle();
        sampler.Begin();
        var cpu0 = Cpu();
        var started = DateTimeOffset.UtcNow;
        clock.Start();
        var result = Plain.Walk(streamAccount, reading, clock, sampler);
        clock.Stop();
        var cpu1 = Cpu();
        var memory = sampler.End(result.Objects);
        var requests = Emulator.Requests(streamAccount);

        Expect(result.Objects == options.Messages,
            $"The plain loop counted {result.Objects} objects; the account has {options.Messages}.");
        Expect(requests.Count == result.Requests,
            $"The plain loop sent {result.Requests} requests; the emulator saw {requests.Count}.");
        return new StreamRun(clock.Elapsed, result.Objects, requests.Count, requests.Count(r => r.Status != 200),
            FirstRequest(requests, started), result.FirstObjectAt,
            cpu1.Client - cpu0.Client, cpu1.Emulator - cpu0.Emulator, Others(cpu0, cpu1), memory, result.Digest);
    }

    private static TimeSpan? FirstRequest(IReadOnlyList<RecordedRequest> requests, DateTimeOffset started) =>
        requests.Count == 0 ? null : requests.Min(r => r.ReceivedAt) - started;
}
