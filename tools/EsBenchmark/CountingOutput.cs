using System.Diagnostics;
using System.Management.Automation;

namespace EsBenchmark;

/// <summary>
/// The end of the measured pipeline: a C# consumer that counts what the last command writes and keeps nothing
/// (a plain PSDataCollection would hold every object and turn a streaming run into a buffering one). No downstream
/// command and no parameter binding per object, so the cost measured is the module's and the engine's own.
/// </summary>
internal sealed class CountingOutput : PSDataCollection<PSObject>
{
    private readonly Stopwatch clock;
    private readonly MemorySampler? sampler;
    private readonly int sampleEvery;
    private readonly Func<object, bool>? isSuccess;

    private readonly int liveEvery;

    /// <param name="liveEvery">Objects between forced full GCs that measure the live heap (0: never; for untimed runs only).</param>
    public CountingOutput(Stopwatch clock, MemorySampler? sampler = null, int sampleEvery = 1000, Func<object, bool>? isSuccess = null, int liveEvery = 0)
    {
        this.liveEvery = liveEvery;
        this.clock = clock;
        this.sampler = sampler;
        this.sampleEvery = sampleEvery;
        this.isSuccess = isSuccess;
    }

    public long Received { get; private set; }

    /// <summary>Objects <c>isSuccess</c> accepted.</summary>
    public long Succeeded { get; private set; }

    /// <summary>Clock reading when the first object arrived.</summary>
    public TimeSpan? FirstObjectAt { get; private set; }

    /// <summary>The .NET types of what arrived (to make sure it is the module's objects that were counted).</summary>
    public HashSet<Type> Types { get; } = new();

    protected override void InsertItem(Guid psInstanceId, int index, PSObject item)
    {
        if (Received == 0) FirstObjectAt = clock.Elapsed;
        Received++;
        var value = item?.BaseObject;
        if (value != null)
        {
            Types.Add(value.GetType());
            if (isSuccess != null && isSuccess(value)) Succeeded++;
        }

        if (sampler != null && Received % sampleEvery == 0) sampler.Sample(Received);
        if (sampler != null && liveEvery > 0 && Received % liveEvery == 0) sampler.SampleLive(Received);
    }
}
