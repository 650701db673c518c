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
internal sealed class Benchmark : IDisposable
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
        Console.WriteLine($"Sizes             {Show.Count(options.Messages)} messages (per_page {PlainLoop.PageSize}), {Show.Count(options.Moves)} moves (one-call-per-id measured on {Show.Count(options.PerIdSample)}), " +
                          $"latency {string.Join(", ", options.Latencies)} ms, {options.Repeat} run(s) each (median shown), imports {options.ColdImports} cold / {options.WarmImports} warm");
        var loadAtStart = MachineInfo.Load();
        Console.WriteLine($"At start          {loadAtStart}");

        emulator = EmulatorProcess.Start(options.EmulatorDll);
        Console.WriteLine($"Emulator          {options.EmulatorDll} (pid {Emulator.ProcessId}) at {Emulator.Root}");

        var step = Stopwatch.StartNew();
        Emulator.Reset(streamAccount, options.Messages, Seed);
        Console.WriteLine($"Setup             generated {Show.Count(options.Messages)} messages in {Show.Seconds(step.Elapsed)}");

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
        moveSuccess = moduleAssembly.GetType("EmailSecurity.Models.MessageMoveResult", throwOnError: true)!.GetProperty("Success")!;
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
        Console.WriteLine($"Engine floor      Write-BenchObject, {Show.Count(options.Messages)} objects: {string.Join(", ", floor.Select(f => $"{Show.Seconds(f.Wall)} ({Show.Rate(f.Objects, f.Wall)}, CPU {Show.Seconds(f.ClientCpu)})"))}");
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
        Console.WriteLine($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC with `{(args.Length == 0 ? "(defaults)" : string.Join(' ', args))}`; module build: {MachineInfo.ModuleBuild(moduleAssembly).Split(',')[0]}; {loadAtStart} at start, {loadAtEnd} at end.");
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
            session.Run("Get-EsMessage", new CountingOutput(new Stopwatch()));
        }

        Plain.Walk(streamAccount, PlainLoop.BodyReading.Stream, new Stopwatch());
        Plain.Walk(streamAccount, PlainLoop.BodyReading.String, new Stopwatch());

        var bulk = options.Moves;
        var single = Math.Min(options.PerIdSample, 200);
        var ids = PrepareMoveAccount(bulk + single, latency: 0);
        MeasureMove(ids[..bulk], BulkScript);
        MeasureMove(ids[bulk..], PerIdScript);
    }

    /// <summary>PowerShell's own per-object cost: a C# cmdlet writing real messages to the same consumer, no network.</summary>
    private List<FloorRun> MeasureEngineFloor()
    {
        var page = Plain.FirstPage(streamAccount);
        var runs = new List<FloorRun>();
        for (var run = 0; run <= options.Repeat; run++)
        {
            using var session = ModuleSession.Open(options.ModulePath);
            session.Run($"Import-Module {ModuleSession.Quote(typeof(WriteBenchObjectCommand).Assembly.Location)} -ErrorAction Stop");
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

    private LatencyResults MeasureLatency(int latency)
    {
        Console.WriteLine($"Latency {latency} ms:");
        var results = new LatencyResults(latency);
        Emulator.SetLatency(streamAccount, latency);
        var kinds = new List<(string Name, Func<StreamRun> Measure, List<StreamRun> Into)>
        {
            ("Get-EsMessage", () => MeasureModuleStream("Get-EsMessage"), results.Module),
            ("plain loop (stream)", () => MeasurePlain(PlainLoop.BodyReading.Stream), results.PlainStream),
        };
        // The string-reading variant explains a CPU cost; with latency the network hides it, so it is measured at 0 ms only.
        if (latency == 0) kinds.Add(("plain loop (string)", () => MeasurePlain(PlainLoop.BodyReading.String), results.PlainString));
        for (var run = 0; run < options.Repeat; run++)
        {
            // Rotated so that a slow spell on the machine does not always land on the same contender.
            for (var k = 0; k < kinds.Count; k++)
            {
                var (name, measure, into) = kinds[(k + run) % kinds.Count];
                var result = measure();
                into.Add(result);
                Console.WriteLine($"  run {run + 1} {name,-20} {Show.Seconds(result.Wall),9}  {Show.Rate(result.Objects, result.Wall),12}  first request {Show.Millis(result.FirstRequest ?? TimeSpan.Zero),7}  first object {Show.Millis(result.FirstObject ?? TimeSpan.Zero),7}  {result.Requests} requests" +
                                  $"  CPU s: client {result.ClientCpu.TotalSeconds:0.00} emulator {result.EmulatorCpu.TotalSeconds:0.00} others {Show.Cores(result.OtherCpu, result.Wall)}" +
                                  (result.Memory is { } m ? $"  heap MB: {Show.MB(m.StartHeap)} peak {Show.MB(m.PeakHeap)} end {Show.MB(m.EndHeap)}" : ""));
            }
        }

        results.ForEachObject = MeasureModuleStream("$n = 0; Get-EsMessage | ForEach-Object { $n++ }; if ($n -ne " + options.Messages + ") { throw \"counted $n\" }", withMemory: false);
        Console.WriteLine($"  run 1 Get-EsMessage | ForEach-Object {{ $n++ }} {Show.Seconds(results.ForEachObject.Wall),9}  {Show.Rate(options.Messages, results.ForEachObject.Wall),12}  CPU s: client {results.ForEachObject.ClientCpu.TotalSeconds:0.00} others {Show.Cores(results.ForEachObject.OtherCpu, results.ForEachObject.Wall)}");
        results.LiveMemory = MeasureModuleLiveMemory();
        Console.WriteLine($"  live heap (forced GC every {Show.Count(LiveEvery)} objects, untimed run): {string.Join(" ", results.LiveMemory.Live.Select(l => Show.MB(l.Bytes).Split(' ')[0]))} MB");

        for (var run = 0; run < options.Repeat; run++)
        {
            var ids = PrepareMoveAccount(options.Moves + options.PerIdSample, latency);
            var bulk = MeasureMove(ids[..options.Moves], BulkScript);
            results.Bulk.Add(bulk);
            Console.WriteLine($"  run {run + 1} bulk move {Show.Count(bulk.Ids)} ids      {Show.Seconds(bulk.Wall),9}  {bulk.Endpoints}  {Show.Count(bulk.Succeeded)}/{Show.Count(bulk.Results)} results succeeded  others {Show.Cores(bulk.OtherCpu, bulk.Wall)}");
            // One call per id is bound by the latency (and long) once there is some: measured once then, the median of the runs at 0 ms.
            if (latency > 0 && run > 0) continue;
            var perId = MeasureMove(ids[options.Moves..], PerIdScript);
            results.PerId.Add(perId);
            Console.WriteLine($"  run {run + 1} one call per id ({Show.Count(perId.Ids)}) {Show.Seconds(perId.Wall),9}  {perId.Endpoints}  {Show.Count(perId.Succeeded)}/{Show.Count(perId.Results)} results succeeded  others {Show.Cores(perId.OtherCpu, perId.Wall)}");
        }

        Console.WriteLine();
        return results;
    }

    /// <param name="script">Get-EsMessage, or a script around it that writes nothing (then the count is checked by the script).</param>
    private StreamRun MeasureModuleStream(string script, bool withMemory = true)
    {
        using var session = ModuleSession.Open(options.ModulePath).Connect(Emulator.ApiBaseUri, streamAccount);
        Emulator.ClearRequests(streamAccount);
        var clock = new Stopwatch();
        var sampler = new MemorySampler();
        var output = new CountingOutput(clock, sampler, sampleEvery: PlainLoop.PageSize);
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
            Expect(output.Received == options.Messages, $"Get-EsMessage wrote {output.Received} objects; the account has {options.Messages}.");
            Expect(output.Types.Count == 1 && output.Types.Single().FullName == "EmailSecurity.Models.Message",
                $"Get-EsMessage wrote {string.Join(", ", output.Types.Select(t => t.FullName))}, not only EmailSecurity.Models.Message.");
        }
        return new StreamRun(clock.Elapsed, withMemory ? output.Received : options.Messages, requests.Count, requests.Count(r => r.Status != 200), FirstRequest(requests, started), output.FirstObjectAt,
            cpu1.Client - cpu0.Client, cpu1.Emulator - cpu0.Emulator, Others(cpu0, cpu1), withMemory ? memory : null);
    }

    private int LiveEvery => Math.Max(PlainLoop.PageSize, options.Messages / 10);

    /// <summary>Get-EsMessage once more, untimed, with a forced full GC every tenth of the run: what stays alive as it streams.</summary>
    private MemoryResult MeasureModuleLiveMemory()
    {
        using var session = ModuleSession.Open(options.ModulePath).Connect(Emulator.ApiBaseUri, streamAccount);
        var sampler = new MemorySampler();
        var output = new CountingOutput(new Stopwatch(), sampler, sampleEvery: PlainLoop.PageSize, liveEvery: LiveEvery);
        sampler.Begin();
        session.Run("Get-EsMessage", output);
        var memory = sampler.End(output.Received);
        Expect(output.Received == options.Messages, $"Get-EsMessage wrote {output.Received} objects; the account has {options.Messages}.");
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

        Expect(result.Objects == options.Messages, $"The plain loop counted {result.Objects} objects; the account has {options.Messages}.");
        Expect(requests.Count == result.Requests, $"The plain loop sent {result.Requests} requests; the emulator saw {requests.Count}.");
        return new StreamRun(clock.Elapsed, result.Objects, requests.Count, requests.Count(r => r.Status != 200), FirstRequest(requests, started), result.FirstObjectAt,
            cpu1.Client - cpu0.Client, cpu1.Emulator - cpu0.Emulator, Others(cpu0, cpu1), memory);
    }

    private const string BulkScript = "$ids | Move-EsMessage -Destination JunkEmail -Confirm:$false";
    private const string PerIdScript = "$ids | ForEach-Object { Move-EsMessage -Id $_ -Destination JunkEmail -Confirm:$false }";

    /// <summary>Fresh data for the move account (setup at latency 0, not measured), then the latency under test.</summary>
    private string[] PrepareMoveAccount(int messages, int latency)
    {
        Emulator.SetLatency(moveAccount, 0);
        Emulator.Reset(moveAccount, messages, Seed + 1);
        var ids = Plain.Ids(moveAccount, messages);
        Emulator.SetLatency(moveAccount, latency);
        return ids;
    }

    private MoveRun MeasureMove(string[] ids, string script)
    {
        using var session = ModuleSession.Open(options.ModulePath).Connect(Emulator.ApiBaseUri, moveAccount);
        session.SetVariable("ids", ids);
        Emulator.ClearRequests(moveAccount);
        var clock = new Stopwatch();
        var output = new CountingOutput(clock, isSuccess: o => moveSuccess!.DeclaringType!.IsInstanceOfType(o) && moveSuccess.GetValue(o) is true);
        Settle();
        GC.Collect();
        var cpu0 = Cpu();
        clock.Start();
        session.Run(script, output);
        clock.Stop();
        var cpu1 = Cpu();
        var requests = Emulator.Requests(moveAccount);

        var endpoints = string.Join(" + ", requests
            .GroupBy(r => $"{r.Method} {(SingleMovePath.IsMatch(r.Path) ? "/investigate/{id}/move" : r.Path)}")
            .Select(g => $"{Show.Count(g.Count())} × {g.Key}"));
        Expect(output.Succeeded >= ids.Length, $"'{script}' over {ids.Length} ids reported {output.Succeeded} successful results of {output.Received}.");
        return new MoveRun(clock.Elapsed, ids.Length, output.Received, output.Succeeded, requests.Count, requests.Count(r => r.Status != 200), endpoints,
            cpu1.Client - cpu0.Client, cpu1.Emulator - cpu0.Emulator, Others(cpu0, cpu1));
    }

    /// <summary>
    /// Fresh processes: the module's first import (and first call), each followed by the first import of a one-cmdlet
    /// binary module (this program's Write-BenchObject) as the baseline of what any binary module costs on first import.
    /// </summary>
    private (List<ColdImport> Module, List<ColdImport> Baseline) MeasureColdImports()
    {
        var module = new List<ColdImport>();
        var baseline = new List<ColdImport>();
        for (var i = 0; i < options.ColdImports; i++)
        {
            var run = ColdImport(options.ModulePath, firstCall: true);
            module.Add(run);
            var reference = ColdImport(typeof(WriteBenchObjectCommand).Assembly.Location, firstCall: false);
            baseline.Add(reference);
            Console.WriteLine($"  cold {i + 1}: process {Show.Millis(run.ProcessWall)}, runtime start {Show.Millis(run.Startup)}, runspace open {Show.Millis(run.Open)}, Import-Module {Show.Millis(run.Import)}, " +
                              $"first Get-EsMessage -First 1 {Show.Millis(run.FirstCall)}; baseline module: Import-Module {Show.Millis(reference.Import)}");
        }

        return (module, baseline);
    }

    private ColdImport ColdImport(string modulePath, bool firstCall)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            start.ArgumentList.Add(typeof(Benchmark).Assembly.Location);
        start.ArgumentList.Add("--import-only");
        start.ArgumentList.Add("--module");
        start.ArgumentList.Add(modulePath);
        if (firstCall)
        {
            foreach (var arg in new[] { "--child-api", Emulator.ApiBaseUri.AbsoluteUri, "--child-account", streamAccount })
                start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var child = Process.Start(start)!;
        var stderr = child.StandardError.ReadToEndAsync();
        var stdout = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        clock.Stop();
        var line = stdout.Split('\n').FirstOrDefault(l => l.StartsWith("IMPORT_RESULT ", StringComparison.Ordinal));
        if (child.ExitCode != 0 || line == null)
            throw new InvalidOperationException($"The cold-import child failed (exit {child.ExitCode}):\n{stdout}\n{stderr.Result}");

        var values = line["IMPORT_RESULT ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('='))
            .ToDictionary(p => p[0], p => TimeSpan.FromMilliseconds(double.Parse(p[1], CultureInfo.InvariantCulture)));
        return new ColdImport(clock.Elapsed, values["startup"], values["open"], values["import"], values["first"]);
    }

    private List<WarmImport> MeasureWarmImports()
    {
        var runs = new List<WarmImport>();
        for (var i = 0; i < options.WarmImports; i++)
        {
            using var session = ModuleSession.Open(options.ModulePath);
            runs.Add(new WarmImport(session.OpenTime, session.ImportTime));
        }

        Console.WriteLine($"  warm x{runs.Count}: Import-Module median {Show.Millis(Show.Median(runs.Select(r => r.Import).ToList()))}, runspace open median {Show.Millis(Show.Median(runs.Select(r => r.Open).ToList()))}");
        return runs;
    }

    /// <summary>The child side of a cold import: one fresh process, one runspace, one import, one first call.</summary>
    public static int ImportOnly(BenchmarkOptions options)
    {
        var startup = DateTime.Now - Process.GetCurrentProcess().StartTime;
        using var session = ModuleSession.Open(options.ModulePath);
        var first = TimeSpan.Zero;
        if (options.ChildApi != null && options.ChildAccount != null)
        {
            session.Connect(options.ChildApi, options.ChildAccount);
            var clock = Stopwatch.StartNew();
            var output = new CountingOutput(clock);
            session.Run("Get-EsMessage -First 1", output);
            first = clock.Elapsed;
            if (output.Received != 1) throw new InvalidOperationException($"Get-EsMessage -First 1 wrote {output.Received} objects.");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"IMPORT_RESULT startup={startup.TotalMilliseconds:0.0} open={session.OpenTime.TotalMilliseconds:0.0} import={session.ImportTime.TotalMilliseconds:0.0} first={first.TotalMilliseconds:0.0}"));
        return 0;
    }

    private ResultTable BuildTable(List<LatencyResults> results, List<FloorRun> floor, List<ColdImport> cold, List<ColdImport> coldBaseline, List<WarmImport> warm, double retainedPerMessage)
    {
        var table = new ResultTable(results.Select(r => $"latency {r.LatencyMs} ms"));
        void Row(string label, Func<LatencyResults, string> cell) => table.Row(label, results.Select(cell));
        string Walls(IReadOnlyList<StreamRun> runs) => Show.Spread(runs.Select(r => r.Wall).ToList(), Show.Seconds);
        string MoveWalls(IReadOnlyList<MoveRun> runs) => Show.Spread(runs.Select(r => r.Wall).ToList(), Show.Seconds);
        StreamRun M(LatencyResults r) => r.Module.MedianRun(x => x.Wall);
        StreamRun P(LatencyResults r) => r.PlainStream.MedianRun(x => x.Wall);
        StreamRun S(LatencyResults r) => r.PlainString.MedianRun(x => x.Wall);
        MoveRun B(LatencyResults r) => r.Bulk.MedianRun(x => x.Wall);
        MoveRun I(LatencyResults r) => r.PerId.MedianRun(x => x.Wall);
        var scale = (double)options.Moves / options.PerIdSample;

        table.Section($"Get-EsMessage over {Show.Count(options.Messages)} messages, counted by a C# consumer (median of {options.Repeat}; range)");
        Row("wall time", r => Walls(r.Module));
        Row("objects/second", r => Show.Rate(M(r).Objects, M(r).Wall));
        Row("time to first object", r => Firsts(r.Module, x => x.FirstObject));
        Row("of which: until the first request reached the emulator", r => Firsts(r.Module, x => x.FirstRequest));
        Row("requests sent (emulator log)", r => Show.Count(M(r).Requests) + Failed(M(r).FailedRequests));
        Row("CPU: benchmark process / emulator", r => $"{Show.Seconds(M(r).ClientCpu)} / {Show.Seconds(M(r).EmulatorCpu)}");
        Row("CPU taken by other processes meanwhile (cores)", r => Show.Cores(M(r).OtherCpu, M(r).Wall));
        Row("one run with a script consumer: Get-EsMessage | ForEach-Object { $n++ }", r => $"{Show.Seconds(r.ForEachObject!.Wall)}, {Show.Rate(r.ForEachObject.Objects, r.ForEachObject.Wall)}, CPU {PerObject(r.ForEachObject.ClientCpu, r.ForEachObject.Objects)}/object");

        table.Section($"Plain HttpClient + System.Text.Json loop, same pages, into EmailSecurity.Models.Message (the limit)");
        Row("wall time", r => Walls(r.PlainStream));
        Row("objects/second", r => Show.Rate(P(r).Objects, P(r).Wall));
        Row("time to first object", r => Firsts(r.PlainStream, x => x.FirstObject));
        Row("of which: until the first request reached the emulator", r => Firsts(r.PlainStream, x => x.FirstRequest));
        Row("requests sent (emulator log)", r => Show.Count(P(r).Requests) + Failed(P(r).FailedRequests));
        Row("CPU: benchmark process / emulator", r => $"{Show.Seconds(P(r).ClientCpu)} / {Show.Seconds(P(r).EmulatorCpu)}");
        Row("CPU taken by other processes meanwhile (cores)", r => Show.Cores(P(r).OtherCpu, P(r).Wall));
        Row("same loop, body read as a string first (as the module does)", r => r.PlainString.Count == 0 ? "not measured" : $"{Walls(r.PlainString)}, {Show.Rate(S(r).Objects, S(r).Wall)}");
        Row("same loop, string: CPU benchmark process / emulator", r => r.PlainString.Count == 0 ? "not measured" : $"{Show.Seconds(S(r).ClientCpu)} / {Show.Seconds(S(r).EmulatorCpu)}");

        table.Section("Module vs plain loop");
        Row("wall time, module / plain", r => Show.Ratio(M(r).Wall / P(r).Wall));
        Row("throughput, module as % of plain", r => Show.Percent(P(r).Wall / M(r).Wall));
        Row("client CPU, module / plain", r => Show.Ratio(M(r).ClientCpu / P(r).ClientCpu));
        Row("client CPU per object: module / plain", r => $"{PerObject(M(r).ClientCpu, M(r).Objects)} / {PerObject(P(r).ClientCpu, P(r).Objects)}");
        var floorRun = floor.MedianRun(f => f.Wall);
        table.Once($"engine floor: a C# cmdlet writing {Show.Count(options.Messages)} messages, no network (median of {floor.Count})",
            $"{Show.Spread(floor.Select(f => f.Wall).ToList(), Show.Seconds)}, CPU {PerObject(floorRun.ClientCpu, floorRun.Objects)}/object");

        table.Section("Memory while Get-EsMessage streams (forced full GC before and after each run)");
        Row($"live heap, forced full GC every {Show.Count(LiveEvery)} objects (extra untimed run): start / max / end",
            r => $"{Show.MB(r.LiveMemory!.Live[0].Bytes)} / {Show.MB(r.LiveMemory.Live.Max(l => l.Bytes))} / {Show.MB(r.LiveMemory.Live[^1].Bytes)}");
        Row("live heap: largest growth over the start", r => Show.MB(r.LiveMemory!.Live.Max(l => l.Bytes) - r.LiveMemory.Live[0].Bytes));
        Row("timed run: managed heap start / end", r => $"{Show.MB(M(r).Memory!.StartHeap)} / {Show.MB(M(r).Memory!.EndHeap)}");
        Row("timed run: managed heap peak, sampled every page (no forced GC)", r => Show.MB(M(r).Memory!.PeakHeap));
        Row("timed run: GCs (gen0/gen1/gen2)", r => $"{M(r).Memory!.Collections.Gen0}/{M(r).Memory!.Collections.Gen1}/{M(r).Memory!.Collections.Gen2}");
        Row("timed run: working set start / peak / end", r => $"{Show.MB(M(r).Memory!.StartWorkingSet)} / {Show.MB(M(r).Memory!.PeakWorkingSet)} / {Show.MB(M(r).Memory!.EndWorkingSet)}");
        Row("plain loop: heap peak sampled / GCs (gen0/gen1/gen2)", r => $"{Show.MB(P(r).Memory!.PeakHeap)} / {P(r).Memory!.Collections.Gen0}/{P(r).Memory!.Collections.Gen1}/{P(r).Memory!.Collections.Gen2}");
        Row("plain loop, body as string: heap peak sampled / GCs", r => r.PlainString.Count == 0 ? "not measured" : $"{Show.MB(S(r).Memory!.PeakHeap)} / {S(r).Memory!.Collections.Gen0}/{S(r).Memory!.Collections.Gen1}/{S(r).Memory!.Collections.Gen2}");
        table.Once($"if all {Show.Count(options.Messages)} were held at once (one Message retains {retainedPerMessage.ToString("N0", CultureInfo.InvariantCulture)} B, measured)", $"≥ {Show.MB(retainedPerMessage * options.Messages)}");

        table.Section($"Move-EsMessage, {Show.Count(options.Moves)} piped ids (median of {options.Repeat}; range; one call per id: {options.Repeat} run(s) at 0 ms, 1 run with latency)");
        Row("bulk: wall time", r => MoveWalls(r.Bulk));
        Row("bulk: requests sent", r => B(r).Endpoints + Failed(B(r).FailedRequests));
        Row("bulk: per id", r => Show.Millis(B(r).Wall.TotalMilliseconds / B(r).Ids));
        Row("bulk: CPU benchmark process / emulator / others (cores)", r => $"{Show.Seconds(B(r).ClientCpu)} / {Show.Seconds(B(r).EmulatorCpu)} / {Show.Cores(B(r).OtherCpu, B(r).Wall)}");
        Row($"one call per id, measured on {Show.Count(options.PerIdSample)} ids: wall time", r => MoveWalls(r.PerId));
        Row($"one call per id, measured: requests sent", r => I(r).Endpoints + Failed(I(r).FailedRequests));
        Row("one call per id: per id", r => Show.Millis(I(r).Wall.TotalMilliseconds / I(r).Ids));
        Row("one call per id: CPU benchmark process / emulator / others (cores)", r => $"{Show.Seconds(I(r).ClientCpu)} / {Show.Seconds(I(r).EmulatorCpu)} / {Show.Cores(I(r).OtherCpu, I(r).Wall)}");
        Row($"one call per id, extrapolated ×{scale:0.#} to {Show.Count(options.Moves)} ids: wall time", r => "≈ " + Show.Seconds(I(r).Wall * scale));
        Row("one call per id, extrapolated: requests", r => "≈ " + Show.Count((long)Math.Round(I(r).Requests * scale)));
        Row("one call per id / bulk: wall time", r => Show.Ratio(I(r).Wall.TotalMilliseconds / I(r).Ids / (B(r).Wall.TotalMilliseconds / B(r).Ids)));
        Row("one call per id / bulk: requests", r => Show.Ratio((double)I(r).Requests / I(r).Ids / ((double)B(r).Requests / B(r).Ids)));

        table.Section("Import-Module (no network; measured once, after the latency runs)");
        table.Once($"cold: first import in a fresh process (median of {cold.Count}; range)", Show.Spread(cold.Select(c => c.Import).ToList(), Show.Millis));
        table.Once("cold, for comparison: first import of a one-cmdlet binary module (this program's, assembly already loaded; median)", Show.Millis(Show.Median(coldBaseline.Select(c => c.Import).ToList())));
        table.Once("cold: runspace open before it (median)", Show.Millis(Show.Median(cold.Select(c => c.Open).ToList())));
        table.Once("cold: first Get-EsMessage -First 1 after it (median)", Show.Millis(Show.Median(cold.Select(c => c.FirstCall).ToList())));
        table.Once("cold: whole child process, start to exit (median)", Show.Millis(Show.Median(cold.Select(c => c.ProcessWall).ToList())));
        table.Once($"warm: import into a new runspace of this process (median of {warm.Count}; range)", Show.Spread(warm.Select(w => w.Import).ToList(), Show.Millis));
        table.Once("warm: runspace open before it (median)", Show.Millis(Show.Median(warm.Select(w => w.Open).ToList())));
        return table;
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

    private static TimeSpan? FirstRequest(IReadOnlyList<RecordedRequest> requests, DateTimeOffset started) =>
        requests.Count == 0 ? null : requests.Min(r => r.ReceivedAt) - started;

    /// <summary>Median and range over the runs (they vary more than the totals do).</summary>
    private static string Firsts(IReadOnlyList<StreamRun> runs, Func<StreamRun, TimeSpan?> value) =>
        Show.Spread(runs.Select(r => value(r) ?? TimeSpan.Zero).ToList(), Show.Millis);

    private static string PerObject(TimeSpan cpu, long objects) =>
        (cpu.TotalMilliseconds * 1000 / Math.Max(1, objects)).ToString("0.0", CultureInfo.InvariantCulture) + " µs";

    private static string Failed(int count) => count == 0 ? string.Empty : $" ({count} not 200)";

    private (TimeSpan Client, TimeSpan Emulator, TimeSpan? System) Cpu() =>
        (Process.GetCurrentProcess().TotalProcessorTime, Emulator.CpuTime, SystemCpu.Busy());

    /// <summary>The machine's busy time during a run minus ours and the emulator's: what other processes took.</summary>
    private static TimeSpan? Others((TimeSpan Client, TimeSpan Emulator, TimeSpan? System) before, (TimeSpan Client, TimeSpan Emulator, TimeSpan? System) after)
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
