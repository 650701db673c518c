using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;
using EsShell.Hosting;
using Xunit.Sdk;

namespace EmailSecurity.Tests.Infrastructure;

public sealed class EngineSessionOptions
{
    /// <summary>Line width the format views wrap to.</summary>
    public int Width { get; set; } = 120;

    /// <summary>
    /// Scripted answers to host prompts, used in order: an int (choice index), a string (text, or a choice's hot
    /// key/label), a PSCredential or a string[]. A prompt without an answer fails the run (see
    /// EngineResult.Terminating).
    /// </summary>
    public Queue<object> PromptAnswers { get; } = new();

    /// <summary>Global variables set before the module is imported.</summary>
    public IDictionary<string, object?> Variables { get; } = new Dictionary<string, object?>();

    /// <summary>Import out/EmailSecurity/EmailSecurity.psd1 when the session is created.</summary>
    public bool ImportModule { get; set; } = true;
}

/// <summary>
/// A PowerShell 7.6 runspace of its own (one per test) with a <see cref="TextHost"/> writing to a string, and the
/// built module imported from out/EmailSecurity.
/// </summary>
public sealed class EngineSession : IDisposable
{
    private readonly StringWriter hostWriter = new();
    private readonly TextHost host;
    private readonly Runspace runspace;

    static EngineSession() => ModuleAssemblyResolver.Register();

    private EngineSession(EngineSessionOptions options)
    {
        Prompts = new QueuedPromptResponder(options.PromptAnswers);
        host = new TextHost(hostWriter, options.Width, Prompts);
        runspace = RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
        runspace.Open();
    }

    public static EngineSession Create(Action<EngineSessionOptions>? configure = null)
    {
        var options = new EngineSessionOptions();
        configure?.Invoke(options);
        var session = new EngineSession(options);
        try
        {
            foreach (var (name, value) in options.Variables)
            {
                session.SetVariable(name, value);
            }

            if (options.ImportModule)
            {
                var manifest = Path.Combine(Paths.ModuleDir, "EmailSecurity.psd1");
                var import = session.RunCommand("Import-Module",
                    new Dictionary<string, object?> { ["Name"] = manifest, ["ErrorAction"] = "Stop" });
                if (import.Errors.Count > 0 || import.Terminating is not null)
                {
                    throw new InvalidOperationException(
                        $"Import-Module {manifest} failed:{Environment.NewLine}{import.Describe()}");
                }
            }

            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Answers for host prompts; more can be queued at any time, and Asked lists what was asked.</summary>
    public QueuedPromptResponder Prompts { get; }

    /// <summary>Everything the host has written so far, free of ANSI escape sequences.</summary>
    public string HostText
    {
        get
        {
            lock (hostWriter)
            {
                return hostWriter.ToString();
            }
        }
    }

    public IReadOnlyList<ProgressRecord> Progress => host.Progress;

    /// <summary>
    /// Runs script text (AddScript). Script errors never throw: they are in Errors, or in Terminating if the script
    /// stopped.
    /// </summary>
    public EngineResult Run(string script, IDictionary<string, object?>? variables = null)
    {
        foreach (var (name, value) in variables ?? new Dictionary<string, object?>())
        {
            SetVariable(name, value);
        }

        return Invoke((ps, output) => ps.AddScript(script).Invoke(null, output));
    }

    /// <summary>Runs one command (AddCommand). A terminating error surfaces as Terminating.</summary>
    public EngineResult RunCommand(string command, IDictionary<string, object?> parameters)
    {
        return Invoke((ps, output) =>
        {
            ps.AddCommand(command);
            foreach (var (name, value) in parameters)
            {
                ps.AddParameter(name, value);
            }

            ps.Invoke(null, output);
        });
    }

    /// <summary>
    /// Runs <c>script | Out-Default</c> with errors merged into the formatted output, as pwsh shows a typed command:
    /// HostText holds what a user would see. Output is empty (it all went to Out-Default); Errors still lists the
    /// errors.
    /// </summary>
    public EngineResult RunFormatted(string script)
    {
        FormattedInvocationResult? formatted = null;
        var result = Invoke((ps, _) => formatted = FormattedInvocation.Invoke(ps, script));
        return formatted is null
            ? result
            : result with { Errors = formatted.Errors, Terminating = formatted.Terminating ?? result.Terminating };
    }

    public void SetVariable(string name, object? value) => runspace.SessionStateProxy.SetVariable(name, value);

    /// <summary>
    /// A PowerShell bound to this session's runspace, for tests that need BeginInvoke/Stop. The caller disposes it.
    /// </summary>
    public PowerShell NewPowerShell()
    {
        var powerShell = PowerShell.Create();
        powerShell.Runspace = runspace;
        return powerShell;
    }

    private EngineResult Invoke(Action<PowerShell, PSDataCollection<PSObject>> run)
    {
        var hostStart = HostText.Length;
        var unexpectedBefore = Prompts.Unexpected.Count;
        using var powerShell = NewPowerShell();
        using var output = new PSDataCollection<PSObject>();
        Exception? terminating = null;
        try
        {
            run(powerShell, output);
        }
        catch (Exception exception)
        {
            terminating = exception;
        }

        if (terminating is null && powerShell.InvocationStateInfo.State == PSInvocationState.Failed)
        {
            terminating = powerShell.InvocationStateInfo.Reason;
        }

        // The engine turns an exception thrown by the host into an ordinary error record that the code under test
        // might even catch; an unplanned prompt must fail the test regardless.
        terminating ??= Prompts.Unexpected.Skip(unexpectedBefore).FirstOrDefault();

        var streams = powerShell.Streams;
        return new EngineResult
        {
            Output = output.ToArray(),
            Errors = streams.Error.ToArray(),
            Warnings = streams.Warning.ToArray(),
            Verbose = streams.Verbose.ToArray(),
            Debug = streams.Debug.ToArray(),
            Information = streams.Information.ToArray(),
            ProgressRecords = streams.Progress.ToArray(),
            Terminating = terminating,
            HostText = HostText[hostStart..],
        };
    }

    public void Dispose()
    {
        runspace.Dispose();
        hostWriter.Dispose();
    }
}

public sealed record EngineResult
{
    public IReadOnlyList<PSObject> Output { get; init; } = [];
    public IReadOnlyList<ErrorRecord> Errors { get; init; } = [];
    public IReadOnlyList<WarningRecord> Warnings { get; init; } = [];
    public IReadOnlyList<VerboseRecord> Verbose { get; init; } = [];
    public IReadOnlyList<DebugRecord> Debug { get; init; } = [];
    public IReadOnlyList<InformationRecord> Information { get; init; } = [];
    public IReadOnlyList<ProgressRecord> ProgressRecords { get; init; } = [];

    /// <summary>What stopped the run: an exception out of Invoke, or an unplanned host prompt.</summary>
    public Exception? Terminating { get; init; }

    /// <summary>What the host wrote during this run.</summary>
    public string HostText { get; init; } = string.Empty;

    /// <summary>The output objects whose BaseObject is a <typeparamref name="T"/>.</summary>
    public T[] Objects<T>() => Output.Select(o => o?.BaseObject).OfType<T>().ToArray();

    /// <summary>Every piece of text the run produced, for tests that make sure a secret appears nowhere.</summary>
    public string AllText()
    {
        var text = new StringBuilder();
        foreach (var item in Output)
        {
            text.AppendLine(item?.ToString());
            foreach (var property in item?.Properties ?? Enumerable.Empty<PSPropertyInfo>())
            {
                text.AppendLine($"{property.Name}={SafeValue(property)}");
            }
        }

        foreach (var error in Errors)
        {
            AppendError(text, error);
        }

        foreach (var record in Warnings.Concat<InformationalRecord>(Verbose).Concat(Debug))
        {
            text.AppendLine(record.Message);
        }

        foreach (var record in Information)
        {
            text.AppendLine(record.MessageData?.ToString());
        }

        foreach (var record in ProgressRecords)
        {
            text.AppendLine($"{record.Activity} {record.StatusDescription} {record.CurrentOperation}");
        }

        if (Terminating is not null)
        {
            text.AppendLine(Terminating.ToString());
            if (Terminating is IContainsErrorRecord { ErrorRecord: { } record })
            {
                AppendError(text, record);
            }
        }

        return text.AppendLine(HostText).ToString();
    }

    /// <summary>Throws, listing the errors, if the run wrote an error or stopped on one.</summary>
    public void ShouldSucceed()
    {
        if (Errors.Count > 0 || Terminating is not null)
        {
            throw new XunitException($"Expected the run to succeed, but:{Environment.NewLine}{Describe()}");
        }
    }

    internal string Describe()
    {
        var text = new StringBuilder();
        foreach (var error in Errors)
        {
            text.AppendLine($"error {error.FullyQualifiedErrorId} ({error.CategoryInfo}): {error}");
            if (error.InvocationInfo?.PositionMessage is { Length: > 0 } position)
            {
                text.AppendLine(position);
            }
        }

        if (Terminating is not null)
        {
            text.AppendLine($"terminating: {Terminating}");
        }

        if (HostText.Length > 0)
        {
            text.AppendLine("host text:").AppendLine(HostText);
        }

        return text.ToString();
    }

    private static void AppendError(StringBuilder text, ErrorRecord error)
    {
        text.AppendLine(error.ToString());
        text.AppendLine(error.Exception?.ToString());
        text.AppendLine(error.FullyQualifiedErrorId);
        text.AppendLine(error.CategoryInfo.ToString());
        text.AppendLine(error.ErrorDetails?.Message);
        text.AppendLine(error.ErrorDetails?.RecommendedAction);
        text.AppendLine(error.TargetObject?.ToString());
        text.AppendLine(error.InvocationInfo?.PositionMessage);
    }

    private static string? SafeValue(PSPropertyInfo property)
    {
        try
        {
            return property.Value?.ToString();
        }
        catch (Exception exception)
        {
            return $"<{exception.GetType().Name}>";
        }
    }
}
