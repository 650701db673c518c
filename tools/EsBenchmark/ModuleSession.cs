using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using EsShell.Hosting;

namespace EsBenchmark;

/// <summary>
/// A runspace as EsShell makes one (<see cref="TextHost"/>, <c>InitialSessionState.CreateDefault2()</c>) with the
/// module imported from its manifest (<c>Import-Module &lt;psd1&gt; -ErrorAction Stop</c>), optionally connected to an
/// emulator account. The host writes to nowhere: nothing is formatted during a measurement.
/// </summary>
internal sealed class ModuleSession : IDisposable
{
    private readonly Runspace runspace;

    private ModuleSession(Runspace runspace, TimeSpan openTime)
    {
        this.runspace = runspace;
        OpenTime = openTime;
    }

    /// <summary>Creating and opening the runspace.</summary>
    public TimeSpan OpenTime { get; }

    /// <summary>Import-Module alone.</summary>
    public TimeSpan ImportTime { get; private set; }

    /// <summary>
    /// Opens a runspace and, when <paramref name="modulePath"/> is given, imports the module (both timed).
    /// </summary>
    public static ModuleSession Open(string? modulePath)
    {
        var clock = Stopwatch.StartNew();
        var runspace =
            RunspaceFactory.CreateRunspace(new TextHost(TextWriter.Null), InitialSessionState.CreateDefault2());
        runspace.Open();
        var session = new ModuleSession(runspace, clock.Elapsed);
        try
        {
            if (modulePath != null)
            {
                clock.Restart();
                session.Run($"Import-Module {Quote(modulePath)} -ErrorAction Stop");
                session.ImportTime = clock.Elapsed;
            }

            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Connect-EsAccount with an API token against the emulator (the session's connection from then on).
    /// </summary>
    public ModuleSession Connect(Uri apiBaseUri, string account)
    {
        var token = new SecureString();
        foreach (var c in "benchmark-token") token.AppendChar(c);
        token.MakeReadOnly();
        SetVariable("EsBenchToken", token);
        Run($"Connect-EsAccount -AccountId {Quote(account)} -ApiToken $EsBenchToken -BaseUri " +
            $"{Quote(apiBaseUri.AbsoluteUri)}");
        return this;
    }

    public void SetVariable(string name, object? value) => runspace.SessionStateProxy.SetVariable(name, value);

    /// <summary>
    /// Runs script text; every object it writes goes to <paramref name="output"/> (nothing is kept when that is a
    /// <see cref="CountingOutput"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The script wrote an error or stopped on one: the measurement would
    /// be meaningless.</exception>
    public void Run(string script, PSDataCollection<PSObject>? output = null)
    {
        using var powerShell = PowerShell.Create();
        powerShell.Runspace = runspace;
        powerShell.AddScript(script);
        using var sink = output == null ? new PSDataCollection<PSObject>() : null;
        try
        {
            powerShell.Invoke<PSObject, PSObject>(null, output ?? sink!, null);
        }
        catch (Exception error)
        {
            throw new InvalidOperationException($"'{script}' stopped: {error.Message}", error);
        }

        if (powerShell.Streams.Error.Count > 0)
        {
            var errors = powerShell.Streams.Error.Take(3).Select(e => $"{e.FullyQualifiedErrorId}: {e}");
            throw new InvalidOperationException($"'{script}' wrote {powerShell.Streams.Error.Count} error(s), " +
                $"e.g.:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", errors)}");
        }
    }

    public static string Quote(string text) => "'" + text.Replace("'", "''") + "'";

    public void Dispose() => runspace.Dispose();
}
