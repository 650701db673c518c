namespace EsBenchmark;

/// <summary>
/// Managed heap and working set during a run: a forced full GC before (start) and after (end), samples in between.
/// A plain sample forces nothing, so between GCs it climbs by whatever was allocated: the sampled peak shows the GC's
/// budget and the garbage a run makes as much as what it keeps. What it keeps is measured by <see cref="SampleLive"/>
/// (a forced full GC, in an untimed run): flat when nothing accumulates, climbing by every message held if pages
/// were buffered.
/// </summary>
internal sealed class MemorySampler
{
    private readonly List<(long Objects, long Bytes)> live = new();
    private long startHeap, startWorkingSet, peakHeap, peakWorkingSet, lastHeap;
    private int gen0, gen1, gen2;

    public void Begin()
    {
        GC.GetTotalMemory(forceFullCollection: true);
        GC.WaitForPendingFinalizers();
        startHeap = GC.GetTotalMemory(forceFullCollection: true);
        startWorkingSet = Environment.WorkingSet;
        peakHeap = lastHeap = startHeap;
        peakWorkingSet = startWorkingSet;
        live.Clear();
        live.Add((0, startHeap));
        gen0 = GC.CollectionCount(0);
        gen1 = GC.CollectionCount(1);
        gen2 = GC.CollectionCount(2);
    }

    public void Sample(long objects)
    {
        lastHeap = GC.GetTotalMemory(forceFullCollection: false);
        var workingSet = Environment.WorkingSet;
        if (lastHeap > peakHeap) peakHeap = lastHeap;
        if (workingSet > peakWorkingSet) peakWorkingSet = workingSet;
    }

    /// <summary>
    /// A forced full GC and what is left: the live set at this point of the run (slows the run down; used in an untimed
    /// run).
    /// </summary>
    public void SampleLive(long objects)
    {
        var bytes = GC.GetTotalMemory(forceFullCollection: true);
        live.Add((objects, bytes));
    }

    public MemoryResult End(long objects)
    {
        Sample(objects);
        var collections = (GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2);
        var endWorkingSet = Environment.WorkingSet;
        var beforeGc = lastHeap;
        var endHeap = GC.GetTotalMemory(forceFullCollection: true);
        live.Add((objects, endHeap));
        return new MemoryResult(startHeap, peakHeap, beforeGc, endHeap, startWorkingSet, peakWorkingSet, endWorkingSet,
            live.ToArray(), collections);
    }
}

/// <param name="Live">Heap after forced full GCs: at the start, at each <see cref="MemorySampler.SampleLive"/>, at the
/// end.</param>
internal sealed record MemoryResult(
    long StartHeap, long PeakHeap, long EndHeapBeforeGc, long EndHeap,
    long StartWorkingSet, long PeakWorkingSet, long EndWorkingSet,
    (long Objects, long Bytes)[] Live, (int Gen0, int Gen1, int Gen2) Collections);
