using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;

namespace EsBenchmark;

/// <summary>
/// The whole run: the emulator in its own process, the module in runspaces of this process, and for each latency the
/// streaming, move and memory measurements; import times last. Every number in the table is measured here.
/// </summary>
internal sealed partial class Benchmark : IDisposable
{
    private const int Seed = 7;
    private static readonly Regex SingleMovePath = new("^/investigate/[^/]+/move$", RegexOptions.Compiled);

    private readonly BenchmarkOptions options;
    private readonly string[] args;
    private readonly string streamAccount = "bench-stream-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string moveAccount = "bench-move-" + Guid.NewGuid().ToString("N")[..8];
    private EmulatorProcess? emulator;
    private PlainLoop? plain;
    private Assembly? moduleAssembly;
    private PropertyInfo? moveSuccess;

    /// <summary>The order digest of the first sequential walk: every search of the run must match it.</summary>
    private ulong? sequentialDigest;

    public Benchmark(BenchmarkOptions options, string[] args)
    {
        this.options = options;
        this.args = args;
    }

    private EmulatorProcess Emulator => emulator!;
    private PlainLoop Plain => plain!;

    public int Run()
    {
        var total = Stopwatch.StartNew();
        Console.WriteLine("EsBenchmark: the EmailSecurity module against the emulator on 127.0.0.1");
        foreach (var line in MachineInfo.Describe(args)) Console.WriteLine(line);
        Console.WriteLine($"Sizes             {Show.Count(options.Messages)} messages (per_page " +
                          $"{PlainLoop.PageSize}, scan times: {options.Profile}), {Show.Count(options.Moves)} moves " +
                          $"(one-call-per-id measured on {Show.Count(options.PerIdSample)}), latency " +
                          $"{string.Join(", ", options.Latencies)} ms, {options.Repeat} run(s) each (median shown), " +
                          $"imports {options.ColdImports} cold / {options.WarmImports} warm");
        var loadAtStart = MachineInfo.Load();
        Console.WriteLine($"At start          {loadAtStart}");

        emulator = EmulatorProcess.Start(options.EmulatorDll);
        Console.WriteLine($"Emulator          {options.EmulatorDll} (pid {Emulator.ProcessId}) at {Emulator.Root}");

        var step = Stopwatch.StartNew();
        Emulator.Reset(streamAccount, options.Messages, Seed, options.Profile);
        Console.WriteLine(
            $"Setup             generated {Show.Count(options.Messages)} messages in {Show.Seconds(step.Elapsed)}");

        // One session up front: imports the module once so its assembly (and its Message type) can be found.
        string moduleVersion;
        using (var probe = ModuleSession.Open(options.ModulePath))
        {
            var version = new PSDataCollection<PSObject>();
            probe.Run("(Get-Module EmailSecurity).Version.ToString()", version);
            moduleVersion = version.FirstOrDefault()?.ToString() ?? "?";
        }

        moduleAssembly = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == "EmailSecurity");
        var messageType = moduleAssembly.GetType("EmailSecurity.Models.Message", throwOnError: true)!;
        moveSuccess = moduleAssembly.GetType("EmailSecurity.Models.MessageMoveResult", throwOnError: true)!
            .GetProperty("Success")!;
        Console.WriteLine($"Module            EmailSecurity {moduleVersion} from {options.ModulePath}");
        Console.WriteLine($"Module build      {MachineInfo.ModuleBuild(moduleAssembly)}");
        Console.WriteLine($"Module JSON       {MachineInfo.JsonOf(messageType)}");
        plain = new PlainLoop(Emulator.ApiBaseUri, messageType);
        var retainedPerMessage = Plain.RetainedBytesPerMessage(streamAccount);

        step.Restart();
        WarmUp();
        Console.WriteLine($"Warm-up           {Show.Seconds(step.Elapsed)} (JIT, connections; not measured)");
        Console.WriteLine();

        var floor = MeasureEngineFloor();
        Console.WriteLine(
            $"Engine floor      Write-BenchObject, {Show.Count(options.Messages)} objects: " +
            $"{string.Join(", ", floor.Select(f =>
                $"{Show.Seconds(f.Wall)} ({Show.Rate(f.Objects, f.Wall)}, CPU {Show.Seconds(f.ClientCpu)})"))}");
        Console.WriteLine();

        var results = new List<LatencyResults>();
        foreach (var latency in options.Latencies)
        {
            results.Add(MeasureLatency(latency));
        }

        Emulator.SetLatency(streamAccount, 0);
        Console.WriteLine("Import-Module:");
        var cold = MeasureColdImports();
        var warm = MeasureWarmImports();
        var loadAtEnd = MachineInfo.Load();

        var table = BuildTable(results, floor, cold.Module, cold.Baseline, warm, retainedPerMessage);
        Console.WriteLine();
        Console.WriteLine($"At end            {loadAtEnd}");
        Console.WriteLine($"Total run time    {Show.Seconds(total.Elapsed)}");
        Console.WriteLine();
        Console.WriteLine(table.ToText());
        Console.WriteLine("Markdown:");
        Console.WriteLine();
        Console.WriteLine(
            $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC with " +
            $"`{(args.Length == 0 ? "(defaults)" : string.Join(' ', args))}`; module build: " +
            $"{MachineInfo.ModuleBuild(moduleAssembly).Split(',')[0]}; {loadAtStart} at start, {loadAtEnd} at end.");
        Console.WriteLine();
        Console.Write(table.ToMarkdown());
        return 0;
    }

    private void WarmUp()
    {
        // Full passes: the per-page code runs once a page, and needs more calls than a short pass makes to reach its
        // final (tier-1) JIT code; a short warm-up left that work inside the first measured run.
        using (var session = ModuleSession.Open(options.ModulePath).Connect(Emulator.ApiBaseUri, streamAccount))
        {
            session.Run(Windows, new CountingOutput(new Stopwatch()));
            session.Run(OnePageAtATime, new CountingOutput(new Stopwatch()));
        }

        Plain.Walk(streamAccount, PlainLoop.BodyReading.Stream, new Stopwatch());
        Plain.Walk(streamAccount, PlainLoop.BodyReading.String, new Stopwatch());

        var bulk = options.Moves;
        var single = Math.Min(options.PerIdSample, 200);
        var ids = PrepareMoveAccount(bulk + single, latency: 0);
        MeasureMove(ids[..bulk], BulkScript);
        MeasureMove(ids[bulk..], PerIdScript);
    }

    private string Windows => options.Throttle is int limit ? $"Get-EsMessage -ThrottleLimit {limit}" : "Get-EsMessage";
    private const string OnePageAtATime = "Get-EsMessage -ThrottleLimit 1";

    private LatencyResults MeasureLatency(int latency)
    {
        Console.WriteLine($"Latency {latency} ms:");
        var results = new LatencyResults(latency);
        Emulator.SetLatency(streamAccount, latency);
        var slow = latency >= BenchmarkOptions.SlowLatency;
        var kinds = new List<(string Name, Func<StreamRun> Measure, List<StreamRun> Into)>
        {
            (Windows, () => MeasureModuleStream(Windows), results.Module),
            (OnePageAtATime, () => MeasureModuleStream(OnePageAtATime), results.ModuleSequential),
            ("plain loop (stream)", () => MeasurePlain(PlainLoop.BodyReading.Stream), results.PlainStream),
        };
        // The string-reading variant explains a CPU cost; with latency the network hides it, so it is measured at 0 ms
        // only.
        if (latency == 0) kinds.Add(
            ("plain loop (string)", () => MeasurePlain(PlainLoop.BodyReading.String), results.PlainString));
        for (var run = 0; run < options.SearchRuns(latency); run++)
        {
            // Rotated so that a slow spell on the machine does not always land on the same contender.
            for (var k = 0; k < kinds.Count; k++)
            {
                var (name, measure, into) = kinds[(k + run) % kinds.Count];
                if (slow && run > 0 && name == OnePageAtATime) continue; // latency-bound and long: once is enough
                var result = measure();
                into.Add(result);
                Console.WriteLine($"  run {run + 1} {name,-30} {Show.Seconds(result.Wall),9}  " +
                                  $"{Show.Rate(result.Objects, result.Wall),12}  first request " +
                                  $"{Show.Millis(result.FirstRequest ?? TimeSpan.Zero),7}  first object " +
                                  $"{Show.Millis(result.FirstObject ?? TimeSpan.Zero),7}  {result.Requests} " +
                                  $"requests  CPU s: client {result.ClientCpu.TotalSeconds:0.00} emulator " +
                                  $"{result.EmulatorCpu.TotalSeconds:0.00} others " +
                                  $"{Show.Cores(result.OtherCpu, result.Wall)}" +
                                  (result.Memory is { } m ? $"  heap MB: {Show.MB(m.StartHeap)} peak " +
                                      $"{Show.MB(m.PeakHeap)} end {Show.MB(m.EndHeap)}" : ""));
            }
        }

        // Every contender must have written the same messages in the same order as the first sequential walk.
        var walks = results.Module.Concat(results.ModuleSequential).Concat(results.PlainStream)
            .Concat(results.PlainString).ToList();
        sequentialDigest ??= results.PlainStream[0].Digest;
        Expect(walks.All(r => r.Digest == sequentialDigest),
            "a search wrote other messages, or in another order, than the sequential cursor walk.");

        if (!slow)
        {
            results.ForEachObject = MeasureModuleStream("$n = 0; Get-EsMessage | ForEach-Object { $n++ }; if ($n -ne " +
                options.Messages + ") { throw \"counted $n\" }", withMemory: false);
            Console.WriteLine(
                $"  run 1 Get-EsMessage | ForEach-Object {{ $n++ }} {Show.Seconds(results.ForEachObject.Wall),9}  " +
                $"{Show.Rate(options.Messages, results.ForEachObject.Wall),12}  CPU s: client " +
                $"{results.ForEachObject.ClientCpu.TotalSeconds:0.00} others " +
                $"{Show.Cores(results.ForEachObject.OtherCpu, results.ForEachObject.Wall)}");
        }

        results.LiveMemory = MeasureModuleLiveMemory();
        Console.WriteLine($"  live heap (forced GC every {Show.Count(LiveEvery)} objects, untimed run): " +
            $"{string.Join(" ", results.LiveMemory.Live.Select(l => Show.MB(l.Bytes).Split(' ')[0]))} MB");

        for (var run = 0; run < options.Repeat && !slow; run++)
        {
            var ids = PrepareMoveAccount(options.Moves + options.PerIdSample, latency);
            var bulk = MeasureMove(ids[..options.Moves], BulkScript);
            results.Bulk.Add(bulk);
            Console.WriteLine(
                $"  run {run + 1} bulk move {Show.Count(bulk.Ids)} ids      {Show.Seconds(bulk.Wall),9}  " +
                $"{bulk.Endpoints}  {Show.Count(bulk.Succeeded)}/{Show.Count(bulk.Results)} results succeeded  " +
                $"others {Show.Cores(bulk.OtherCpu, bulk.Wall)}");
            // One call per id is bound by the latency (and long) once there is some: measured once then, the median of
            // the runs at 0 ms.
            if (latency > 0 && run > 0) continue;
            var perId = MeasureMove(ids[options.Moves..], PerIdScript);
            results.PerId.Add(perId);
            Console.WriteLine(
                $"  run {run + 1} one call per id ({Show.Count(perId.Ids)}) {Show.Seconds(perId.Wall),9}  " +
                $"{perId.Endpoints}  {Show.Count(perId.Succeeded)}/{Show.Count(perId.Results)} results succeeded  " +
                $"others {Show.Cores(perId.OtherCpu, perId.Wall)}");
        }

        Console.WriteLine();
        return results;
    }

    /// <summary>
    /// Waits (up to 5 s) until this process is idle: the JIT compiles hot code again in the background (tiered
    /// compilation, PGO) once the code that made it hot has run, and that CPU belongs to the earlier run, not the next.
    /// </summary>
    private static void Settle()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            Thread.Sleep(200);
            if (Process.GetCurrentProcess().TotalProcessorTime - before < TimeSpan.FromMilliseconds(20)) return;
        }
    }

    private (TimeSpan Client, TimeSpan Emulator, TimeSpan? System) Cpu() =>
        (Process.GetCurrentProcess().TotalProcessorTime, Emulator.CpuTime, SystemCpu.Busy());

    /// <summary>
    /// The machine's busy time during a run minus ours and the emulator's: what other processes took.
    /// </summary>
    private static TimeSpan? Others(
        (TimeSpan Client, TimeSpan Emulator, TimeSpan? System) before,
        (TimeSpan Client, TimeSpan Emulator, TimeSpan? System) after)
    {
        if (before.System is not { } b || after.System is not { } a) return null;
        var others = a - b - (after.Client - before.Client) - (after.Emulator - before.Emulator);
        return others < TimeSpan.Zero ? TimeSpan.Zero : others;
    }

    private static void Expect(bool condition, string problem)
    {
        if (!condition) throw new InvalidOperationException("The run is not valid: " + problem);
    }

    public void Dispose()
    {
        plain?.Dispose();
        emulator?.Dispose();
    }
}
