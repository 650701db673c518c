using System.Management.Automation;

namespace EsBenchmark;

/// <summary>
/// The engine's floor: writes <see cref="Count"/> objects taken in turn from <see cref="Page"/> (real messages, one
/// page of them), with no network and no async work. What the same consumer sees from this is what PowerShell itself
/// costs per object; the rest of Get-EsMessage's cost over the plain loop is the module's.
/// </summary>
[Cmdlet(VerbsCommunications.Write, "BenchObject")]
public sealed class WriteBenchObjectCommand : PSCmdlet
{
    [Parameter(Mandatory = true)]
    public object[] Page { get; set; } = [];

    [Parameter(Mandatory = true)]
    public int Count { get; set; }

    protected override void EndProcessing()
    {
        for (var i = 0; i < Count; i++)
        {
            WriteObject(Page[i % Page.Length]);
        }
    }
}
