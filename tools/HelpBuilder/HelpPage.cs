namespace EmailSecurity.HelpBuilder;

// What an author writes: the prose of one cmdlet page (docs/<Cmdlet>.md) and the shared parameter text
// (docs/parameters.md). Everything else help shows comes from DeclaredCmdlet.

/// <summary>A place in a source file, for error messages (line numbers are 1-based).</summary>
public sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>The prose of one cmdlet page, in platyPS's layout without the sections the build derives.</summary>
public sealed class HelpPage
{
    public required string Name { get; init; }

    /// <summary>The title line ("# Verb-Noun").</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>The front matter keys and values, in file order (for example "external help file").</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> FrontMatter { get; init; }

    /// <summary>The "online version" of the front matter, or null when it is empty.</summary>
    public string? OnlineVersion { get; init; }

    public required IReadOnlyList<ProseBlock> Synopsis { get; init; }

    public required IReadOnlyList<ProseBlock> Description { get; init; }

    public required IReadOnlyList<ExampleHelp> Examples { get; init; }

    /// <summary>The page's own parameter text: only where it differs from docs/parameters.md.</summary>
    public required IReadOnlyList<ParameterText> Parameters { get; init; }

    /// <summary>
    /// The "## PARAMETERS" heading, or the title when the page has none: where a missing text is reported.
    /// </summary>
    public required SourceLocation ParametersLocation { get; init; }

    /// <summary>Text for the types the cmdlet takes from the pipeline (the list itself is derived).</summary>
    public required IReadOnlyList<TypeText> Inputs { get; init; }

    /// <summary>Text for the types the cmdlet writes (the list itself comes from [OutputType]).</summary>
    public required IReadOnlyList<TypeText> Outputs { get; init; }

    public required IReadOnlyList<ProseBlock> Notes { get; init; }

    public required IReadOnlyList<RelatedLink> RelatedLinks { get; init; }
}

/// <summary>One "### -Name" entry: the text of a parameter, and a default the code cannot know.</summary>
public sealed class ParameterText
{
    public required string Name { get; init; }

    public required SourceLocation Location { get; init; }

    public required IReadOnlyList<ProseBlock> Description { get; init; }

    /// <summary>The "Default value" of the entry's yaml block ("The session's connection"), or null.</summary>
    public string? DefaultValue { get; init; }

    /// <summary>The text as one string, to tell whether a page repeats the shared text.</summary>
    public string Markdown => string.Join("\n\n", Description.Select(b => b.Markdown));
}

/// <summary>One "### TypeName" entry of INPUTS or OUTPUTS.</summary>
public sealed record TypeText(string TypeName, IReadOnlyList<ProseBlock> Description, SourceLocation Location);

/// <summary>One "### Example" entry of the EXAMPLES section.</summary>
public sealed class ExampleHelp
{
    public required string Title { get; init; }

    public required SourceLocation Location { get; init; }

    /// <summary>Text between the heading and the first code block (usually empty).</summary>
    public required IReadOnlyList<ProseBlock> Introduction { get; init; }

    /// <summary>The code of the example: the first run of code blocks, joined by a blank line.</summary>
    public required string Code { get; init; }

    /// <summary>Those code blocks as written, fences included.</summary>
    public required string CodeMarkdown { get; init; }

    /// <summary>
    /// Everything after the code: paragraphs, and later code blocks (such as sample output) verbatim.
    /// </summary>
    public required IReadOnlyList<ProseBlock> Remarks { get; init; }
}

/// <summary>One markdown link of the RELATED LINKS section.</summary>
public sealed record RelatedLink(string Text, string Uri, SourceLocation Location)
{
    /// <summary>True when <see cref="Uri"/> is an absolute web address: only those reach the MAML uri.</summary>
    public bool IsWebUri => PlainText.IsWebUri(Uri);
}
