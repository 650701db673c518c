using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

/// <summary>
/// Runs the examples of every cmdlet's help against the emulator, as a person would paste them into pwsh or EsShell
/// (both have the full engine: Get-Date, Import-Csv, Select-Object...). Only examples that connect to the real
/// service or use a variable they do not set are set aside; every cmdlet must keep at least one example that runs.
/// A file an example reads is shown in the example as comment lines (<c># senders.csv:</c> and the file's lines
/// below it) and written here from them; a prompt that <c>-Confirm</c> asks is answered "No to All".
/// </summary>
[Collection("Emulator")]
public sealed class HelpExampleTests : ModuleTest
{
    public HelpExampleTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    public static TheoryData<string> Cmdlets()
    {
        var data = new TheoryData<string>();
        using var session = EngineSession.Create();
        foreach (var name in session.Run("Get-Command -Module EmailSecurity | ForEach-Object Name").Output)
        {
            data.Add(name.ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void The_examples_in_help_run(string cmdlet)
    {
        var (probe, _) = Connected();
        var examples = Examples(probe, cmdlet);
        Assert.NotEmpty(examples);

        var ran = 0;
        var setAside = new List<string>();
        foreach (var (title, code) in examples)
        {
            var reason = WhyNotRunnable(probe, code);
            if (reason != null)
            {
                setAside.Add($"{title}: {reason}");
                continue;
            }

            var (version, result) = RunOnOldestVersionServing(code);
            var unexpected = result.Errors.Where(e => e.CategoryInfo.Category != ErrorCategory.ObjectNotFound).ToList();
            Assert.True(result.Terminating == null && unexpected.Count == 0,
                $"{cmdlet} {title} failed on an account of API version " +
                $"{version}:\n{code}\n{string.Join("\n", unexpected.Select(e => e.FullyQualifiedErrorId + ": " + e))}{result.Terminating}");
            ran++;
        }

        Assert.True(ran > 0, $"No example of {cmdlet} can run here; set aside: {string.Join("; ", setAside)}");
    }

    /// <summary>
    /// Runs an example on a fresh account of the oldest API version (<see cref="ApiVersionNames.All"/>) that serves
    /// every request it sends: one whose API lacks an operation answers it as an unknown route, and the example runs
    /// again on the next version. So an example of an operation only a later API has (bulk action jobs, a settings list
    /// the module added) runs where that operation exists, without a list of cmdlets or versions here.
    /// </summary>
    private (string Version, EngineResult Result) RunOnOldestVersionServing(string code)
    {
        foreach (var version in ApiVersionNames.All)
        {
            var asks = code.Split('\n').Any(line => Regex.IsMatch(line, @"^[^#]*-Confirm\b(?!:)"));
            var (session, _) = Connected(messages: 80, apiVersion: version, configure: o =>
            {
                if (asks)
                {
                    o.PromptAnswers.Enqueue("L");
                }
            });
            using var folder = new TempFolder();
            foreach (var (name, lines) in FilesShown(code))
            {
                File.WriteAllLines(folder.File(name), lines);
            }

            session.Run("$ExecutionContext.SessionState.Path.SetLocation($folder) | Out-Null",
                new Dictionary<string, object?> { ["folder"] = folder.Path }).ShouldSucceed();
            var result = session.Run("$ConfirmPreference = 'None'\n" + code);
            var unknownRoute = $"(code {EmulatorFixture.UnknownRouteCode})";
            if (version == ApiVersionNames.All[^1]
                || !result.Errors.Any(e => e.Exception.Message.Contains(unknownRoute, StringComparison.Ordinal)))
            {
                return (version, result);
            }
        }

        throw new InvalidOperationException("unreachable: the last version's result is returned");
    }

    /// <summary>
    /// The files an example shows as comments: a line <c># name.csv:</c> followed by the file's lines, each
    /// commented and indented (<c>#   Pattern,PatternType</c>).
    /// </summary>
    private static IEnumerable<(string Name, List<string> Lines)> FilesShown(string code)
    {
        var lines = code.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var file = Regex.Match(lines[i], @"^# ([\w.-]+\.\w+):\s*$");
            if (!file.Success)
            {
                continue;
            }

            var content = lines.Skip(i + 1).TakeWhile(l => l.StartsWith("#   ", StringComparison.Ordinal))
                .Select(l => l[4..]).ToList();
            Assert.True(content.Count > 0, $"'{lines[i]}' shows no lines of the file (expected '#   ' lines below it)");
            yield return (file.Groups[1].Value, content);
        }
    }

    private static List<(string Title, string Code)> Examples(EngineSession session, string cmdlet)
    {
        var help = session.Run(
            $"(Get-Help {cmdlet} -Full).examples.example | ForEach-Object {{ $_.title + [char]0 + $_.code }}");
        return help.Output.Select(o => o.ToString().Split('\0')).Select(p => (p[0].Trim('-', ' '), p[1])).ToList();
    }

    private static string? WhyNotRunnable(EngineSession session, string code)
    {
        var ast = Parser.ParseInput(code, out _, out var errors);
        if (errors.Length > 0)
        {
            return "does not parse: " + errors[0].Message;
        }

        var commands = ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>().ToList();
        // Set aside before the commands are checked: an example that is never run may use a vault's Get-Secret.
        if (commands.Any(c => c.GetCommandName() is "Connect-EsAccount"
                && !c.CommandElements.OfType<CommandParameterAst>().Any(p => p.ParameterName == "Sandbox")))
        {
            return "connects to the real service";
        }

        foreach (var command in commands)
        {
            var name = command.GetCommandName();
            if (name is not null
                && session.Run($"Get-Command -Name '{name}' -ErrorAction SilentlyContinue").Output.Count == 0)
            {
                // Rule 9: another module's command (Get-Secret) sets the example aside; one of this module's is a
                // mistake.
                Assert.False(name.Contains("-Es", StringComparison.OrdinalIgnoreCase),
                    $"The example needs {name}, which the module does not have:\n{code}");
                return $"needs {name}, which this shell does not have";
            }
        }

        var variables = ast.FindAll(a => a is VariableExpressionAst, true).Cast<VariableExpressionAst>()
            .Select(v => v.VariablePath.UserPath)
            .Where(
                v => !IsAssigned(ast, v)
                    && v is not ("_" or "PSItem" or "true" or "false" or "null" or "ConfirmPreference" or "env:CLOUDFLARE_ACCOUNT_ID"))
            .ToList();
        return variables.Count > 0 ? "uses $" + variables[0] + " without setting it" : null;
    }

    private static bool IsAssigned(Ast ast, string variable) =>
        ast.FindAll(a => a is AssignmentStatementAst assignment && assignment.Left is VariableExpressionAst left
            && left.VariablePath.UserPath == variable, true).Any()
        || ast.FindAll(a => a is ForEachStatementAst loop && loop.Variable.VariablePath.UserPath == variable, true)
            .Any()
        || ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>().Any(command => NamesVariable(command, variable));

    /// <summary>-ErrorVariable errors, -OutVariable +found and the like set a variable without an assignment.</summary>
    private static bool NamesVariable(CommandAst command, string variable)
    {
        var elements = command.CommandElements;
        for (var i = 0; i < elements.Count - 1; i++)
        {
            if (elements[
                i] is CommandParameterAst { ParameterName: "ErrorVariable" or "OutVariable" or "WarningVariable" or "PipelineVariable" or "InformationVariable" }
                && elements[i + 1] is StringConstantExpressionAst name && name.Value.TrimStart('+') == variable)
            {
                return true;
            }
        }

        return false;
    }
}
