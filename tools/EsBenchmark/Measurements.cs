namespace EsBenchmark;

/// <summary>One run of a streaming command or loop.</summary>
/// <param name="FirstRequest">From the start of the run to the first request's arrival at the emulator (its log's
/// receivedAt).</param>
/// <param name="Digest">The ids in the order written (<see cref="OrderDigest"/>), or null when not taken.</param>
internal sealed record StreamRun(
    TimeSpan Wall, long Objects, int Requests, int FailedRequests, TimeSpan? FirstRequest, TimeSpan? FirstObject,
    TimeSpan ClientCpu, TimeSpan EmulatorCpu, TimeSpan? OtherCpu, MemoryResult? Memory, ulong? Digest = null);

/// <summary>One run of a move: bulk or one call per id.</summary>
internal sealed record MoveRun(
    TimeSpan Wall, int Ids, long Results, long Succeeded, int Requests, int FailedRequests, string Endpoints,
    TimeSpan ClientCpu, TimeSpan EmulatorCpu, TimeSpan? OtherCpu);

/// <summary>Everything measured at one latency.</summary>
internal sealed class LatencyResults(int latencyMs)
{
    public int LatencyMs { get; } = latencyMs;

    /// <summary>Get-EsMessage as it runs by default: a long search in time windows, -ThrottleLimit 4.</summary>
    public List<StreamRun> Module { get; } = new();

    /// <summary>Get-EsMessage -ThrottleLimit 1: one page after another.</summary>
    public List<StreamRun> ModuleSequential { get; } = new();

    /// <summary>One run of Get-EsMessage | ForEach-Object { $n++ }: what a typical script consumer adds.</summary>
    public StreamRun? ForEachObject { get; set; }

    /// <summary>
    /// The untimed Get-EsMessage run with a forced full GC every few thousand objects (the live heap).
    /// </summary>
    public MemoryResult? LiveMemory { get; set; }
    public List<StreamRun> PlainStream { get; } = new();
    public List<StreamRun> PlainString { get; } = new();
    public List<MoveRun> Bulk { get; } = new();
    public List<MoveRun> PerId { get; } = new();
}

/// <summary>A run of the engine floor (Write-BenchObject): no network, the same consumer.</summary>
internal sealed record FloorRun(TimeSpan Wall, long Objects, TimeSpan ClientCpu);

/// <summary>One first import in a fresh process (from the child's IMPORT_RESULT line and the parent's clock).</summary>
internal sealed record ColdImport(
    TimeSpan ProcessWall,
    TimeSpan Startup,
    TimeSpan Open,
    TimeSpan Import,
    TimeSpan FirstCall);

internal sealed record WarmImport(TimeSpan Open, TimeSpan Import);

internal static class RunSelection
{
    /// <summary>CPU other processes used during a run, in cores on average ("0.8" = most of one core).</summary>
    public static double? OtherCores(TimeSpan? other, TimeSpan wall) => other is { } o ? o / wall : null;

    /// <summary>
    /// The run whose wall time is the median (lower middle for an even count): its other numbers go with it.
    /// </summary>
    public static T MedianRun<T>(this IReadOnlyList<T> runs, Func<T, TimeSpan> wall) =>
        runs.OrderBy(wall).ElementAt((runs.Count - 1) / 2);
}
