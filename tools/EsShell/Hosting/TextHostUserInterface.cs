using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text.RegularExpressions;

namespace EsShell.Hosting;

/// <summary>Plain-text UI of <see cref="TextHost"/>. Writes are serialized by locking the output writer.</summary>
public sealed class TextHostUserInterface : PSHostUserInterface
{
    // CSI sequences (colours, cursor movement) and OSC sequences (hyperlinks, titles).
    private static readonly Regex Ansi =
        new(@"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)", RegexOptions.Compiled);

    private readonly TextWriter _output;
    private readonly TextWriter _errorOutput;
    private readonly List<ProgressRecord> _progress = new();

    internal TextHostUserInterface(TextWriter output, TextWriter errorOutput, int width, IHostPromptResponder prompts)
    {
        _output = output;
        _errorOutput = errorOutput;
        TextRawUI = new TextHostRawUserInterface(width);
        Prompts = prompts;
    }

    internal TextHostRawUserInterface TextRawUI { get; }
    internal IHostPromptResponder Prompts { get; }

    internal IReadOnlyList<ProgressRecord> Progress
    {
        get { lock (_progress) return _progress.ToArray(); }
    }

    public override PSHostRawUserInterface RawUI => TextRawUI;

    // Tells PowerShell ($PSStyle, error views) not to emit VT sequences; Write strips any that still come through.
    public override bool SupportsVirtualTerminal => false;

    public static string StripAnsi(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : Ansi.Replace(text, string.Empty);

    public override void Write(string value) => Emit(_output, value, newLine: false);
    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) =>
        Write(value);
    public override void WriteLine(string value) => Emit(_output, value, newLine: true);
    public override void WriteErrorLine(string value) => Emit(_errorOutput, value, newLine: true);
    public override void WriteWarningLine(string message) => WriteLine("WARNING: " + message);
    public override void WriteVerboseLine(string message) => WriteLine("VERBOSE: " + message);
    public override void WriteDebugLine(string message) => WriteLine("DEBUG: " + message);

    // A notification only: the engine has already written the text of any record that is to be shown
    // (Write-Host, -InformationAction Continue) through Write/WriteLine; the records reach callers through
    // PowerShell.Streams.Information.
    public override void WriteInformation(InformationRecord record) { }

    // Recorded, not drawn: a plain-text console has no place for a progress bar.
    public override void WriteProgress(long sourceId, ProgressRecord record)
    {
        lock (_progress) _progress.Add(record);
    }

    public override Dictionary<string, PSObject> Prompt(
        string caption,
        string message,
        Collection<FieldDescription> descriptions)
        => Prompts.Prompt(caption, message, descriptions);

    public override int PromptForChoice(
        string caption,
        string message,
        Collection<ChoiceDescription> choices,
        int defaultChoice)
        => Prompts.PromptForChoice(caption, message, choices, defaultChoice);

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName)
        => Prompts.PromptForCredential(caption, message, userName, targetName);

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
        PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options)
        => Prompts.PromptForCredential(caption, message, userName, targetName);

    public override string ReadLine() => Prompts.ReadLine();
    public override SecureString ReadLineAsSecureString() => Prompts.ReadLineAsSecureString();

    private static void Emit(TextWriter writer, string? value, bool newLine)
    {
        var text = StripAnsi(value);
        lock (writer)
        {
            if (newLine) writer.WriteLine(text);
            else writer.Write(text);
            writer.Flush();
        }
    }
}
