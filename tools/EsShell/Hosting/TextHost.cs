using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;

namespace EsShell.Hosting;

/// <summary>
/// A PowerShell host that renders everything as plain text on a <see cref="TextWriter"/>.
/// Used by the EsShell console (Console.Out) and by the engine tests (a StringWriter).
/// One instance serves one runspace; do not share it across a runspace pool.
/// </summary>
public sealed class TextHost : PSHost
{
    private readonly TextHostUserInterface _ui;

    public TextHost(
        TextWriter output,
        int width = 120,
        IHostPromptResponder? prompts = null,
        TextWriter? errorOutput = null)
    {
        _ui = new TextHostUserInterface(output, errorOutput ?? output, width, prompts ?? new QueuedPromptResponder());
    }

    /// <summary>Set by <c>exit</c> at the top level of a command (PSHost.SetShouldExit).</summary>
    public int? ExitCode { get; private set; }

    /// <summary>Line width used by the format views (RawUI buffer and window width).</summary>
    public int Width
    {
        get => _ui.TextRawUI.Width;
        set => _ui.TextRawUI.Width = value;
    }

    public IHostPromptResponder Prompts => _ui.Prompts;

    /// <summary>Every progress record the engine reported, in order.</summary>
    public IReadOnlyList<ProgressRecord> Progress => _ui.Progress;

    public override string Name => "EsShell";
    public override Version Version { get; } = typeof(TextHost).Assembly.GetName().Version ?? new Version(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;
    public override PSHostUserInterface UI => _ui;

    public override void SetShouldExit(int exitCode) => ExitCode = exitCode;

    public override void EnterNestedPrompt() =>
        throw new NotSupportedException("EsShell does not support nested prompts.");
    public override void ExitNestedPrompt() =>
        throw new NotSupportedException("EsShell does not support nested prompts.");
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
}
