using System.Text.RegularExpressions;

namespace EmailSecurity.HelpBuilder;

/// <summary>
/// Reads one cmdlet help page in the platyPS markdown layout (schema 2.0.0) into a
/// <see cref="CommandHelp"/>. It follows platyPS's reading of the layout and is stricter where
/// platyPS is silent: the SYNTAX lines must agree with the PARAMETERS yaml (names, parameter
/// sets, mandatory, positional, switch, type, accepted values), so help cannot drift from itself.
/// Every problem is reported as a <see cref="HelpFormatException"/> naming the file and line.
/// </summary>
public sealed partial class HelpMarkdownParser
{
    private const string ExternalHelpFileKey = "external help file";
    private const string ModuleNameKey = "Module Name";
    private const string OnlineVersionKey = "online version";
    private const string SchemaKey = "schema";
    private const string SupportedSchema = "2.0.0";
    private const string DefaultSetSuffix = "(Default)";
    private const string CommonParametersHeading = "CommonParameters";

    private static readonly string[] RequiredSections = ["SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS"];
    private static readonly string[] KnownSections = [.. RequiredSections, "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS"];

    private static readonly string[] RequiredYamlKeys =
        ["Type", "Parameter Sets", "Required", "Position", "Accept pipeline input", "Accept wildcard characters"];

    private static readonly string[] KnownYamlKeys =
        [.. RequiredYamlKeys, "Aliases", "Accepted values", "Default value"];

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*-[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex CommandNamePattern();

    [GeneratedRegex(@"^(?<key>[A-Za-z][A-Za-z ]*?)\s*:(?:\s+(?<value>.*?))?\s*$")]
    private static partial Regex KeyValuePattern();

    [GeneratedRegex(@"^(False|True(\s*\((ByValue|ByPropertyName|FromRemainingArguments)(,\s*(ByValue|ByPropertyName|FromRemainingArguments))*\))?)$", RegexOptions.IgnoreCase)]
    private static partial Regex PipelineInputPattern();

    [GeneratedRegex(@"^(Named|\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex PositionPattern();

    /// <summary>
    /// When set, a page whose "external help file" names another file is an error (it would
    /// otherwise be left out of the MAML file being built without anyone noticing).
    /// </summary>
    public string? ExpectedExternalHelpFile { get; init; }

    /// <summary>True when the text has front matter with an "external help file" key: a cmdlet page.</summary>
    public static bool IsCommandPage(string text)
    {
        try
        {
            return ReadFrontMatter(SplitLines(text), "(text)") is { IsCommandPage: true };
        }
        catch (HelpFormatException)
        {
            // Only a page that claims to be a cmdlet page can have malformed front matter.
            return true;
        }
    }

    /// <summary>Parses the file, or returns null when it is not a cmdlet page (no "external help file" front matter).</summary>
    public CommandHelp? ParseFile(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>
    /// Parses page text; <paramref name="file"/> names it in error messages. Returns null when the
    /// text is not a cmdlet page.
    /// </summary>
    public CommandHelp? Parse(string text, string file)
    {
        string[] lines = SplitLines(text);
        FrontMatter? frontMatter = ReadFrontMatter(lines, file);
        if (frontMatter is null || !frontMatter.IsCommandPage)
        {
            return null;
        }

        CheckFrontMatter(frontMatter, file);

        int bodyStart = frontMatter.EndLineIndex + 1;
        List<MarkdownBlock> blocks = MarkdownBlockReader.Read(lines[bodyStart..], bodyStart + 1, file);
        return new PageReader(file, frontMatter, blocks).Read();
    }

    private static string[] SplitLines(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        return text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
    }

    private sealed class FrontMatter
    {
        public required int EndLineIndex { get; init; }
        public required List<(string Key, string Value, int Line)> Entries { get; init; }

        public bool IsCommandPage => Find(ExternalHelpFileKey) is not null;

        public (string Key, string Value, int Line)? Find(string key)
        {
            foreach (var entry in Entries)
            {
                if (string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase))
                {
                    return entry;
                }
            }

            return null;
        }
    }

    private static FrontMatter? ReadFrontMatter(string[] lines, string file)
    {
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            return null;
        }

        var entries = new List<(string, string, int)>();
        var malformed = new List<int>();
        for (int i = 1; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.TrimEnd() == "---")
            {
                var frontMatter = new FrontMatter { EndLineIndex = i, Entries = entries };
                if (frontMatter.IsCommandPage && malformed.Count > 0)
                {
                    throw new HelpFormatException(new SourceLocation(file, malformed[0]), "front matter lines must be 'key: value'");
                }

                return frontMatter;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            Match match = KeyValuePattern().Match(line);
            if (!match.Success)
            {
                malformed.Add(i + 1);
                continue;
            }

            entries.Add((match.Groups["key"].Value, Unquote(match.Groups["value"].Value), i + 1));
        }

        if (entries.Any(e => string.Equals(e.Item1, ExternalHelpFileKey, StringComparison.OrdinalIgnoreCase)))
        {
            throw new HelpFormatException(new SourceLocation(file, 1), "the front matter opened by '---' is never closed");
        }

        return null;
    }

    private static string Unquote(string value)
    {
        value = value.Trim();
        if (value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\''))
        {
            return value.Substring(1, value.Length - 2);
        }

        return value;
    }

    private void CheckFrontMatter(FrontMatter frontMatter, string file)
    {
        var helpFile = frontMatter.Find(ExternalHelpFileKey)!.Value;
        if (helpFile.Value.Length == 0)
        {
            throw new HelpFormatException(new SourceLocation(file, helpFile.Line), "'external help file' is empty");
        }

        if (ExpectedExternalHelpFile is not null && !string.Equals(helpFile.Value, ExpectedExternalHelpFile, StringComparison.OrdinalIgnoreCase))
        {
            throw new HelpFormatException(
                new SourceLocation(file, helpFile.Line),
                $"'external help file' is '{helpFile.Value}', but this build writes '{ExpectedExternalHelpFile}'");
        }

        var module = frontMatter.Find(ModuleNameKey);
        if (module is null || module.Value.Value.Length == 0)
        {
            throw new HelpFormatException(new SourceLocation(file, module?.Line ?? 1), "the front matter needs a 'Module Name'");
        }

        var schema = frontMatter.Find(SchemaKey);
        if (schema is null || schema.Value.Value != SupportedSchema)
        {
            throw new HelpFormatException(
                new SourceLocation(file, schema?.Line ?? 1),
                $"the front matter needs 'schema: {SupportedSchema}' (the platyPS layout this tool reads)");
        }

        var online = frontMatter.Find(OnlineVersionKey);
        if (online is not null && online.Value.Value.Length > 0 && !InlineText.IsWebUri(online.Value.Value))
        {
            throw new HelpFormatException(new SourceLocation(file, online.Value.Line), $"'online version' is not an absolute http(s) address: {online.Value.Value}");
        }
    }

    /// <summary>Reads the blocks of one page: title, then the ## sections.</summary>
    private sealed class PageReader(string file, FrontMatter frontMatter, List<MarkdownBlock> blocks)
    {
        private SourceLocation At(int line) => new(file, line);

        private SourceLocation At(MarkdownBlock block) => new(file, block.Line);

        public CommandHelp Read()
        {
            if (blocks.Count == 0 || !blocks[0].IsHeading(1))
            {
                throw new HelpFormatException(blocks.Count == 0 ? At(frontMatter.EndLineIndex + 1) : At(blocks[0]), "expected the title '# Verb-Noun' after the front matter");
            }

            MarkdownBlock title = blocks[0];
            if (!CommandNamePattern().IsMatch(title.Text))
            {
                throw new HelpFormatException(At(title), $"the title '{title.Text}' is not a command name (Verb-Noun)");
            }

            Dictionary<string, (MarkdownBlock Heading, List<MarkdownBlock> Content)> sections = SplitSections(title);
            foreach (string required in RequiredSections)
            {
                if (!sections.ContainsKey(required))
                {
                    throw new HelpFormatException(At(title), $"{title.Text} has no '## {required}' section");
                }
            }

            string name = title.Text;
            IReadOnlyList<string> synopsis = ReadText(sections["SYNOPSIS"], requireText: true);
            IReadOnlyList<string> description = ReadText(sections["DESCRIPTION"], requireText: true);
            List<SyntaxHeading> syntaxHeadings = ReadSyntaxSection(sections["SYNTAX"]);
            IReadOnlyList<ExampleHelp> examples = ReadExamples(sections["EXAMPLES"]);
            (List<ParameterHelp> parameters, bool commonParameters) = ReadParameters(sections["PARAMETERS"]);
            IReadOnlyList<SyntaxSet> syntax = SyntaxResolver.Resolve(file, name, syntaxHeadings, parameters, commonParameters);

            return new CommandHelp
            {
                Name = name,
                Location = At(title),
                Metadata = frontMatter.Entries.Select(e => new KeyValuePair<string, string>(e.Key, e.Value)).ToArray(),
                ExternalHelpFile = frontMatter.Find(ExternalHelpFileKey)!.Value.Value,
                OnlineVersion = frontMatter.Find(OnlineVersionKey) is { } online && online.Value.Length > 0 ? online.Value : null,
                Synopsis = synopsis,
                Description = description,
                Syntax = syntax,
                Examples = examples,
                Parameters = parameters,
                SupportsCommonParameters = commonParameters,
                Inputs = sections.TryGetValue("INPUTS", out var inputs) ? ReadTypes(inputs) : [],
                Outputs = sections.TryGetValue("OUTPUTS", out var outputs) ? ReadTypes(outputs) : [],
                Notes = sections.TryGetValue("NOTES", out var notes) ? ReadText(notes, requireText: false) : [],
                RelatedLinks = sections.TryGetValue("RELATED LINKS", out var links) ? ReadLinks(links) : [],
            };
        }

        private Dictionary<string, (MarkdownBlock, List<MarkdownBlock>)> SplitSections(MarkdownBlock title)
        {
            var sections = new Dictionary<string, (MarkdownBlock, List<MarkdownBlock>)>(StringComparer.Ordinal);
            List<MarkdownBlock>? current = null;
            for (int i = 1; i < blocks.Count; i++)
            {
                MarkdownBlock block = blocks[i];
                if (block.IsHeading(1))
                {
                    throw new HelpFormatException(At(block), $"a second title '# {block.Text}': a page documents one command ({title.Text})");
                }

                if (block.IsHeading(2))
                {
                    string key = block.Text.ToUpperInvariant();
                    if (!KnownSections.Contains(key))
                    {
                        throw new HelpFormatException(At(block), $"unknown section '## {block.Text}' (the sections are {string.Join(", ", KnownSections)})");
                    }

                    if (sections.ContainsKey(key))
                    {
                        throw new HelpFormatException(At(block), $"the section '## {block.Text}' appears twice");
                    }

                    current = [];
                    sections.Add(key, (block, current));
                    continue;
                }

                if (current is null)
                {
                    throw new HelpFormatException(At(block), "text between the title and the first '## SECTION' heading");
                }

                current.Add(block);
            }

            return sections;
        }

        /// <summary>Paragraphs, list items and code blocks as MAML paragraphs; no headings.</summary>
        private IReadOnlyList<string> ReadText((MarkdownBlock Heading, List<MarkdownBlock> Content) section, bool requireText)
        {
            foreach (MarkdownBlock block in section.Content)
            {
                if (block.Kind == MarkdownBlockKind.Heading)
                {
                    throw new HelpFormatException(At(block), $"unexpected heading '{block}' in '## {section.Heading.Text}'");
                }
            }

            List<string> paragraphs = ToParagraphs(section.Content);
            if (requireText && paragraphs.Count == 0)
            {
                throw new HelpFormatException(At(section.Heading), $"'## {section.Heading.Text}' is empty");
            }

            return paragraphs;
        }

        private static List<string> ToParagraphs(IEnumerable<MarkdownBlock> content)
        {
            var paragraphs = new List<string>();
            foreach (MarkdownBlock block in content)
            {
                switch (block.Kind)
                {
                    case MarkdownBlockKind.Paragraph:
                        paragraphs.Add(InlineText.ToPlainText(block.Text));
                        break;
                    case MarkdownBlockKind.ListItem:
                        string marker = block.Marker is "*" or "+" ? "-" : block.Marker;
                        paragraphs.Add(marker + " " + InlineText.ToPlainText(block.Text));
                        break;
                    case MarkdownBlockKind.Code:
                        paragraphs.Add(block.Text);
                        break;
                }
            }

            return paragraphs;
        }

        private List<SyntaxHeading> ReadSyntaxSection((MarkdownBlock Heading, List<MarkdownBlock> Content) section)
        {
            List<MarkdownBlock> content = section.Content;
            if (content.Count == 0)
            {
                throw new HelpFormatException(At(section.Heading), "'## SYNTAX' is empty");
            }

            // A command with one parameter set may have a bare syntax block without a heading.
            if (content[0].Kind == MarkdownBlockKind.Code)
            {
                if (content.Count > 1)
                {
                    throw new HelpFormatException(At(content[1]), "a '## SYNTAX' section without '### SetName' headings holds exactly one code block");
                }

                return [new SyntaxHeading(SyntaxSet.AllParameterSets, true, section.Heading, content[0])];
            }

            var sets = new List<SyntaxHeading>();
            for (int i = 0; i < content.Count; i++)
            {
                MarkdownBlock heading = content[i];
                if (!heading.IsHeading(3))
                {
                    throw new HelpFormatException(At(heading), "'## SYNTAX' holds '### SetName' headings, each followed by one code block");
                }

                if (i + 1 >= content.Count || content[i + 1].Kind != MarkdownBlockKind.Code)
                {
                    throw new HelpFormatException(At(heading), $"parameter set '{heading.Text}' has no syntax code block");
                }

                string name = heading.Text;
                bool isDefault = name.EndsWith(DefaultSetSuffix, StringComparison.OrdinalIgnoreCase);
                if (isDefault)
                {
                    name = name.Substring(0, name.Length - DefaultSetSuffix.Length).TrimEnd();
                }

                if (name.Length == 0 || name.Any(char.IsWhiteSpace) || name.Contains(','))
                {
                    throw new HelpFormatException(At(heading), $"'{heading.Text}' is not a parameter set name");
                }

                if (sets.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new HelpFormatException(At(heading), $"parameter set '{name}' appears twice in '## SYNTAX'");
                }

                if (isDefault && sets.Any(s => s.IsDefault))
                {
                    throw new HelpFormatException(At(heading), $"two parameter sets are marked {DefaultSetSuffix}");
                }

                sets.Add(new SyntaxHeading(name, isDefault, heading, content[i + 1]));
                i++;
            }

            return sets;
        }

        private IReadOnlyList<ExampleHelp> ReadExamples((MarkdownBlock Heading, List<MarkdownBlock> Content) section)
        {
            var examples = new List<ExampleHelp>();
            foreach ((MarkdownBlock heading, List<MarkdownBlock> body) in SplitByHeading3(section))
            {
                if (heading.Text.Length == 0)
                {
                    throw new HelpFormatException(At(heading), "an example needs a title ('### Example 1: What it does')");
                }

                int firstCode = body.FindIndex(b => b.Kind == MarkdownBlockKind.Code);
                if (firstCode < 0)
                {
                    throw new HelpFormatException(At(heading), $"example '{heading.Text}' has no code block");
                }

                int afterCode = firstCode;
                while (afterCode < body.Count && body[afterCode].Kind == MarkdownBlockKind.Code)
                {
                    afterCode++;
                }

                examples.Add(new ExampleHelp
                {
                    Title = heading.Text,
                    Location = At(heading),
                    Introduction = ToParagraphs(body.Take(firstCode)),
                    Code = string.Join("\n\n", body.Skip(firstCode).Take(afterCode - firstCode).Select(b => b.Text)),
                    Remarks = ToParagraphs(body.Skip(afterCode)),
                });
            }

            if (examples.Count == 0)
            {
                throw new HelpFormatException(At(section.Heading), "'## EXAMPLES' has no '### Example' entries");
            }

            return examples;
        }

        /// <summary>Splits a section into its ### entries; nothing may come before the first one.</summary>
        private List<(MarkdownBlock Heading, List<MarkdownBlock> Body)> SplitByHeading3((MarkdownBlock Heading, List<MarkdownBlock> Content) section)
        {
            var entries = new List<(MarkdownBlock, List<MarkdownBlock>)>();
            foreach (MarkdownBlock block in section.Content)
            {
                if (block.IsHeading(3))
                {
                    entries.Add((block, []));
                    continue;
                }

                if (block.Kind == MarkdownBlockKind.Heading)
                {
                    throw new HelpFormatException(At(block), $"unexpected heading '{block}' in '## {section.Heading.Text}' (entries are '### ...' headings)");
                }

                if (entries.Count == 0)
                {
                    throw new HelpFormatException(At(block), $"text before the first '###' entry of '## {section.Heading.Text}'");
                }

                entries[^1].Item2.Add(block);
            }

            return entries;
        }

        private (List<ParameterHelp> Parameters, bool CommonParameters) ReadParameters((MarkdownBlock Heading, List<MarkdownBlock> Content) section)
        {
            var parameters = new List<ParameterHelp>();
            bool commonParameters = false;
            foreach ((MarkdownBlock heading, List<MarkdownBlock> body) in SplitByHeading3(section))
            {
                if (string.Equals(heading.Text, CommonParametersHeading, StringComparison.OrdinalIgnoreCase))
                {
                    if (commonParameters)
                    {
                        throw new HelpFormatException(At(heading), "'### CommonParameters' appears twice");
                    }

                    commonParameters = true;
                    continue;
                }

                if (!heading.Text.StartsWith('-') || heading.Text.Length < 2 || heading.Text.Skip(1).Any(c => !char.IsLetterOrDigit(c) && c != '_'))
                {
                    throw new HelpFormatException(At(heading), $"'### {heading.Text}' is not a parameter heading ('### -Name' or '### CommonParameters')");
                }

                string name = heading.Text.Substring(1);
                if (parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new HelpFormatException(At(heading), $"parameter -{name} is documented twice");
                }

                parameters.Add(ReadParameter(name, heading, body));
            }

            return (parameters, commonParameters);
        }

        private ParameterHelp ReadParameter(string name, MarkdownBlock heading, List<MarkdownBlock> body)
        {
            int firstYaml = body.FindIndex(IsYaml);
            if (firstYaml < 0)
            {
                throw new HelpFormatException(At(heading), $"parameter -{name} has no ```yaml block (Type, Parameter Sets, Required, Position...)");
            }

            if (firstYaml == 0)
            {
                throw new HelpFormatException(At(heading), $"parameter -{name} has no description");
            }

            var metadata = new List<ParameterMetadata>();
            foreach (MarkdownBlock block in body.Skip(firstYaml))
            {
                if (!IsYaml(block))
                {
                    throw new HelpFormatException(At(block), $"only ```yaml blocks may follow the first ```yaml block of -{name}");
                }

                ParameterMetadata next = ReadYaml(name, block);
                CheckAgainstEarlierBlocks(name, next, metadata);
                metadata.Add(next);
            }

            return new ParameterHelp
            {
                Name = name,
                Location = At(heading),
                Description = ToParagraphs(body.Take(firstYaml)),
                Metadata = metadata,
            };
        }

        private static bool IsYaml(MarkdownBlock block) =>
            block.Kind == MarkdownBlockKind.Code && string.Equals(block.Info, "yaml", StringComparison.OrdinalIgnoreCase);

        private void CheckAgainstEarlierBlocks(string name, ParameterMetadata next, List<ParameterMetadata> earlier)
        {
            foreach (ParameterMetadata previous in earlier)
            {
                if (!string.Equals(previous.Type, next.Type, StringComparison.OrdinalIgnoreCase))
                {
                    throw new HelpFormatException(next.Location, $"-{name} has type '{next.Type}' here and '{previous.Type}' at line {previous.Location.Line}");
                }

                if (previous.IsInAllSets || next.IsInAllSets)
                {
                    throw new HelpFormatException(next.Location, $"-{name} has another yaml block (line {previous.Location.Line}); a parameter in {ParameterMetadata.AllSetsMoniker} sets has exactly one");
                }

                foreach (string set in next.ParameterSets)
                {
                    if (previous.AppliesTo(set))
                    {
                        throw new HelpFormatException(next.Location, $"-{name} lists parameter set '{set}' in two yaml blocks (see line {previous.Location.Line})");
                    }
                }
            }
        }

        private ParameterMetadata ReadYaml(string name, MarkdownBlock block)
        {
            var values = new Dictionary<string, (string Value, int Line)>(StringComparer.OrdinalIgnoreCase);
            string[] lines = block.Text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                int lineNumber = block.Line + 1 + i;
                if (string.IsNullOrWhiteSpace(lines[i]))
                {
                    continue;
                }

                Match match = KeyValuePattern().Match(lines[i]);
                if (!match.Success)
                {
                    throw new HelpFormatException(At(lineNumber), $"-{name}: expected 'Key: value' in the yaml block, found '{lines[i].Trim()}'");
                }

                string key = match.Groups["key"].Value;
                string? known = KnownYamlKeys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
                if (known is null)
                {
                    throw new HelpFormatException(At(lineNumber), $"-{name}: unknown yaml key '{key}' (the keys are {string.Join(", ", KnownYamlKeys)})");
                }

                if (!values.TryAdd(known, (match.Groups["value"].Value.Trim(), lineNumber)))
                {
                    throw new HelpFormatException(At(lineNumber), $"-{name}: '{known}' appears twice in the yaml block");
                }
            }

            foreach (string key in RequiredYamlKeys)
            {
                if (!values.TryGetValue(key, out var entry) || entry.Value.Length == 0)
                {
                    throw new HelpFormatException(At(block), $"-{name}: the yaml block needs a value for '{key}'");
                }
            }

            string Value(string key) => values.TryGetValue(key, out var entry) ? entry.Value : string.Empty;
            SourceLocation LineOf(string key) => At(values[key].Line);

            bool ReadBool(string key)
            {
                string value = Value(key);
                if (string.Equals(value, "True", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (string.Equals(value, "False", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                throw new HelpFormatException(LineOf(key), $"-{name}: '{key}' must be True or False, not '{value}'");
            }

            string position = Value("Position");
            if (!PositionPattern().IsMatch(position))
            {
                throw new HelpFormatException(LineOf("Position"), $"-{name}: 'Position' must be Named or a number, not '{position}'");
            }

            string pipelineInput = Value("Accept pipeline input");
            if (!PipelineInputPattern().IsMatch(pipelineInput))
            {
                throw new HelpFormatException(
                    LineOf("Accept pipeline input"),
                    $"-{name}: 'Accept pipeline input' must be False, True, or True (ByValue / ByPropertyName...), not '{pipelineInput}'");
            }

            string[] sets = SplitList(Value("Parameter Sets"));
            if (sets.Length == 0 || sets.Contains(ParameterMetadata.AllSetsMoniker) && sets.Length > 1)
            {
                throw new HelpFormatException(LineOf("Parameter Sets"), $"-{name}: 'Parameter Sets' is {ParameterMetadata.AllSetsMoniker} or a list of set names");
            }

            string defaultValue = Value("Default value");
            return new ParameterMetadata
            {
                Location = At(block),
                Type = Value("Type"),
                ParameterSets = sets,
                Aliases = SplitList(Value("Aliases")),
                AcceptedValues = SplitList(Value("Accepted values")),
                Required = ReadBool("Required"),
                Position = string.Equals(position, "Named", StringComparison.OrdinalIgnoreCase) ? "Named" : position,
                DefaultValue = defaultValue.Length == 0 || string.Equals(defaultValue, "None", StringComparison.OrdinalIgnoreCase) ? null : defaultValue,
                PipelineInput = pipelineInput,
                Globbing = ReadBool("Accept wildcard characters"),
            };
        }

        private static string[] SplitList(string value) =>
            value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();

        private IReadOnlyList<TypeHelp> ReadTypes((MarkdownBlock Heading, List<MarkdownBlock> Content) section)
        {
            var types = new List<TypeHelp>();
            foreach ((MarkdownBlock heading, List<MarkdownBlock> body) in SplitByHeading3(section))
            {
                if (heading.Text.Length == 0)
                {
                    throw new HelpFormatException(At(heading), $"an entry of '## {section.Heading.Text}' needs a type name");
                }

                types.Add(new TypeHelp(heading.Text, ToParagraphs(body), At(heading)));
            }

            return types;
        }

        private IReadOnlyList<RelatedLink> ReadLinks((MarkdownBlock Heading, List<MarkdownBlock> Content) section)
        {
            var links = new List<RelatedLink>();
            foreach (MarkdownBlock block in section.Content)
            {
                if (block.Kind is MarkdownBlockKind.Heading or MarkdownBlockKind.Code)
                {
                    throw new HelpFormatException(At(block), "'## RELATED LINKS' holds only markdown links, one a line: [text](uri)");
                }

                string[] lines = block.Text.Split('\n');
                for (int i = 0; i < lines.Length; i++)
                {
                    string line = lines[i].Trim();
                    if (line.Length == 0)
                    {
                        continue;
                    }

                    if (!InlineText.TryReadLink(line, 0, out string text, out string uri, out int end) || line[0] != '[' || end != line.Length)
                    {
                        throw new HelpFormatException(At(block.Line + i), $"expected a markdown link '[text](uri)', found '{line}'");
                    }

                    links.Add(new RelatedLink(InlineText.ToPlainText(text), uri, At(block.Line + i)));
                }
            }

            return links;
        }
    }
}
