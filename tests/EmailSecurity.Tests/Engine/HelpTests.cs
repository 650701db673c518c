using System.Management.Automation;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

public sealed class HelpTests : IDisposable
{
    private static readonly string[] CommonParameters =
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable",
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
        // DontShow parameters are hidden from help and completion on purpose (InputObject, which only names a piped entry).
        var actual = session.Run($"(Get-Command {cmdlet}).Parameters.Values | Where-Object {{ -not ($_.Attributes | Where-Object DontShow) }} | ForEach-Object Name").Output.Select(o => o.ToString()!)
            .Where(p => !CommonParameters.Contains(p) && p is not ("First" or "Skip" or "IncludeTotalCount"));
        foreach (var parameter in actual)
        {
            Assert.True(documented.ContainsKey(parameter), $"{cmdlet} -{parameter} has no help");
            Assert.False(string.IsNullOrWhiteSpace(Text(documented[parameter].Properties["description"]?.Value)), $"{cmdlet} -{parameter} has an empty description");
        }

        var examples = help.Properties["examples"]?.Value as PSObject;
        var exampleCount = examples == null ? 0 : ((examples.Properties["example"].Value as object[])?.Length ?? 1);
        Assert.True(exampleCount >= 2, $"{cmdlet} has {exampleCount} example(s)");
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Help_says_what_the_cmdlet_declares_about_pipeline_input_mandatory_parameters_and_positions(string cmdlet)
    {
        var help = session.Run($"Get-Help {cmdlet} -Full").Output.Single();
        var declared = ((CommandInfo)session.Run($"Get-Command {cmdlet}").Output.Single().BaseObject).Parameters;

        foreach (var documented in Parameters(help))
        {
            var name = documented.Properties["name"].Value.ToString()!;
            var sets = declared[name].ParameterSets.Values;
            var ways = new[] { sets.Any(s => s.ValueFromPipelineByPropertyName) ? "ByPropertyName" : null, sets.Any(s => s.ValueFromPipeline) ? "ByValue" : null }
                .OfType<string>().ToList();
            var positions = sets.Where(s => s.Position >= 0).Select(s => s.Position.ToString(System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();

            Assert.True(
                (ways.Count == 0 ? "False" : $"True ({string.Join(", ", ways)})") == documented.Properties["pipelineInput"].Value?.ToString(),
                $"{cmdlet} -{name}: help says pipeline input '{documented.Properties["pipelineInput"].Value}', the cmdlet takes {(ways.Count == 0 ? "none" : string.Join(", ", ways))}");
            Assert.True(
                sets.Any(s => s.IsMandatory).ToString().Equals(documented.Properties["required"].Value?.ToString(), StringComparison.OrdinalIgnoreCase),
                $"{cmdlet} -{name}: help says required '{documented.Properties["required"].Value}'");
            Assert.True(
                (positions.Count == 0 ? "named" : string.Join(", ", positions)).Equals(documented.Properties["position"].Value?.ToString(), StringComparison.OrdinalIgnoreCase),
                $"{cmdlet} -{name}: help says position '{documented.Properties["position"].Value}', the cmdlet declares {(positions.Count == 0 ? "none" : string.Join(", ", positions))}");
        }
    }

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
        object[] paragraphs => string.Concat(paragraphs.Select(p => (p as PSObject)?.Properties["Text"]?.Value?.ToString())),
        PSObject one => one.Properties["Text"]?.Value?.ToString() ?? string.Empty,
        _ => description?.ToString() ?? string.Empty,
    };

    public void Dispose() => session.Dispose();
}
