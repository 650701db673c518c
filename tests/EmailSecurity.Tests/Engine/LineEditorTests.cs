using System.Management.Automation;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;
using EsShell.Hosting;

namespace EmailSecurity.Tests.Engine;

/// <summary>EsShell's prompt: keys typed at it, Tab answered by the engine's completion in the session.</summary>
[Collection("Emulator")]
public sealed class LineEditorTests : ModuleTest
{
    public LineEditorTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Theory]
    [InlineData("Get-EsMess\t", "Get-EsMessage")]
    [InlineData("Get-EsMessage -Dispo\t", "Get-EsMessage -Disposition")]
    [InlineData("Get-EsMessage -Disposition MAL\t", "Get-EsMessage -Disposition MALICIOUS")]
    [InlineData("Get-EsMessage | Select-Object Subj\t", "Get-EsMessage | Select-Object Subject")]
    [InlineData("Get-EsMessage -First 1 | Format-Tab\t -AutoSize", "Get-EsMessage -First 1 | Format-Table -AutoSize")]
    public void Tab_completes_commands_parameters_values_and_properties(string typed, string line)
    {
        var (session, _) = Connected();

        Assert.Equal(line, Editor(session, typed + "\n").ReadLine("PS> "));
    }

    [Fact]
    public void Tab_completes_message_ids_from_the_API_and_further_tabs_cycle_through_them()
    {
        var (session, _) = Connected();
        var newest = session.Run("Get-EsMessage -First 2").Objects<Message>();

        Assert.Equal("Get-EsMessageTrace -Id " + newest[0].Id,
            Editor(session, "Get-EsMessageTrace -Id \t\n").ReadLine("PS> "));
        Assert.Equal("Get-EsMessageTrace -Id " + newest[1].Id,
            Editor(session, "Get-EsMessageTrace -Id \t\t\n").ReadLine("PS> "));
        Assert.Equal("Get-EsMessageTrace -Id " + newest[0].Id,
            Editor(session, "Get-EsMessageTrace -Id \t\t\u0002\n").ReadLine("PS> "));
    }

    [Fact]
    public void Completion_sees_the_earlier_lines_of_a_statement()
    {
        var (session, _) = Connected();

        Assert.Equal("    Where-Object FinalDisposition",
            Editor(session, "    Where-Object FinalDispo\t\n").ReadLine(">> ", "Get-EsMessage |\n"));
    }

    [Fact]
    public void Editing_keys_and_history_work_as_at_a_pwsh_prompt()
    {
        var (session, _) = Connected();
        var editor = Editor(session, "Get-EsConnectoin\u2190\u2190\b\u2192o\n" + "Get-EsMessage -First 1\n"
            + "wrong\u001b\u2191\u2191\u2193\n" + "\u2191\u2191\n" + "\u0004");

        Assert.Equal("Get-EsConnection", editor.ReadLine("PS> "));
        Assert.Equal("Get-EsMessage -First 1", editor.ReadLine("PS> "));
        Assert.Equal("Get-EsMessage -First 1", editor.ReadLine("PS> "));
        Assert.Equal("Get-EsConnection", editor.ReadLine("PS> "));
        Assert.Null(editor.ReadLine("PS> "));
    }

    private static LineEditor Editor(EngineSession session, string keys) =>
        new(new ScriptedKeys(keys), (script, cursor) =>
        {
            using var powerShell = session.NewPowerShell();
            return CommandCompletion.CompleteInput(script, cursor, null, powerShell);
        });

    /// <summary>
    /// Keys from text: \t Tab, \u0002 Shift+Tab, \b Backspace, \u2190 \u2192 \u2191 \u2193 arrows, \u001b Escape,
    /// \n Enter, \u0004 Ctrl+D; anything else is typed as it is.
    /// </summary>
    private sealed class ScriptedKeys(string keys) : IKeyConsole
    {
        private int next;

        public ConsoleKeyInfo ReadKey()
        {
            Assert.True(next < keys.Length, "The editor asked for more keys than the test typed.");
            var c = keys[next++];
            return c switch
            {
                '\t' => new ConsoleKeyInfo('\t', ConsoleKey.Tab, false, false, false),
                '\u0002' => new ConsoleKeyInfo('\t', ConsoleKey.Tab, shift: true, false, false),
                '\b' => new ConsoleKeyInfo('\b', ConsoleKey.Backspace, false, false, false),
                '\u2190' => new ConsoleKeyInfo('\0', ConsoleKey.LeftArrow, false, false, false),
                '\u2192' => new ConsoleKeyInfo('\0', ConsoleKey.RightArrow, false, false, false),
                '\u2191' => new ConsoleKeyInfo('\0', ConsoleKey.UpArrow, false, false, false),
                '\u2193' => new ConsoleKeyInfo('\0', ConsoleKey.DownArrow, false, false, false),
                '\u001b' => new ConsoleKeyInfo('\u001b', ConsoleKey.Escape, false, false, false),
                '\n' => new ConsoleKeyInfo('\r', ConsoleKey.Enter, false, false, false),
                '\u0004' => new ConsoleKeyInfo('\u0004', ConsoleKey.D, false, false, control: true),
                _ => new ConsoleKeyInfo(c, ConsoleKey.A, false, false, false),
            };
        }

        public void Write(string text)
        {
        }
    }
}
