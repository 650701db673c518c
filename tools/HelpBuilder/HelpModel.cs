namespace EmailSecurity.HelpBuilder;

// The help model: what one platyPS-layout cmdlet page says, already checked for consistency by
// HelpMarkdownParser. Text is stored as paragraphs (one string per MAML <maml:para>), with
// markdown inline syntax already reduced to the plain text Get-Help shows.

/// <summary>A place in a source file, for error messages (line numbers are 1-based).</summary>
public sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>The help for one cmdlet: one markdown page, one &lt;command:command&gt; element.</summary>
public sealed class CommandHelp
{
    public required string Name { get; init; }
    public required SourceLocation Location { get; init; }

    /// <summary>The part of <see cref="Name"/> before the first dash.</summary>
    public string Verb => Name.Substring(0, Name.IndexOf('-'));

    /// <summary>The part of <see cref="Name"/> after the first dash.</summary>
    public string Noun => Name.Substring(Name.IndexOf('-') + 1);

    /// <summary>The front matter keys and values, in file order (for example "external help file").</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Metadata { get; init; }

    /// <summary>The "external help file" value of the front matter: the MAML file this page belongs to.</summary>
    public required string ExternalHelpFile { get; init; }

    /// <summary>The "online version" value of the front matter, or null when it is empty.</summary>
    public string? OnlineVersion { get; init; }

    public required IReadOnlyList<string> Synopsis { get; init; }
    public required IReadOnlyList<string> Description { get; init; }

    /// <summary>The parameter sets in the order of the SYNTAX section (the default set is marked).</summary>
    public required IReadOnlyList<SyntaxSet> Syntax { get; init; }

    public required IReadOnlyList<ExampleHelp> Examples { get; init; }

    /// <summary>Every parameter once, in the order of the PARAMETERS section (CommonParameters excluded).</summary>
    public required IReadOnlyList<ParameterHelp> Parameters { get; init; }

    /// <summary>True when the PARAMETERS section has a "### CommonParameters" entry.</summary>
    public required bool SupportsCommonParameters { get; init; }

    public required IReadOnlyList<TypeHelp> Inputs { get; init; }
    public required IReadOnlyList<TypeHelp> Outputs { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
    public required IReadOnlyList<RelatedLink> RelatedLinks { get; init; }
}

/// <summary>One parameter set: a "### Name" heading of the SYNTAX section and its syntax line.</summary>
public sealed class SyntaxSet
{
    /// <summary>
    /// The set name, or <see cref="AllParameterSets"/> when the page has a single syntax block
    /// without a heading.
    /// </summary>
    public required string Name { get; init; }

    public const string AllParameterSets = "__AllParameterSets";

    public required bool IsDefault { get; init; }
    public required SourceLocation Location { get; init; }

    /// <summary>The syntax line as written in the code block.</summary>
    public required string SyntaxText { get; init; }

    /// <summary>The parameters of the set, in the order of the syntax line.</summary>
    public required IReadOnlyList<SyntaxParameter> Parameters { get; init; }
}

/// <summary>A parameter as it appears in one parameter set.</summary>
public sealed record SyntaxParameter(ParameterHelp Parameter, ParameterMetadata Metadata);

/// <summary>One "### -Name" entry of the PARAMETERS section.</summary>
public sealed class ParameterHelp
{
    public required string Name { get; init; }
    public required SourceLocation Location { get; init; }
    public required IReadOnlyList<string> Description { get; init; }

    /// <summary>
    /// One entry per ```yaml block. A parameter whose attributes differ between parameter sets
    /// (mandatory in one, optional in another) has several; the first describes the parameter in
    /// the PARAMETERS part of the MAML, as platyPS does.
    /// </summary>
    public required IReadOnlyList<ParameterMetadata> Metadata { get; init; }

    public ParameterMetadata Primary => Metadata[0];

    /// <summary>The metadata that applies in the named set, or null when the parameter is not in it.</summary>
    public ParameterMetadata? ForSet(string setName)
    {
        foreach (ParameterMetadata metadata in Metadata)
        {
            if (metadata.AppliesTo(setName))
            {
                return metadata;
            }
        }

        return null;
    }
}

/// <summary>The contents of one ```yaml block of a parameter.</summary>
public sealed class ParameterMetadata
{
    /// <summary>The value written for parameters that are in every parameter set.</summary>
    public const string AllSetsMoniker = "(All)";

    public required SourceLocation Location { get; init; }

    /// <summary>The type as written ("String", "SwitchParameter", "String[]"...).</summary>
    public required string Type { get; init; }

    /// <summary>The parameter set names, or a single <see cref="AllSetsMoniker"/>.</summary>
    public required IReadOnlyList<string> ParameterSets { get; init; }

    public required IReadOnlyList<string> Aliases { get; init; }

    /// <summary>The "Accepted values" list (a ValidateSet or an enum), empty when there is none.</summary>
    public required IReadOnlyList<string> AcceptedValues { get; init; }

    public required bool Required { get; init; }

    /// <summary>"Named" or a zero-based position ("0", "1"...).</summary>
    public required string Position { get; init; }

    /// <summary>The "Default value" text, or null when it is missing or "None".</summary>
    public string? DefaultValue { get; init; }

    /// <summary>The "Accept pipeline input" text: "False", "True (ByValue)", "True (ByPropertyName, ByValue)"...</summary>
    public required string PipelineInput { get; init; }

    public required bool Globbing { get; init; }

    public bool IsInAllSets => ParameterSets.Count == 1 && ParameterSets[0] == AllSetsMoniker;

    public bool IsNamed => string.Equals(Position, "Named", StringComparison.OrdinalIgnoreCase);

    public bool IsSwitch =>
        string.Equals(Type, "SwitchParameter", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Type, "System.Management.Automation.SwitchParameter", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Type, "switch", StringComparison.OrdinalIgnoreCase);

    public bool AppliesTo(string setName)
    {
        if (IsInAllSets)
        {
            return true;
        }

        foreach (string name in ParameterSets)
        {
            if (string.Equals(name, setName, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>One "### Example" entry of the EXAMPLES section.</summary>
public sealed class ExampleHelp
{
    public required string Title { get; init; }
    public required SourceLocation Location { get; init; }

    /// <summary>Text between the heading and the first code block (usually empty).</summary>
    public required IReadOnlyList<string> Introduction { get; init; }

    /// <summary>The code of the example: the first run of code blocks, joined by a blank line.</summary>
    public required string Code { get; init; }

    /// <summary>Everything after the code: paragraphs, and later code blocks (such as sample output) verbatim.</summary>
    public required IReadOnlyList<string> Remarks { get; init; }
}

/// <summary>One "### TypeName" entry of the INPUTS or OUTPUTS section.</summary>
public sealed record TypeHelp(string TypeName, IReadOnlyList<string> Description, SourceLocation Location);

/// <summary>One markdown link of the RELATED LINKS section.</summary>
public sealed record RelatedLink(string Text, string Uri, SourceLocation Location)
{
    /// <summary>True when <see cref="Uri"/> is an absolute web address: only those reach the MAML uri.</summary>
    public bool IsWebUri => InlineText.IsWebUri(Uri);
}
