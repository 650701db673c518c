using System.Globalization;

namespace EsBenchmark;

/// <summary>The result table: every row from the measurements above.</summary>
internal sealed partial class Benchmark
{
    private ResultTable BuildTable(
        List<LatencyResults> results,
        List<FloorRun> floor,
        List<ColdImport> cold,
        List<ColdImport> coldBaseline,
        List<WarmImport> warm,
        double retainedPerMessage)
    {
        var table = new ResultTable(results.Select(r => $"latency {r.LatencyMs} ms"));
        void Row(string label, Func<LatencyResults, string> cell) => table.Row(label, results.Select(cell));
        string Walls(IReadOnlyList<StreamRun> runs) => Show.Spread(runs.Select(r => r.Wall).ToList(), Show.Seconds);
        string MoveWalls(IReadOnlyList<MoveRun> runs) => Show.Spread(runs.Select(r => r.Wall).ToList(), Show.Seconds);
        StreamRun M(LatencyResults r) => r.Module.MedianRun(x => x.Wall);
        StreamRun P(LatencyResults r) => r.PlainStream.MedianRun(x => x.Wall);
        StreamRun Q(LatencyResults r) => r.ModuleSequential.MedianRun(x => x.Wall);
        TimeSpan MedianFirst(IReadOnlyList<StreamRun> runs) =>
            Show.Median(runs.Select(x => x.FirstObject ?? TimeSpan.Zero).ToList());
        string Budget(int requests) => Show.Percent(requests / 1200.0);
        string NotMoved(LatencyResults r, Func<LatencyResults, string> cell) =>
            r.Bulk.Count == 0 ? "not measured" : cell(r);
        StreamRun S(LatencyResults r) => r.PlainString.MedianRun(x => x.Wall);
        MoveRun B(LatencyResults r) => r.Bulk.MedianRun(x => x.Wall);
        MoveRun I(LatencyResults r) => r.PerId.MedianRun(x => x.Wall);
        var scale = (double)options.Moves / options.PerIdSample;

        table.Section(
            $"{Show.Count(options.Messages)} messages: {Windows} in time windows (-ThrottleLimit " +
            $"{options.Throttle?.ToString(CultureInfo.InvariantCulture) ?? "4, the default"}) against a sequential " +
            "cursor walk of the same range (the SDKs' way: the plain loop below)");
        Row("wall time: windows / sequential walk (target at 200 ms: at most 0.35×; at 0 ms: at most 1×)",
            r => Show.Ratio(M(r).Wall / P(r).Wall));
        Row("wall time: windows / Get-EsMessage -ThrottleLimit 1 (the module one page after another)",
            r => Show.Ratio(M(r).Wall / Q(r).Wall));
        Row("time to first object: windows / sequential walk's first page (one round trip; target: at most +20 ms)",
            r => $"{Show.Millis(MedianFirst(r.Module))} / {Show.Millis(MedianFirst(r.PlainStream))} " +
                $"({(MedianFirst(r.Module) - MedianFirst(r.PlainStream)).TotalMilliseconds
                    .ToString("+0;-0", CultureInfo.InvariantCulture)} ms)");
        Row("requests: windows / one page after another / sequential walk",
            r => $"{Show.Count(M(r).Requests)} / {Show.Count(Q(r).Requests)} / {Show.Count(P(r).Requests)}");
        Row("share of the rate budget (1,200 requests per 5 minutes): windows / sequential walk",
            r => $"{Budget(M(r).Requests)} / {Budget(P(r).Requests)}");
        Row("managed heap peak, sampled every page: windows / one page after another / plain loop", r =>
            $"{Show.MB(M(r).Memory!.PeakHeap)} / {Show.MB(Q(r).Memory!.PeakHeap)} / {Show.MB(P(r).Memory!.PeakHeap)}");
        Row("the same messages in the same order as the sequential walk (ids compared in order)",
            r => "yes, every run");
        Row("Get-EsMessage -ThrottleLimit 1: wall time", r => Walls(r.ModuleSequential));

        table.Section($"Get-EsMessage over {Show.Count(options.Messages)} messages in time windows, counted by a C# " +
            $"consumer (median of {options.Repeat}, 2 from {BenchmarkOptions.SlowLatency} ms; range)");
        Row("wall time", r => Walls(r.Module));
        Row("objects/second", r => Show.Rate(M(r).Objects, M(r).Wall));
        Row("time to first object", r => Firsts(r.Module, x => x.FirstObject));
        Row("of which: until the first request reached the emulator", r => Firsts(r.Module, x => x.FirstRequest));
        Row("requests sent (emulator log)", r => Show.Count(M(r).Requests) + Failed(M(r).FailedRequests));
        Row("CPU: benchmark process / emulator",
            r => $"{Show.Seconds(M(r).ClientCpu)} / {Show.Seconds(M(r).EmulatorCpu)}");
        Row("CPU taken by other processes meanwhile (cores)", r => Show.Cores(M(r).OtherCpu, M(r).Wall));
        Row("one run with a script consumer: Get-EsMessage | ForEach-Object { $n++ }",
            r => r.ForEachObject is not { } each ? "not measured" : $"{Show.Seconds(each.Wall)}, " +
                $"{Show.Rate(each.Objects, each.Wall)}, CPU {PerObject(each.ClientCpu, each.Objects)}/object");

        table.Section(
            $"Plain HttpClient + System.Text.Json loop, same pages, into EmailSecurity.Models.Message (the limit)");
        Row("wall time", r => Walls(r.PlainStream));
        Row("objects/second", r => Show.Rate(P(r).Objects, P(r).Wall));
        Row("time to first object", r => Firsts(r.PlainStream, x => x.FirstObject));
        Row("of which: until the first request reached the emulator", r => Firsts(r.PlainStream, x => x.FirstRequest));
        Row("requests sent (emulator log)", r => Show.Count(P(r).Requests) + Failed(P(r).FailedRequests));
        Row("CPU: benchmark process / emulator",
            r => $"{Show.Seconds(P(r).ClientCpu)} / {Show.Seconds(P(r).EmulatorCpu)}");
        Row("CPU taken by other processes meanwhile (cores)", r => Show.Cores(P(r).OtherCpu, P(r).Wall));
        Row("same loop, body read as a string first (as the module does)", r => r.PlainString.Count == 0
            ? "not measured"
            : $"{Walls(r.PlainString)}, {Show.Rate(S(r).Objects, S(r).Wall)}");
        Row("same loop, string: CPU benchmark process / emulator", r => r.PlainString.Count == 0
            ? "not measured"
            : $"{Show.Seconds(S(r).ClientCpu)} / {Show.Seconds(S(r).EmulatorCpu)}");

        table.Section("Module vs plain loop");
        Row("wall time, module / plain", r => Show.Ratio(M(r).Wall / P(r).Wall));
        Row("throughput, module as % of plain", r => Show.Percent(P(r).Wall / M(r).Wall));
        Row("client CPU, module / plain", r => Show.Ratio(M(r).ClientCpu / P(r).ClientCpu));
        Row("client CPU per object: module / plain",
            r => $"{PerObject(M(r).ClientCpu, M(r).Objects)} / {PerObject(P(r).ClientCpu, P(r).Objects)}");
        var floorRun = floor.MedianRun(f => f.Wall);
        table.Once($"engine floor: a C# cmdlet writing {Show.Count(options.Messages)} messages, no network (median " +
            $"of {floor.Count})",
            $"{Show.Spread(floor.Select(f => f.Wall).ToList(), Show.Seconds)}, CPU " +
            $"{PerObject(floorRun.ClientCpu, floorRun.Objects)}/object");

        table.Section("Memory while Get-EsMessage streams (forced full GC before and after each run)");
        Row($"live heap, forced full GC every {Show.Count(LiveEvery)} objects (extra untimed run): start / max / end",
            r => $"{Show.MB(r.LiveMemory!.Live[0].Bytes)} / {Show.MB(r.LiveMemory.Live.Max(l => l.Bytes))} / " +
                $"{Show.MB(r.LiveMemory.Live[^1].Bytes)}");
        Row("live heap: largest growth over the start",
            r => Show.MB(r.LiveMemory!.Live.Max(l => l.Bytes) - r.LiveMemory.Live[0].Bytes));
        Row("timed run: managed heap start / end",
            r => $"{Show.MB(M(r).Memory!.StartHeap)} / {Show.MB(M(r).Memory!.EndHeap)}");
        Row("timed run: managed heap peak, sampled every page (no forced GC)", r => Show.MB(M(r).Memory!.PeakHeap));
        Row("timed run: GCs (gen0/gen1/gen2)",
            r => $"{M(r).Memory!.Collections.Gen0}/{M(r).Memory!.Collections.Gen1}/{M(r).Memory!.Collections.Gen2}");
        Row("timed run: working set start / peak / end", r => $"{Show.MB(M(r).Memory!.StartWorkingSet)} / " +
            $"{Show.MB(M(r).Memory!.PeakWorkingSet)} / {Show.MB(M(r).Memory!.EndWorkingSet)}");
        Row("plain loop: heap peak sampled / GCs (gen0/gen1/gen2)", r => $"{Show.MB(P(r).Memory!.PeakHeap)} / " +
            $"{P(r).Memory!.Collections.Gen0}/{P(r).Memory!.Collections.Gen1}/{P(r).Memory!.Collections.Gen2}");
        Row("plain loop, body as string: heap peak sampled / GCs",
            r => r.PlainString.Count == 0 ? "not measured" : $"{Show.MB(S(r).Memory!.PeakHeap)} / " +
                $"{S(r).Memory!.Collections.Gen0}/{S(r).Memory!.Collections.Gen1}/{S(r).Memory!.Collections.Gen2}");
        table.Once(
            $"if all {Show.Count(options.Messages)} were held at once (one Message retains " +
            $"{retainedPerMessage.ToString("N0", CultureInfo.InvariantCulture)} B, measured)",
            $"≥ {Show.MB(retainedPerMessage * options.Messages)}");

        table.Section(
            $"Move-EsMessage, {Show.Count(options.Moves)} piped ids (median of {options.Repeat}; range; one call per " +
            $"id: {options.Repeat} run(s) at 0 ms, 1 run with latency; not measured from " +
            $"{BenchmarkOptions.SlowLatency} ms)");
        Row("bulk: wall time", r => NotMoved(r, r => MoveWalls(r.Bulk)));
        Row("bulk: requests sent", r => NotMoved(r, r => B(r).Endpoints + Failed(B(r).FailedRequests)));
        Row("bulk: per id", r => NotMoved(r, r => Show.Millis(B(r).Wall.TotalMilliseconds / B(r).Ids)));
        Row("bulk: CPU benchmark process / emulator / others (cores)",
            r => NotMoved(r, r => $"{Show.Seconds(B(r).ClientCpu)} / {Show.Seconds(B(r).EmulatorCpu)} / " +
                $"{Show.Cores(B(r).OtherCpu, B(r).Wall)}"));
        Row($"one call per id, measured on {Show.Count(options.PerIdSample)} ids: wall time",
            r => NotMoved(r, r => MoveWalls(r.PerId)));
        Row($"one call per id, measured: requests sent",
            r => NotMoved(r, r => I(r).Endpoints + Failed(I(r).FailedRequests)));
        Row("one call per id: per id", r => NotMoved(r, r => Show.Millis(I(r).Wall.TotalMilliseconds / I(r).Ids)));
        Row("one call per id: CPU benchmark process / emulator / others (cores)",
            r => NotMoved(r, r => $"{Show.Seconds(I(r).ClientCpu)} / {Show.Seconds(I(r).EmulatorCpu)} / " +
                $"{Show.Cores(I(r).OtherCpu, I(r).Wall)}"));
        Row($"one call per id, extrapolated ×{scale:0.#} to {Show.Count(options.Moves)} ids: wall time",
            r => NotMoved(r, r => "≈ " + Show.Seconds(I(r).Wall * scale)));
        Row("one call per id, extrapolated: requests",
            r => NotMoved(r, r => "≈ " + Show.Count((long)Math.Round(I(r).Requests * scale))));
        Row("one call per id / bulk: wall time", r => NotMoved(r,
            r => Show.Ratio(I(r).Wall.TotalMilliseconds / I(r).Ids / (B(r).Wall.TotalMilliseconds / B(r).Ids))));
        Row("one call per id / bulk: requests",
            r => NotMoved(r, r => Show.Ratio((double)I(r).Requests / I(r).Ids / ((double)B(r).Requests / B(r).Ids))));

        table.Section("Import-Module (no network; measured once, after the latency runs)");
        table.Once($"cold: first import in a fresh process (median of {cold.Count}; range)",
            Show.Spread(cold.Select(c => c.Import).ToList(), Show.Millis));
        table.Once("cold, for comparison: first import of a one-cmdlet binary module (this program's, assembly " +
            "already loaded; median)", Show.Millis(Show.Median(coldBaseline.Select(c => c.Import).ToList())));
        table.Once("cold: runspace open before it (median)",
            Show.Millis(Show.Median(cold.Select(c => c.Open).ToList())));
        table.Once("cold: first Get-EsMessage -First 1 after it (median)",
            Show.Millis(Show.Median(cold.Select(c => c.FirstCall).ToList())));
        table.Once("cold: whole child process, start to exit (median)",
            Show.Millis(Show.Median(cold.Select(c => c.ProcessWall).ToList())));
        table.Once($"warm: import into a new runspace of this process (median of {warm.Count}; range)",
            Show.Spread(warm.Select(w => w.Import).ToList(), Show.Millis));
        table.Once("warm: runspace open before it (median)",
            Show.Millis(Show.Median(warm.Select(w => w.Open).ToList())));
        return table;
    }

    /// <summary>Median and range over the runs (they vary more than the totals do).</summary>
    private static string Firsts(IReadOnlyList<StreamRun> runs, Func<StreamRun, TimeSpan?> value) =>
        Show.Spread(runs.Select(r => value(r) ?? TimeSpan.Zero).ToList(), Show.Millis);

    private static string PerObject(TimeSpan cpu, long objects) =>
        (cpu.TotalMilliseconds * 1000 / Math.Max(1, objects)).ToString("0.0", CultureInfo.InvariantCulture) + " µs";

    private static string Failed(int count) => count == 0 ? string.Empty : $" ({count} not 200)";
}
