using System.Management.Automation;
using System.Text;

namespace EsShell.Hosting;

/// <summary>The keys and the screen a <see cref="LineEditor"/> works with: the console, or a script in tests.</summary>
public interface IKeyConsole
{
    ConsoleKeyInfo ReadKey();

    void Write(string text);
}

/// <summary>The console itself, keys read without echo.</summary>
public sealed class SystemKeyConsole : IKeyConsole
{
    public ConsoleKeyInfo ReadKey() => Console.ReadKey(intercept: true);

    public void Write(string text)
    {
        Console.Out.Write(text);
        Console.Out.Flush();
    }
}

/// <summary>
/// Reads one line at an interactive prompt, with what pwsh users press without thinking: Tab and Shift+Tab cycle
/// through the engine's completions (TabExpansion2, so the module's argument completers answer too), Up and Down
/// recall earlier lines, Left, Right, Home, End, Backspace and Delete edit, Escape clears, Ctrl+D on an empty line
/// ends the input.
/// </summary>
public sealed class LineEditor
{
    private readonly IKeyConsole _console;
    private readonly Func<string, int, CommandCompletion?> _complete;
    private readonly List<string> _history = new();

    /// <param name="console">Where keys come from and the line is drawn.</param>
    /// <param name="complete">Completions for a script text and a cursor position in it
    /// (CommandCompletion.CompleteInput).</param>
    public LineEditor(IKeyConsole console, Func<string, int, CommandCompletion?> complete)
    {
        _console = console;
        _complete = complete;
    }

    /// <summary>Reads a line after <paramref name="prompt"/>; null when the input ends.</summary>
    /// <param name="before">Lines of the same statement already entered, so completion sees the whole
    /// statement.</param>
    public string? ReadLine(string prompt, string before = "")
    {
        var line = new StringBuilder();
        var cursor = 0;
        var historyIndex = _history.Count;
        CommandCompletion? completion = null;
        _console.Write(prompt);

        while (true)
        {
            var key = _console.ReadKey();
            var completing = false;
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    _console.Write(Environment.NewLine);
                    var text = line.ToString();
                    if (text.Trim().Length > 0 && (_history.Count == 0 || _history[^1] != text)) _history.Add(text);
                    return text;
                case ConsoleKey.Tab:
                    completing = Complete(line, ref cursor, ref completion, before,
                        forward: (key.Modifiers & ConsoleModifiers.Shift) == 0);
                    break;
                case ConsoleKey.Backspace when cursor > 0:
                    line.Remove(--cursor, 1);
                    break;
                case ConsoleKey.Delete when cursor < line.Length:
                    line.Remove(cursor, 1);
                    break;
                case ConsoleKey.LeftArrow when cursor > 0:
                    cursor--;
                    break;
                case ConsoleKey.RightArrow when cursor < line.Length:
                    cursor++;
                    break;
                case ConsoleKey.Home:
                    cursor = 0;
                    break;
                case ConsoleKey.End:
                    cursor = line.Length;
                    break;
                case ConsoleKey.Escape:
                    line.Clear();
                    cursor = 0;
                    break;
                case ConsoleKey.UpArrow when historyIndex > 0:
                case ConsoleKey.DownArrow when historyIndex < _history.Count:
                    historyIndex += key.Key == ConsoleKey.UpArrow ? -1 : 1;
                    line.Clear().Append(historyIndex < _history.Count ? _history[historyIndex] : string.Empty);
                    cursor = line.Length;
                    break;
                case ConsoleKey.D when (key.Modifiers & ConsoleModifiers.Control) != 0:
                    if (line.Length == 0)
                    {
                        _console.Write(Environment.NewLine);
                        return null;
                    }
                    break;
                default:
                    if (!char.IsControl(key.KeyChar)) line.Insert(cursor++, key.KeyChar);
                    break;
            }

            if (!completing) completion = null;
            Redraw(prompt, line, cursor);
        }
    }

    /// <summary>Applies the next (or previous) completion; the first Tab asks the engine, later ones cycle.</summary>
    private bool Complete(
        StringBuilder line,
        ref int cursor,
        ref CommandCompletion? completion,
        string before,
        bool forward)
    {
        if (completion is null)
        {
            completion = _complete(before + line, before.Length + cursor);
            if (completion is null || completion.CompletionMatches.Count == 0)
            {
                completion = null;
                return false;
            }
            // The replacement is counted in the whole statement; the line starts after the earlier lines.
            completion.ReplacementIndex -= before.Length;
            if (completion.ReplacementIndex < 0) return false;
        }

        var match = completion.GetNextResult(forward);
        if (match is null) return false;
        line.Remove(completion.ReplacementIndex, completion.ReplacementLength);
        line.Insert(completion.ReplacementIndex, match.CompletionText);
        completion.ReplacementLength = match.CompletionText.Length;
        cursor = completion.ReplacementIndex + match.CompletionText.Length;
        return true;
    }

    /// <summary>Draws the prompt and the line again over the old one and puts the cursor in place.</summary>
    private void Redraw(string prompt, StringBuilder line, int cursor)
    {
        // Carriage return, the prompt and the line, erase to the end of the screen line, cursor back.
        var back = line.Length - cursor;
        _console.Write($"\r{prompt}{line}\u001b[K" + (back > 0 ? $"\u001b[{back}D" : string.Empty));
    }
}
