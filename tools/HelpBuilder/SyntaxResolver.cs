namespace EmailSecurity.HelpBuilder;

/// <summary>A "### SetName" heading of the SYNTAX section (or the bare block of a one-set page) and its code block.</summary>
internal sealed record SyntaxHeading(string Name, bool IsDefault, MarkdownBlock Heading, MarkdownBlock Code);

/// <summary>
/// Turns the SYNTAX section and the PARAMETERS yaml into <see cref="SyntaxSet"/>s, and refuses a page
/// where the two disagree: platyPS regenerates the syntax from the yaml and ignores the written
/// lines, so a stale line would otherwise go unnoticed in the markdown while Get-Help shows another.
/// </summary>
internal static class SyntaxResolver
{
    /// <summary>
    /// Builds the parameter sets and checks the SYNTAX lines against the PARAMETERS yaml: the
    /// same parameters in each set, and the same mandatory, positional, switch, type and
    /// accepted values.
    /// </summary>
    public static IReadOnlyList<SyntaxSet> Resolve(string file, string commandName, List<SyntaxHeading> headings, List<ParameterHelp> parameters, bool commonParameters)
    {
        bool single = headings.Count == 1 && headings[0].Name == SyntaxSet.AllParameterSets;
        foreach (ParameterHelp parameter in parameters)
        {
            foreach (ParameterMetadata metadata in parameter.Metadata)
            {
                if (metadata.IsInAllSets)
                {
                    continue;
                }

                foreach (string set in metadata.ParameterSets)
                {
                    if (single && !string.Equals(set, SyntaxSet.AllParameterSets, StringComparison.OrdinalIgnoreCase))
                    {
                        throw new HelpFormatException(
                            metadata.Location,
                            $"-{parameter.Name} names parameter set '{set}', but '## SYNTAX' has one unnamed set: use {ParameterMetadata.AllSetsMoniker}, or add a '### {set}' heading");
                    }

                    if (!single && !headings.Any(h => string.Equals(h.Name, set, StringComparison.OrdinalIgnoreCase)))
                    {
                        throw new HelpFormatException(
                            metadata.Location,
                            $"-{parameter.Name} names parameter set '{set}', which '## SYNTAX' does not have (it has {string.Join(", ", headings.Select(h => h.Name))})");
                    }
                }
            }
        }

        var sets = new List<SyntaxSet>();
        foreach (SyntaxHeading heading in headings)
        {
            var location = new SourceLocation(file, heading.Code.Line);
            SyntaxLine line = SyntaxLine.Parse(heading.Code.Text, location);
            if (!string.Equals(line.CommandName, commandName, StringComparison.Ordinal))
            {
                throw new HelpFormatException(location, $"the syntax line is for '{line.CommandName}', but the page is '{commandName}'");
            }

            if (line.HasCommonParameters != commonParameters)
            {
                throw new HelpFormatException(
                    location,
                    commonParameters
                        ? "the syntax line must end with [<CommonParameters>]: PARAMETERS has '### CommonParameters'"
                        : "the syntax line ends with [<CommonParameters>], but PARAMETERS has no '### CommonParameters'");
            }

            string setLabel = heading.Name == SyntaxSet.AllParameterSets ? "the syntax line" : $"parameter set '{heading.Name}'";
            var members = new List<SyntaxParameter>();
            int lastPosition = -1;
            foreach (SyntaxElement element in line.Elements)
            {
                ParameterHelp? parameter = parameters.FirstOrDefault(p => string.Equals(p.Name, element.Name, StringComparison.OrdinalIgnoreCase));
                if (parameter is null)
                {
                    throw new HelpFormatException(location, $"{setLabel} lists -{element.Name}, which has no '### -{element.Name}' entry in PARAMETERS");
                }

                if (members.Any(m => m.Parameter == parameter))
                {
                    throw new HelpFormatException(location, $"{setLabel} lists -{element.Name} twice");
                }

                ParameterMetadata? metadata = parameter.ForSet(heading.Name);
                if (metadata is null)
                {
                    throw new HelpFormatException(location, $"{setLabel} lists -{parameter.Name}, but its yaml (line {parameter.Primary.Location.Line}) does not name this set");
                }

                CheckElement(element, parameter, metadata, setLabel, location);
                if (!metadata.IsNamed)
                {
                    int position = int.Parse(metadata.Position, System.Globalization.CultureInfo.InvariantCulture);
                    if (position <= lastPosition)
                    {
                        throw new HelpFormatException(location, $"{setLabel}: positional parameters must appear in the order of their positions (-{parameter.Name} is at {position})");
                    }

                    lastPosition = position;
                }

                members.Add(new SyntaxParameter(parameter, metadata));
            }

            foreach (ParameterHelp parameter in parameters)
            {
                ParameterMetadata? metadata = parameter.ForSet(heading.Name);
                if (metadata is not null && !members.Any(m => m.Parameter == parameter))
                {
                    throw new HelpFormatException(location, $"{setLabel} does not list -{parameter.Name}, but its yaml (line {metadata.Location.Line}) puts it in this set");
                }
            }

            sets.Add(new SyntaxSet
            {
                Name = heading.Name,
                IsDefault = heading.IsDefault,
                Location = location,
                SyntaxText = heading.Code.Text.Trim(),
                Parameters = members,
            });
        }

        foreach (ParameterHelp parameter in parameters)
        {
            if (!sets.Any(s => s.Parameters.Any(m => m.Parameter == parameter)))
            {
                throw new HelpFormatException(parameter.Location, $"-{parameter.Name} is in no parameter set of '## SYNTAX'");
            }
        }

        return sets;
    }

    private static void CheckElement(SyntaxElement element, ParameterHelp parameter, ParameterMetadata metadata, string setLabel, SourceLocation location)
    {
        string name = parameter.Name;
        string yaml = $"its yaml (line {metadata.Location.Line})";
        if (element.Optional == metadata.Required)
        {
            throw new HelpFormatException(
                location,
                $"{setLabel} shows -{name} as {(element.Optional ? "optional" : "mandatory")}, but {yaml} says Required: {metadata.Required}");
        }

        if (element.Positional == metadata.IsNamed)
        {
            throw new HelpFormatException(
                location,
                $"{setLabel} shows -{name} as {(element.Positional ? "positional ([-Name])" : "named")}, but {yaml} says Position: {metadata.Position}");
        }

        if (metadata.IsSwitch != (element.Value is null))
        {
            throw new HelpFormatException(
                location,
                metadata.IsSwitch
                    ? $"{setLabel} gives switch -{name} a value ({element.Value})"
                    : $"{setLabel} shows -{name} without a value, but {yaml} says Type: {metadata.Type}");
        }

        if (element.Value is null)
        {
            return;
        }

        if (metadata.AcceptedValues.Count > 0)
        {
            IReadOnlyList<string> choices = element.Choices;
            bool same = choices.Count == metadata.AcceptedValues.Count
                        && choices.All(c => metadata.AcceptedValues.Contains(c, StringComparer.OrdinalIgnoreCase));
            if (!same)
            {
                throw new HelpFormatException(
                    location,
                    $"{setLabel} shows -{name} {element.Value}, but {yaml} has Accepted values: {string.Join(", ", metadata.AcceptedValues)} (write them as {{{string.Join(" | ", metadata.AcceptedValues)}}})");
            }
        }
        else if (element.TypeName is null || !string.Equals(element.TypeName, metadata.Type, StringComparison.OrdinalIgnoreCase))
        {
            throw new HelpFormatException(location, $"{setLabel} shows -{name} {element.Value}, but {yaml} says Type: {metadata.Type}");
        }
    }
}
