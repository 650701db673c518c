using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

public sealed class HelpTests : IDisposable
{
    private static readonly string[] CommonParameters =
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable",
        "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
    };

    private readonly EngineSession session = EngineSession.Create();

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
    public void Full_help_has_a_synopsis_a_description_every_parameter_and_examples(string cmdlet)
    {
        var help = session.Run($"Get-Help {cmdlet} -Full").Output.Single();

        var synopsis = help.Properties["Synopsis"].Value?.ToString()?.Trim();
        Assert.False(string.IsNullOrEmpty(synopsis));
        Assert.NotEqual(cmdlet, synopsis);
        Assert.DoesNotContain("{{", synopsis);
        Assert.NotNull(help.Properties["description"].Value);

        var documented = Parameters(help).ToDictionary(p => p.Properties["name"].Value.ToString()!, p => p);
        // DontShow parameters are hidden from help and completion on purpose (InputObject, which only names a piped
        // entry).
        var actual = session.Run($"(Get-Command {cmdlet}).Parameters.Values | Where-Object {{ -not ($_.Attributes | " +
            "Where-Object DontShow) } | ForEach-Object Name").Output.Select(o => o.ToString()!)
            .Where(p => !CommonParameters.Contains(p) && p is not ("First" or "Skip" or "IncludeTotalCount"));
        foreach (var parameter in actual)
        {
            Assert.True(documented.ContainsKey(parameter), $"{cmdlet} -{parameter} has no help");
            Assert.False(string.IsNullOrWhiteSpace(Text(documented[parameter].Properties["description"]?.Value)),
                $"{cmdlet} -{parameter} has an empty description");
        }

        var examples = help.Properties["examples"]?.Value as PSObject;
        var exampleCount = examples == null ? 0 : ((examples.Properties["example"].Value as object[])?.Length ?? 1);
        Assert.True(exampleCount >= 2, $"{cmdlet} has {exampleCount} example(s)");
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Help_says_what_the_cmdlet_declares_about_pipeline_input_mandatory_parameters_and_positions(
        string cmdlet)
    {
        var help = session.Run($"Get-Help {cmdlet} -Full").Output.Single();
        var declared = ((CommandInfo)session.Run($"Get-Command {cmdlet}").Output.Single().BaseObject).Parameters;

        foreach (var documented in Parameters(help))
        {
            var name = documented.Properties["name"].Value.ToString()!;
            var sets = declared[name].ParameterSets.Values;
            var ways = new[] { sets.Any(s => s.ValueFromPipelineByPropertyName) ? "ByPropertyName" : null,
                sets.Any(s => s.ValueFromPipeline) ? "ByValue" : null }
                .OfType<string>().ToList();
            var positions = sets.Where(s => s.Position >= 0).Select(
                s => s.Position.ToString(System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();

            Assert.True(
                (ways.Count == 0
                    ? "False"
                    : $"True ({string.Join(", ", ways)})") == documented.Properties["pipelineInput"].Value?.ToString(),
                $"{cmdlet} -{name}: help says pipeline input '{documented.Properties["pipelineInput"].Value}', the " +
                $"cmdlet takes {(ways.Count == 0 ? "none" : string.Join(", ", ways))}");
            Assert.True(
                sets.Any(s => s.IsMandatory).ToString()
                    .Equals(documented.Properties["required"].Value?.ToString(), StringComparison.OrdinalIgnoreCase),
                $"{cmdlet} -{name}: help says required '{documented.Properties["required"].Value}'");
            Assert.True(
                (positions.Count == 0 ? "named" : string.Join(", ", positions)).Equals(
                    documented.Properties["position"].Value?.ToString(), StringComparison.OrdinalIgnoreCase),
                $"{cmdlet} -{name}: help says position '{documented.Properties["position"].Value}', the cmdlet " +
                $"declares {(positions.Count == 0 ? "none" : string.Join(", ", positions))}");
        }
    }

    /// <summary>The rules of HELP-RULES.md that can be read from the code of an example.</summary>
    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Examples_follow_the_rules_in_HELP_RULES(string cmdlet)
    {
        // The cmdlet and its aliases: an example may use either (Unblock-EsMessage, Release-EsMessage).
        var names = session.Run(
                $"$c = Get-Command {cmdlet}; if ($c.ResolvedCommand) {{ $c = $c.ResolvedCommand }}; $c.Name; " +
                "(Get-Command -CommandType Alias | Where-Object ResolvedCommandName -eq $c.Name).Name")
            .Output.OfType<PSObject>().Select(o => o.ToString()).ToList();
        var problems = new List<string>();
        foreach (var (title, code) in Examples(cmdlet))
        {
            var ast = Parser.ParseInput(code, out _, out var errors);
            if (errors.Length > 0)
            {
                problems.Add($"{title}: does not parse: {errors[0].Message}");
                continue;
            }

            var commands = ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>().ToList();
            if (!commands.Any(c => names.Contains(c.GetCommandName(), StringComparer.OrdinalIgnoreCase)))
            {
                problems.Add($"{title}: does not use {cmdlet}");
            }

            foreach (var command in commands)
            {
                problems.AddRange(RuleBreaches(command).Select(problem => $"{title}: {problem}"));
            }
        }

        Assert.True(problems.Count == 0, $"{cmdlet}:\n{string.Join("\n", problems)}");
    }

    /// <summary>
    /// What one command of an example does against the rules: prompts, fixed ids, secrets in the text.
    /// </summary>
    private IEnumerable<string> RuleBreaches(CommandAst command)
    {
        var name = command.GetCommandName();
        if (name is "Read-Host" or "Get-Credential")
        {
            yield return $"{name} waits for an answer";
        }

        var elements = command.CommandElements;
        var parameters = elements.OfType<CommandParameterAst>().ToList();
        if (parameters.Any(
            p => p.ParameterName.Equals("Confirm", StringComparison.OrdinalIgnoreCase) && p.Argument is null))
        {
            yield return "-Confirm asks before each change (use -WhatIf, or -Confirm:$false)";
        }

        if (name is "ConvertTo-SecureString"
            && parameters.Any(p => p.ParameterName.Equals("AsPlainText", StringComparison.OrdinalIgnoreCase)))
        {
            yield return "a secret written in the example (ConvertTo-SecureString -AsPlainText)";
        }

        if (name is null || session.Run($"Get-Command -Module EmailSecurity -Name '{name}' " +
            "-ErrorAction Ignore").Output.SingleOrDefault()?.BaseObject is not CmdletInfo used)
        {
            yield break;
        }

        var impact = used.ImplementingType.GetCustomAttribute<CmdletAttribute>()!.ConfirmImpact;
        if (impact == ConfirmImpact.High
            && !parameters.Any(p => p.ParameterName.Equals("WhatIf", StringComparison.OrdinalIgnoreCase)
                                                               || (p.ParameterName.Equals("Confirm",
                                                                   StringComparison.OrdinalIgnoreCase)
                                                                   && p.Argument is not null)
                                                               || (p.ParameterName.Equals("Force",
                                                                   StringComparison.OrdinalIgnoreCase)
                                                                   && used.Parameters.ContainsKey("Force"))))
        {
            yield return $"{name} asks first (ConfirmImpact High): add -Confirm:$false, -WhatIf or its -Force";
        }

        var id = used.Parameters.GetValueOrDefault("Id");
        var idNames = id == null ? new List<string>() : id.Aliases.Append("Id").ToList();
        var positionalId = id?.ParameterSets.Values.Any(s => s.Position == 0) == true;
        var positional = 0;
        for (var i = 1; i < elements.Count; i++)
        {
            if (elements[i] is CommandParameterAst parameter)
            {
                var takesValue = parameter.Argument is null && !IsSwitch(used, parameter.ParameterName)
                    && i + 1 < elements.Count;
                var value = parameter.Argument ?? (takesValue ? elements[i + 1] : null);
                if (idNames.Contains(parameter.ParameterName, StringComparer.OrdinalIgnoreCase) && IsConstant(value))
                {
                    yield return $"a fixed id ({value}) that exists only in one tenant or run: take it from a " +
                        "Get- cmdlet";
                }

                if (parameter.ParameterName is "ApiToken" or "ApiKey" && IsConstant(value))
                {
                    yield return "a secret written in the example";
                }

                i += takesValue ? 1 : 0;
            }
            else if (positional++ == 0 && positionalId && IsConstant(elements[i]))
            {
                yield return $"a fixed id ({elements[i]}) that exists only in one tenant or run: take it from a " +
                    "Get- cmdlet";
            }
        }
    }

    private static bool IsSwitch(CmdletInfo cmdlet, string parameterName) =>
        cmdlet.Parameters.Values.FirstOrDefault(
            p => p.Name.StartsWith(parameterName, StringComparison.OrdinalIgnoreCase)
                                                     || p.Aliases.Contains(parameterName,
                                                         StringComparer.OrdinalIgnoreCase))?.SwitchParameter ?? false;

    private static bool IsConstant(Ast? value) => value switch
    {
        StringConstantExpressionAst or ConstantExpressionAst => true,
        ArrayLiteralAst array => array.Elements.All(IsConstant),
        _ => false,
    };

    private List<(string Title, string Code)> Examples(string cmdlet) =>
        session.Run(
            $"(Get-Help {cmdlet} -Full).examples.example | ForEach-Object {{ $_.title + [char]0 + $_.code }}").Output
            .Select(o => o.ToString().Split('\0'))
            .Select(p => (p[0].Trim('-', ' '), p[1]))
            .ToList();

    [Fact]
    public void Help_of_Move_EsMessage_renders_for_a_person()
    {
        var result = session.RunFormatted("Get-Help Move-EsMessage -Full");

        result.ShouldSucceed();
        Assert.Contains("SYNOPSIS", result.HostText);
        Assert.Contains("-Destination", result.HostText);
        Assert.Contains("JunkEmail", result.HostText);
        Assert.Contains("Example 1", result.HostText);
    }

    private static IEnumerable<PSObject> Parameters(PSObject help)
    {
        var parameters = (help.Properties["parameters"]?.Value as PSObject)?.Properties["parameter"]?.Value;
        return parameters switch
        {
            object[] many => many.Cast<PSObject>(),
            PSObject one => new[] { one },
            _ => Array.Empty<PSObject>(),
        };
    }

    private static string Text(object? description) => description switch
    {
        object[] paragraphs => string.Concat(
            paragraphs.Select(p => (p as PSObject)?.Properties["Text"]?.Value?.ToString())),
        PSObject one => one.Properties["Text"]?.Value?.ToString() ?? string.Empty,
        _ => description?.ToString() ?? string.Empty,
    };

    public void Dispose() => session.Dispose();
}
