using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace EsShell.Hosting;

/// <summary>The outcome of <see cref="FormattedInvocation.Invoke"/>.</summary>
public sealed class FormattedInvocationResult(IReadOnlyList<ErrorRecord> errors, Exception? terminating)
{
    /// <summary>Non-terminating errors, in the order they were shown.</summary>
    public IReadOnlyList<ErrorRecord> Errors { get; } = errors;

    /// <summary>
    /// The error that ended the script, already shown through the error view; null if it ran to the end.
    /// </summary>
    public Exception? Terminating { get; } = terminating;

    public bool Succeeded => Terminating is null && Errors.Count == 0;
}

/// <summary>
/// Runs script text the way pwsh runs a typed command: <c>script | Out-Default</c> with the error stream merged
/// into the output, so results go through the format views and errors through the error view ($ErrorView).
/// </summary>
public static class FormattedInvocation
{
    // Passes everything on to Out-Default and notes the error records on the way. Error records keep their
    // "error stream" mark, so Out-Default still writes them with WriteErrorLine.
    private const string ErrorTap =
        "param($Errors) process { if ($_ -is [System.Management.Automation.ErrorRecord]) { $Errors.Add($_) }; $_ }";

    private const string ShowError = "[CmdletBinding()] param($Record) $PSCmdlet.WriteError($Record)";

    /// <param name="powerShell">An empty PowerShell bound to a runspace; the caller may Stop() it from another thread
    /// and reads its Streams afterwards.</param>
    /// <param name="script">Script text, run in the global scope like typed input.</param>
    public static FormattedInvocationResult Invoke(PowerShell powerShell, string script)
    {
        var errors = new List<ErrorRecord>();
        powerShell.AddScript(script);
        powerShell.Commands.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
        powerShell.AddScript(ErrorTap, useLocalScope: true).AddParameter("Errors", errors);
        powerShell.AddCommand("Out-Default");
        try
        {
            powerShell.Invoke();
            return new FormattedInvocationResult(errors, null);
        }
        catch (Exception exception) when (exception is not PipelineStoppedException)
        {
            try
            {
                Show(powerShell.Runspace, exception);
            }
            catch (Exception)
            {
                // Best effort: the caller still gets the exception in the result.
            }

            return new FormattedInvocationResult(errors, exception);
        }
        catch (PipelineStoppedException stopped)
        {
            return new FormattedInvocationResult(errors, stopped);
        }
    }

    /// <summary>Shows an error that ended a script through Out-Default and the error view, as pwsh does.</summary>
    public static void Show(Runspace runspace, Exception exception)
    {
        var record = (exception as IContainsErrorRecord)?.ErrorRecord
                     ?? new ErrorRecord(exception, exception.GetType().Name, ErrorCategory.NotSpecified, null);
        using var powerShell = PowerShell.Create();
        powerShell.Runspace = runspace;
        powerShell.AddScript(ShowError, useLocalScope: true).AddParameter("Record", record);
        powerShell.Commands.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
        powerShell.AddCommand("Out-Default");
        powerShell.Invoke();
    }
}
