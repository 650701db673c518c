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
    private readonly Func<object, string?>? idOf;
    private readonly OrderDigest digest = new();

    /// <param name="liveEvery">Objects between forced full GCs that measure the live heap (0: never; for untimed runs
    /// only).</param>
    /// <param name="idOf">The id of an object, for <see cref="Digest"/>.</param>
    public CountingOutput(
        Stopwatch clock,
        MemorySampler? sampler = null,
        int sampleEvery = 1000,
        Func<object, bool>? isSuccess = null,
        int liveEvery = 0,
        Func<object, string?>? idOf = null)
    {
        this.idOf = idOf;
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

    /// <summary>
    /// A digest of the ids in the order they arrived (when given <c>idOf</c>): equal for the same objects in the same
    /// order.
    /// </summary>
    public ulong Digest => digest.Value;

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
            if (idOf != null) digest.Add(idOf(value));
        }

        if (sampler != null && Received % sampleEvery == 0) sampler.Sample(Received);
        if (sampler != null && liveEvery > 0 && Received % liveEvery == 0) sampler.SampleLive(Received);
    }
}

/// <summary>
/// FNV-1a over a sequence of ids, each followed by a separator: the same ids in the same order give the same value.
/// </summary>
internal sealed class OrderDigest
{
    public ulong Value { get; private set; } = 14695981039346656037UL;

    public void Add(string? id)
    {
        var hash = Value;
        foreach (var c in id ?? "\0")
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        Value = (hash ^ '\n') * 1099511628211UL;
    }
}
