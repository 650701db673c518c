using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EmailSecurity.HelpBuilder;

/// <summary>
/// Reads the prose of help pages with Markdig (CommonMark) and their YAML (front matter, a parameter's
/// "Default value") with YamlDotNet. A page keeps platyPS's layout but holds only what a person writes:
/// SYNTAX and the parameters' Type, Position, pipeline input and the like come from the compiled cmdlet, so a
/// page that still writes them is refused with the place and the fix. Every problem is a
/// <see cref="HelpFormatException"/> naming the file and line.
/// </summary>
public static partial class PageReader
{
    public const string ExternalHelpFileKey = "external help file";
    public const string DefaultValueKey = "Default value";
    private const string ModuleNameKey = "Module Name";
    private const string OnlineVersionKey = "online version";
    private const string SchemaKey = "schema";
    private const string SupportedSchema = "2.0.0";

    /// <summary>The sections of a page, in platyPS's order; the first three are required.</summary>
    private static readonly string[] Sections =
        ["SYNOPSIS", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS"];

    private const int RequiredSections = 3;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*-[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex CommandNamePattern();

    [GeneratedRegex(@"^-[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex ParameterHeadingPattern();

    /// <summary>
    /// Reads a cmdlet page, or returns null when the text is not one (a guide without "external help file" front
    /// matter). <paramref name="expectedHelpFile"/> is the MAML file being built: a page naming another is an error.
    /// </summary>
    public static HelpPage? ReadPage(string text, string file, string expectedHelpFile)
    {
        MarkdownDocument document = Markdown.Parse(text, Pipeline);
        if (document.FirstOrDefault() is not YamlFrontMatterBlock frontMatterBlock)
        {
            return null;
        }

        var frontMatter = ReadFrontMatter(frontMatterBlock, text, file);
        if (!frontMatter.Any(e => Is(e.Key, ExternalHelpFileKey)))
        {
            return null;
        }

        CheckFrontMatter(frontMatter, file, expectedHelpFile);
        var blocks = document.Skip(1).ToList();
        if (blocks.Count == 0 || blocks[0] is not HeadingBlock { Level: 1 } title)
        {
            throw new HelpFormatException(At(file, blocks.Count == 0 ? frontMatterBlock : blocks[0]),
                "expected the title '# Verb-Noun' after the front matter");
        }

        string name = PlainText.FromInlines(title.Inline);
        if (!CommandNamePattern().IsMatch(name))
        {
            throw new HelpFormatException(At(file, title), $"the title '{name}' is not a command name (Verb-Noun)");
        }

        var reader = new SectionReader(file, text);
        Dictionary<string, Section> sections = reader.Split(blocks.Skip(1), title, name);
        Section? parameters = sections.GetValueOrDefault("PARAMETERS");
        string? online = frontMatter.FirstOrDefault(e => Is(e.Key, OnlineVersionKey)).Value;
        return new HelpPage
        {
            Name = name,
            Location = At(file, title),
            FrontMatter = frontMatter.Select(e => new KeyValuePair<string, string>(e.Key, e.Value)).ToList(),
            OnlineVersion = string.IsNullOrEmpty(online) ? null : online,
            Synopsis = reader.Prose(sections["SYNOPSIS"], requireText: true),
            Description = reader.Prose(sections["DESCRIPTION"], requireText: true),
            Examples = reader.Examples(sections["EXAMPLES"]),
            Parameters = parameters is null ? [] : reader.Parameters(parameters),
            ParametersLocation = At(file, parameters?.Heading ?? (Block)title),
            Inputs = sections.TryGetValue("INPUTS", out Section? inputs) ? reader.Types(inputs) : [],
            Outputs = sections.TryGetValue("OUTPUTS", out Section? outputs) ? reader.Types(outputs) : [],
            Notes = sections.TryGetValue("NOTES", out Section? notes) ? reader.Prose(notes, requireText: false) : [],
            RelatedLinks = sections.TryGetValue("RELATED LINKS", out Section? links) ? reader.Links(links) : [],
        };
    }

    /// <summary>
    /// Reads docs/parameters.md: a title and any introduction, then "## PARAMETERS" with one "### -Name" entry per
    /// shared parameter, in the layout of a page's entries.
    /// </summary>
    public static IReadOnlyList<ParameterText> ReadSharedParameters(string text, string file)
    {
        MarkdownDocument document = Markdown.Parse(text, Pipeline);
        var blocks = document.ToList();
        int heading =
            blocks.FindIndex(b => b is HeadingBlock { Level: 2 } h && PlainText.FromInlines(h.Inline) == "PARAMETERS");
        if (heading < 0)
        {
            throw new HelpFormatException(new SourceLocation(file, 1),
                "the shared parameter text needs a '## PARAMETERS' section");
        }

        var reader = new SectionReader(file, text);
        var section = new Section((HeadingBlock)blocks[heading], blocks.Skip(heading + 1).ToList());
        if (section.Content.FirstOrDefault(b => b is HeadingBlock { Level: <= 2 }) is { } extra)
        {
            throw new HelpFormatException(At(file, extra),
                "'## PARAMETERS' is the last section of the shared parameter text");
        }

        return reader.Parameters(section);
    }

    private static SourceLocation At(string file, Block block) => new(file, block.Line + 1);

    private static bool Is(string key, string expected) =>
        string.Equals(key, expected, StringComparison.OrdinalIgnoreCase);

    private static List<(string Key, string Value, int Line)> ReadFrontMatter(
        YamlFrontMatterBlock block,
        string text,
        string file)
    {
        // The block's source is "---\n...\n---": YAML lines start one line below the block.
        string[] lines = PlainText.Source(block, text).Split('\n');
        string yaml = string.Join("\n", lines.Skip(1).Take(Math.Max(0, lines.Length - 2)));
        YamlMappingNode mapping = ParseMapping(yaml, file, block.Line + 1, "the front matter");
        return mapping.Children
            .Select(entry => (Scalar(entry.Key), Scalar(entry.Value), block.Line + 1 + (int)entry.Key.Start.Line))
            .ToList();
    }

    /// <summary>
    /// A YAML mapping of scalars; <paramref name="lineOffset"/> turns its line numbers into the file's.
    /// </summary>
    private static YamlMappingNode ParseMapping(string yaml, string file, int lineOffset, string what)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new HelpFormatException(new SourceLocation(file, lineOffset + (int)e.Start.Line),
                $"{what} is not valid YAML: {e.Message}");
        }

        if (stream.Documents.Count == 0)
        {
            return new YamlMappingNode();
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            throw new HelpFormatException(new SourceLocation(file, lineOffset + 1),
                $"{what} must be 'key: value' lines");
        }

        foreach (var entry in mapping.Children)
        {
            if (entry.Key is not YamlScalarNode || entry.Value is not YamlScalarNode)
            {
                throw new HelpFormatException(new SourceLocation(file, lineOffset + (int)entry.Key.Start.Line),
                    $"{what} must be 'key: value' lines");
            }
        }

        return mapping;
    }

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value?.Trim() ?? string.Empty;

    private static void CheckFrontMatter(
        List<(string Key, string Value, int Line)> entries,
        string file,
        string expectedHelpFile)
    {
        (string Key, string Value, int Line)? Find(string key) =>
            entries.Any(e => Is(e.Key, key)) ? entries.First(e => Is(e.Key, key)) : null;

        var helpFile = Find(ExternalHelpFileKey)!.Value;
        if (!string.Equals(helpFile.Value, expectedHelpFile, StringComparison.OrdinalIgnoreCase))
        {
            throw new HelpFormatException(
                new SourceLocation(file, helpFile.Line),
                $"'external help file' is '{helpFile.Value}', but this build writes '{expectedHelpFile}'");
        }

        if (Find(ModuleNameKey) is not { Value.Length: > 0 })
        {
            throw new HelpFormatException(new SourceLocation(file, 1), "the front matter needs a 'Module Name'");
        }

        if (Find(SchemaKey) is not { Value: SupportedSchema })
        {
            throw new HelpFormatException(new SourceLocation(file, Find(SchemaKey)?.Line ?? 1),
                $"the front matter needs 'schema: {SupportedSchema}' (platyPS's layout)");
        }

        if (Find(OnlineVersionKey) is { Value.Length: > 0 } online && !PlainText.IsWebUri(online.Value))
        {
            throw new HelpFormatException(new SourceLocation(file, online.Line),
                $"'online version' is not an absolute http(s) address: {online.Value}");
        }
    }

    private sealed record Section(HeadingBlock Heading, List<Block> Content)
    {
        public string Name => PlainText.FromInlines(Heading.Inline);
    }

    private sealed record Entry(HeadingBlock Heading, List<Block> Body)
    {
        public string Title => PlainText.FromInlines(Heading.Inline);
    }

    /// <summary>
    /// Reads the sections of one file; knows the file's name and text for locations and source spans.
    /// </summary>
    private sealed class SectionReader(string file, string text)
    {
        private SourceLocation At(Block block) => PageReader.At(file, block);

        public Dictionary<string, Section> Split(IEnumerable<Block> blocks, HeadingBlock title, string name)
        {
            var sections = new Dictionary<string, Section>(StringComparer.Ordinal);
            Section? current = null;
            int lastIndex = -1;
            foreach (Block block in blocks)
            {
                if (block is HeadingBlock { Level: 1 })
                {
                    throw new HelpFormatException(At(block), $"a second title: a page documents one command ({name})");
                }

                if (block is HeadingBlock { Level: 2 } heading)
                {
                    string key = PlainText.FromInlines(heading.Inline).ToUpperInvariant();
                    if (key == "SYNTAX")
                    {
                        throw new HelpFormatException(At(block),
                            "'## SYNTAX' is written by the build from the compiled cmdlet; delete the section");
                    }

                    int index = Array.IndexOf(Sections, key);
                    if (index < 0)
                    {
                        throw new HelpFormatException(At(block),
                            $"unknown section '## {key}' (the sections are {string.Join(", ", Sections)})");
                    }

                    if (index <= lastIndex)
                    {
                        throw new HelpFormatException(At(block),
                            $"'## {key}' is out of place: the sections go {string.Join(", ", Sections)}");
                    }

                    lastIndex = index;
                    current = new Section(heading, []);
                    sections.Add(key, current);
                    continue;
                }

                if (current is null)
                {
                    throw new HelpFormatException(At(block),
                        "text between the title and the first '## SECTION' heading");
                }

                current.Content.Add(block);
            }

            foreach (string required in Sections.Take(RequiredSections))
            {
                if (!sections.ContainsKey(required))
                {
                    throw new HelpFormatException(At(title), $"{name} has no '## {required}' section");
                }
            }

            return sections;
        }

        /// <summary>Paragraphs, lists and code blocks of a section or entry; nothing else.</summary>
        public IReadOnlyList<ProseBlock> Prose(Section section, bool requireText)
        {
            List<ProseBlock> prose = ProseOf(section.Content, $"'## {section.Name}'");
            if (requireText && prose.Count == 0)
            {
                throw new HelpFormatException(At(section.Heading), $"'## {section.Name}' is empty");
            }

            return prose;
        }

        private List<ProseBlock> ProseOf(IEnumerable<Block> blocks, string where)
        {
            var prose = new List<ProseBlock>();
            foreach (Block block in blocks)
            {
                if (PlainText.FromBlock(block, text) is not { } paragraph)
                {
                    string what = block is HeadingBlock heading
                        ? $"the heading '{PlainText.Source(heading, text)}'"
                        : $"a {block.GetType().Name}";
                    throw new HelpFormatException(At(block),
                        $"{what} cannot go in {where} (help text is paragraphs, lists and code blocks)");
                }

                prose.Add(paragraph);
            }

            return prose;
        }

        /// <summary>The "### ..." entries of a section; nothing may come before the first one.</summary>
        private List<Entry> Entries(Section section)
        {
            var entries = new List<Entry>();
            foreach (Block block in section.Content)
            {
                if (block is HeadingBlock { Level: 3 } heading)
                {
                    entries.Add(new Entry(heading, []));
                    continue;
                }

                if (block is HeadingBlock)
                {
                    throw new HelpFormatException(At(block),
                        $"unexpected heading in '## {section.Name}' (entries are '### ...' headings)");
                }

                if (entries.Count == 0)
                {
                    throw new HelpFormatException(At(block),
                        $"text before the first '###' entry of '## {section.Name}'");
                }

                entries[^1].Body.Add(block);
            }

            return entries;
        }

        public IReadOnlyList<ExampleHelp> Examples(Section section)
        {
            var examples = new List<ExampleHelp>();
            foreach (Entry entry in Entries(section))
            {
                if (entry.Title.Length == 0)
                {
                    throw new HelpFormatException(At(entry.Heading),
                        "an example needs a title ('### Example 1: What it does')");
                }

                int firstCode = entry.Body.FindIndex(b => b is CodeBlock);
                if (firstCode < 0)
                {
                    throw new HelpFormatException(At(entry.Heading), $"example '{entry.Title}' has no code block");
                }

                int afterCode = firstCode;
                while (afterCode < entry.Body.Count && entry.Body[afterCode] is CodeBlock)
                {
                    afterCode++;
                }

                var code = entry.Body.Skip(firstCode).Take(afterCode - firstCode).Cast<CodeBlock>().ToList();
                examples.Add(new ExampleHelp
                {
                    Title = entry.Title,
                    Location = At(entry.Heading),
                    Introduction = ProseOf(entry.Body.Take(firstCode), $"example '{entry.Title}'"),
                    Code = string.Join("\n\n", code.Select(PlainText.CodeText)),
                    CodeMarkdown = string.Join("\n\n", code.Select(c => PlainText.Source(c, text))),
                    Remarks = ProseOf(entry.Body.Skip(afterCode), $"example '{entry.Title}'"),
                });
            }

            if (examples.Count == 0)
            {
                throw new HelpFormatException(At(section.Heading), "'## EXAMPLES' has no '### Example' entries");
            }

            return examples;
        }

        public IReadOnlyList<ParameterText> Parameters(Section section)
        {
            var parameters = new List<ParameterText>();
            foreach (Entry entry in Entries(section))
            {
                if (string.Equals(entry.Title, "CommonParameters", StringComparison.OrdinalIgnoreCase))
                {
                    throw new HelpFormatException(At(entry.Heading),
                        "'### CommonParameters' is written by the build; delete the entry");
                }

                if (!ParameterHeadingPattern().IsMatch(entry.Title))
                {
                    throw new HelpFormatException(At(entry.Heading),
                        $"'### {entry.Title}' is not a parameter heading ('### -Name')");
                }

                string name = entry.Title.Substring(1);
                if (parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new HelpFormatException(At(entry.Heading), $"-{name} is documented twice");
                }

                List<Block> body = entry.Body;
                string? defaultValue = null;
                if (body.Count > 0 && body[^1] is FencedCodeBlock { Info: "yaml" } yaml)
                {
                    defaultValue = ReadDefaultValue(name, yaml);
                    body = body.Take(body.Count - 1).ToList();
                }

                if (body.Count == 0)
                {
                    throw new HelpFormatException(At(entry.Heading), $"-{name} has no text");
                }

                parameters.Add(new ParameterText
                {
                    Name = name,
                    Location = At(entry.Heading),
                    Description = ProseOf(body, $"the text of -{name}"),
                    DefaultValue = defaultValue,
                });
            }

            return parameters;
        }

        /// <summary>
        /// A parameter's yaml block: only "Default value", for a default the code cannot state (the session's
        /// connection). The other keys of platyPS's block are what the compiled cmdlet declares.
        /// </summary>
        private string ReadDefaultValue(string name, FencedCodeBlock block)
        {
            YamlMappingNode mapping =
                ParseMapping(PlainText.CodeText(block), file, block.Line + 1, $"the yaml block of -{name}");
            string? value = null;
            foreach (var entry in mapping.Children)
            {
                string key = Scalar(entry.Key);
                var location = new SourceLocation(file, block.Line + 1 + (int)entry.Key.Start.Line);
                if (!Is(key, DefaultValueKey))
                {
                    throw new HelpFormatException(
                        location,
                        $"-{name}: '{key}' comes from the compiled cmdlet; a parameter's yaml block holds only " +
                        $"'{DefaultValueKey}', for a default the code does not set");
                }

                value = Scalar(entry.Value);
            }

            if (string.IsNullOrEmpty(value))
            {
                throw new HelpFormatException(At(block), $"-{name}: the yaml block needs a '{DefaultValueKey}'");
            }

            return value;
        }

        public IReadOnlyList<TypeText> Types(Section section)
        {
            var types = new List<TypeText>();
            foreach (Entry entry in Entries(section))
            {
                if (entry.Title.Length == 0 || entry.Title.Any(char.IsWhiteSpace))
                {
                    throw new HelpFormatException(At(entry.Heading),
                        $"an entry of '## {section.Name}' is a type name, such as '### System.String'");
                }

                if (types.Any(t => string.Equals(t.TypeName, entry.Title, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new HelpFormatException(At(entry.Heading),
                        $"'{entry.Title}' appears twice in '## {section.Name}'");
                }

                List<ProseBlock> prose = ProseOf(entry.Body, $"'### {entry.Title}'");
                if (prose.Count == 0)
                {
                    throw new HelpFormatException(At(entry.Heading), $"'### {entry.Title}' has no text (leave out an " +
                        "entry you have nothing to say about: the build lists the type)");
                }

                types.Add(new TypeText(entry.Title, prose, At(entry.Heading)));
            }

            return types;
        }

        public IReadOnlyList<RelatedLink> Links(Section section)
        {
            var links = new List<RelatedLink>();
            foreach (Block block in section.Content)
            {
                if (block is not ParagraphBlock paragraph || paragraph.Inline is null)
                {
                    throw new HelpFormatException(At(block),
                        "'## RELATED LINKS' holds only markdown links, one a line: [text](uri)");
                }

                foreach (Inline inline in paragraph.Inline)
                {
                    switch (inline)
                    {
                        case LinkInline { IsImage: false } link:
                            links.Add(new RelatedLink(PlainText.LinkText(link), link.Url ?? string.Empty,
                                new SourceLocation(file, inline.Line + 1)));
                            break;
                        case LineBreakInline:
                        case LiteralInline literal when literal.Content.IsEmptyOrWhitespace():
                            break;
                        default:
                            throw new HelpFormatException(
                                new SourceLocation(file, inline.Line + 1),
                                "'## RELATED LINKS' holds only markdown links, one a line: [text](uri)");
                    }
                }
            }

            return links;
        }
    }
}
