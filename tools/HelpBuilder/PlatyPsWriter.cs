using System.Text;

namespace EmailSecurity.HelpBuilder;

/// <summary>
/// Writes the complete platyPS page (schema 2.0.0) of a cmdlet: the author's prose with the sections the build
/// derives (SYNTAX, every parameter's yaml block, CommonParameters, INPUTS, OUTPUTS) filled in, for people and
/// tools that read platyPS markdown. Text only depends on the input; lines end with LF.
/// </summary>
public static class PlatyPsWriter
{
    /// <summary>platyPS wraps a syntax line at this width, continuing with a space.</summary>
    private const int SyntaxWidth = 110;

    private const string CommonParametersText =
        "This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, "
        + "-InformationVariable, -OutVariable, -OutBuffer, -PipelineVariable, -ProgressAction, -Verbose, "
        + "-WarningAction, and -WarningVariable. For more information, see "
        + "[about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).";

    public static string Write(CommandHelp command)
    {
        HelpPage page = command.Page;
        var text = new StringBuilder();
        text.Append("---\n");
        foreach (var (key, value) in page.FrontMatter)
        {
            text.Append(key).Append(':').Append(value.Length > 0 ? " " + value : string.Empty).Append('\n');
        }

        text.Append("---\n\n");
        text.Append("# ").Append(command.Name).Append("\n\n");
        Section(text, "SYNOPSIS", page.Synopsis);
        text.Append("## SYNTAX\n\n");
        bool named = command.Cmdlet.ParameterSets.Count > 1;
        foreach (DeclaredParameterSet set in command.Cmdlet.ParameterSets)
        {
            if (named)
            {
                text.Append("### ").Append(set.Name).Append(set.IsDefault ? " (Default)" : string.Empty).Append('\n');
            }

            text.Append("```\n").Append(SyntaxLine(command.Name, set, command.Cmdlet)).Append("\n```\n\n");
        }

        Section(text, "DESCRIPTION", page.Description);
        text.Append("## EXAMPLES\n\n");
        foreach (ExampleHelp example in page.Examples)
        {
            text.Append("### ").Append(example.Title).Append('\n');
            Blocks(text, example.Introduction);
            text.Append(example.CodeMarkdown).Append("\n\n");
            Blocks(text, example.Remarks);
        }

        text.Append("## PARAMETERS\n\n");
        foreach (ParameterHelp parameter in command.Parameters)
        {
            text.Append("### -").Append(parameter.Name).Append('\n');
            Blocks(text, parameter.Description);
            foreach (string yaml in YamlBlocks(parameter, command.Cmdlet))
            {
                text.Append("```yaml\n").Append(yaml).Append("```\n\n");
            }
        }

        text.Append("### CommonParameters\n").Append(CommonParametersText).Append("\n\n");
        Types(text, "INPUTS", command.Inputs);
        Types(text, "OUTPUTS", command.Outputs);
        Section(text, "NOTES", page.Notes);
        text.Append("## RELATED LINKS\n\n");
        foreach (RelatedLink link in page.RelatedLinks)
        {
            text.Append('[').Append(link.Text).Append("](").Append(link.Uri).Append(")\n\n");
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static void Section(StringBuilder text, string name, IReadOnlyList<ProseBlock> prose)
    {
        text.Append("## ").Append(name).Append('\n');
        Blocks(text, prose);
        if (prose.Count == 0)
        {
            text.Append('\n');
        }
    }

    private static void Blocks(StringBuilder text, IReadOnlyList<ProseBlock> prose)
    {
        foreach (ProseBlock block in prose)
        {
            text.Append(block.Markdown).Append("\n\n");
        }
    }

    private static void Types(StringBuilder text, string name, IReadOnlyList<TypeHelp> types)
    {
        text.Append("## ").Append(name).Append("\n\n");
        foreach (TypeHelp type in types)
        {
            text.Append("### ").Append(type.TypeName).Append('\n');
            Blocks(text, type.Description);
            if (type.Description.Count == 0)
            {
                text.Append('\n');
            }
        }
    }

    /// <summary>
    /// "Get-X [-Id] &lt;String&gt; [-Order {a | b}] [-PassThru] [&lt;CommonParameters&gt;]", wrapped as platyPS wraps
    /// it.
    /// </summary>
    public static string SyntaxLine(string name, DeclaredParameterSet set, DeclaredCmdlet cmdlet)
    {
        var parts = new List<string> { name };
        foreach (var (parameter, membership) in set.Members)
        {
            string flag = membership.Position is null ? $"-{parameter.Name}" : $"[-{parameter.Name}]";
            string value = parameter.AcceptedValues.Count > 0
                ? $"{{{string.Join(" | ", parameter.AcceptedValues)}}}"
                : $"<{parameter.TypeName}>";
            string part = parameter.IsSwitch ? flag : $"{flag} {value}";
            parts.Add(membership.IsMandatory ? part : $"[{part}]");
        }

        parts.Add("[<CommonParameters>]");
        var lines = new List<string>();
        string line = parts[0];
        foreach (string part in parts.Skip(1))
        {
            if (line.Length + 1 + part.Length > SyntaxWidth)
            {
                lines.Add(line);
                line = " " + part;
            }
            else
            {
                line += " " + part;
            }
        }

        lines.Add(line);
        return string.Join("\n", lines);
    }

    /// <summary>
    /// platyPS's yaml blocks of a parameter: one when it is the same in all its sets, else one per group of sets
    /// that agree on Required, Position and pipeline input.
    /// </summary>
    private static IEnumerable<string> YamlBlocks(ParameterHelp parameter, DeclaredCmdlet cmdlet)
    {
        DeclaredParameter declared = parameter.Declared;
        var groups = declared.Sets
            .GroupBy(s => (s.IsMandatory, s.PositionText, s.PipelineInput))
            .ToList();
        foreach (var group in groups)
        {
            bool all = groups.Count == 1 && group.Count() == cmdlet.ParameterSets.Count;
            string sets = all ? "(All)" : string.Join(", ", group.Select(s => s.SetName));
            var (mandatory, position, pipeline) = group.Key;
            yield return $"Type: {declared.TypeName}\n"
                         + $"Parameter Sets: {sets}\n"
                         + $"Aliases:{(declared.Aliases.Count > 0
                             ? " " + string.Join(", ", declared.Aliases)
                             : string.Empty)}\n"
                         + (declared.AcceptedValues.Count > 0
                             ? $"Accepted values: {string.Join(", ", declared.AcceptedValues)}\n"
                             : string.Empty)
                         + "\n"
                         + $"Required: {mandatory}\n"
                         + $"Position: {(position == "named" ? "Named" : position)}\n"
                         + $"Default value: {parameter.DefaultValue}\n"
                         + $"Accept pipeline input: {pipeline}\n"
                         + $"Accept wildcard characters: {declared.SupportsWildcards}\n";
        }
    }
}
