using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Text;
using System.Text.RegularExpressions;
using EsShell.Hosting;

namespace EsShell;

/// <summary>
/// A console session: one runspace with the module imported, driven by -Command, -File or a prompt loop.
/// </summary>
internal sealed class Shell : IDisposable
{
    private readonly ShellOptions _options;
    private readonly TextHost _host;
    private readonly Runspace _runspace;
    private readonly LineEditor _editor;
    private readonly object _gate = new();
    private PowerShell? _running;

    public Shell(ShellOptions options)
    {
        _options = options;
        _host = new TextHost(Console.Out, ConsoleWidth(), new ConsolePromptResponder(Console.Out), Console.Error);
        _runspace = RunspaceFactory.CreateRunspace(_host, InitialSessionState.CreateDefault2());
        _runspace.Open();
        _editor = new LineEditor(new SystemKeyConsole(), Complete);
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    public int Run()
    {
        // NormalView shows CategoryInfo and FullyQualifiedErrorId under each error.
        var startup = "$ErrorView = 'NormalView'";
        if (_options.ModulePath is { Length: > 0 } modulePath)
            startup += $"; Import-Module {Quote(modulePath)} -ErrorAction Stop";
        if (!Execute(startup).Succeeded) return 1;
        if (_options.Sandbox && !Execute("Connect-EsAccount -Sandbox").Succeeded) return 1;

        if (_options.File is { } file)
        {
            _runspace.SessionStateProxy.SetVariable("global:LASTEXITCODE", 0);
            var script = "& " + string.Join(' ', _options.FileArguments.Select(QuoteArgument).Prepend(Quote(file)));
            var result = Execute(script);
            if (_host.ExitCode is { } exitCode) return exitCode;
            if (!result.Succeeded) return 1;
            // 'exit N' inside a script file ends only the script and sets $LASTEXITCODE.
            return _runspace.SessionStateProxy.GetVariable("LASTEXITCODE") is int code ? code : 0;
        }

        if (_options.Command is { } command)
        {
            var result = Execute(command);
            return _host.ExitCode ?? (result.Succeeded ? 0 : 1);
        }

        return Repl();
    }

    private int Repl()
    {
        var interactive = !Console.IsInputRedirected;
        var lastSucceeded = true;
        while (true)
        {
            var script = ReadStatement(interactive);
            if (script is null) return lastSucceeded ? 0 : 1; // end of input
            if (string.IsNullOrWhiteSpace(script)) continue;
            lastSucceeded = Execute(script).Succeeded;
            if (_host.ExitCode is { } exitCode) return exitCode;
        }
    }

    /// <summary>Reads lines until they parse as complete statements, prompting with ">> " for more.</summary>
    private string? ReadStatement(bool interactive)
    {
        var text = new StringBuilder();
        while (true)
        {
            var line = interactive
                ? _editor.ReadLine(text.Length == 0
                    ? $"PS {_runspace.SessionStateProxy.Path.CurrentLocation}> "
                    : ">> ", text.ToString())
                : Console.In.ReadLine();
            if (line is null) return text.Length == 0 ? null : text.ToString();
            // As in pwsh, an empty line ends an incomplete statement so its parse error is shown.
            if (text.Length > 0 && line.Length == 0) return text.ToString();
            text.AppendLine(line);
            Parser.ParseInput(text.ToString(), out _, out var errors);
            if (!errors.Any(e => e.IncompleteInput)) return text.ToString();
        }
    }

    private FormattedInvocationResult Execute(string script)
    {
        _host.Width = ConsoleWidth();
        using var powerShell = PowerShell.Create();
        powerShell.Runspace = _runspace;
        lock (_gate) _running = powerShell;
        try
        {
            return FormattedInvocation.Invoke(powerShell, script);
        }
        finally
        {
            lock (_gate) _running = null;
        }
    }

    /// <summary>What Tab offers: TabExpansion2 in the session's runspace, as pwsh asks it.</summary>
    private CommandCompletion Complete(string script, int cursor)
    {
        using var powerShell = PowerShell.Create();
        powerShell.Runspace = _runspace;
        return CommandCompletion.CompleteInput(script, cursor, null, powerShell);
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        // Ctrl+C stops the running command, never the shell.
        e.Cancel = true;
        lock (_gate) _running?.BeginStop(null, null);
    }

    private static int ConsoleWidth()
    {
        if (Console.IsOutputRedirected) return 120;
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 120;
        }
        catch (IOException)
        {
            return 120;
        }
    }

    // "-Name" stays a parameter name, as with pwsh -File; everything else is passed as a string.
    private static string QuoteArgument(string argument) =>
        Regex.IsMatch(argument, @"^-[A-Za-z_][A-Za-z0-9_]*:?$") ? argument : Quote(argument);

    private static string Quote(string text) => "'" + text.Replace("'", "''") + "'";

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _runspace.Dispose();
    }
}
