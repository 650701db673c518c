using System.Management.Automation;
using System.Management.Automation.Language;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

/// <summary>
/// Runs the examples of every cmdlet's help against the emulator, as a person would paste them. Examples that need
/// a command this engine does not have (Get-Date, Read-Host, Import-Csv...) or that would connect to the real
/// service are set aside; every cmdlet must keep at least one example that runs.
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

            var (session, _) = Connected(messages: 80);
            using var folder = new TempFolder();
            session.Run("$ExecutionContext.SessionState.Path.SetLocation($folder) | Out-Null", new Dictionary<string, object?> { ["folder"] = folder.Path }).ShouldSucceed();
            var result = session.Run("$ConfirmPreference = 'None'\n" + code);
            var unexpected = result.Errors.Where(e => e.CategoryInfo.Category != ErrorCategory.ObjectNotFound).ToList();
            Assert.True(result.Terminating == null && unexpected.Count == 0,
                $"{cmdlet} {title} failed:\n{code}\n{string.Join("\n", unexpected.Select(e => e.FullyQualifiedErrorId + ": " + e))}{result.Terminating}");
            ran++;
        }

        Assert.True(ran > 0, $"No example of {cmdlet} can run here; set aside: {string.Join("; ", setAside)}");
    }

    private static List<(string Title, string Code)> Examples(EngineSession session, string cmdlet)
    {
        var help = session.Run($"(Get-Help {cmdlet} -Full).examples.example | ForEach-Object {{ $_.title + [char]0 + $_.code }}");
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
        foreach (var command in commands)
        {
            var name = command.GetCommandName();
            if (name is "Connect-EsAccount" && !command.CommandElements.OfType<CommandParameterAst>().Any(p => p.ParameterName == "Sandbox"))
            {
                return "connects to the real service";
            }

            if (name != null && session.Run($"Get-Command -Name '{name}' -ErrorAction SilentlyContinue").Output.Count == 0)
            {
                return $"needs {name}, which this engine does not have";
            }
        }

        var variables = ast.FindAll(a => a is VariableExpressionAst, true).Cast<VariableExpressionAst>()
            .Select(v => v.VariablePath.UserPath)
            .Where(v => !IsAssigned(ast, v) && v is not ("_" or "PSItem" or "true" or "false" or "null" or "ConfirmPreference" or "env:CLOUDFLARE_ACCOUNT_ID"))
            .ToList();
        return variables.Count > 0 ? "uses $" + variables[0] + " without setting it" : null;
    }

    private static bool IsAssigned(Ast ast, string variable) =>
        ast.FindAll(a => a is AssignmentStatementAst assignment && assignment.Left is VariableExpressionAst left && left.VariablePath.UserPath == variable, true).Any()
        || ast.FindAll(a => a is ForEachStatementAst loop && loop.Variable.VariablePath.UserPath == variable, true).Any()
        || ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>().Any(command => NamesVariable(command, variable));

    /// <summary>-ErrorVariable errors, -OutVariable +found and the like set a variable without an assignment.</summary>
    private static bool NamesVariable(CommandAst command, string variable)
    {
        var elements = command.CommandElements;
        for (var i = 0; i < elements.Count - 1; i++)
        {
            if (elements[i] is CommandParameterAst { ParameterName: "ErrorVariable" or "OutVariable" or "WarningVariable" or "PipelineVariable" or "InformationVariable" }
                && elements[i + 1] is StringConstantExpressionAst name && name.Value.TrimStart('+') == variable)
            {
                return true;
            }
        }

        return false;
    }
}
