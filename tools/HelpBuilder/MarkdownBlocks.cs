using System.Text.RegularExpressions;

namespace EmailSecurity.HelpBuilder;

// Splits the body of a help page (everything after the front matter) into the block-level pieces
// the platyPS layout is made of: ATX headings, fenced code blocks, paragraphs and list items.
// The layout needs nothing more, and anything it cannot place is reported by the parser.

internal enum MarkdownBlockKind
{
    Heading,
    Code,
    Paragraph,
    ListItem,
}

internal sealed class MarkdownBlock
{
    public required MarkdownBlockKind Kind { get; init; }
    public required int Line { get; init; }

    /// <summary>Heading level (1-6) for headings, 0 otherwise.</summary>
    public int Level { get; init; }

    /// <summary>Heading text, code block contents (lines joined with \n), or the raw lines of a paragraph joined with \n.</summary>
    public required string Text { get; init; }

    /// <summary>The info string of a code block ("powershell", "yaml"...), empty when there is none.</summary>
    public string Info { get; init; } = string.Empty;

    /// <summary>For list items: the marker as written ("-", "*", "1.").</summary>
    public string Marker { get; init; } = string.Empty;

    public bool IsHeading(int level) => Kind == MarkdownBlockKind.Heading && Level == level;

    public override string ToString() => Kind switch
    {
        MarkdownBlockKind.Heading => new string('#', Level) + " " + Text,
        MarkdownBlockKind.Code => "```" + Info,
        _ => Text,
    };
}

internal static partial class MarkdownBlockReader
{
    [GeneratedRegex(@"^ {0,3}(?<hashes>#{1,6})(?:[ \t]+(?<text>.*?))?(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^(?<indent> {0,3})(?<fence>`{3,}|~{3,})[ \t]*(?<info>[^`]*?)[ \t]*$")]
    private static partial Regex FenceOpenPattern();

    [GeneratedRegex(@"^ {0,3}(?<marker>[-*+]|\d{1,9}[.)])[ \t]+(?<text>.*)$")]
    private static partial Regex ListItemPattern();

    /// <summary>Reads the blocks of <paramref name="lines"/>, numbering lines from <paramref name="firstLineNumber"/>.</summary>
    public static List<MarkdownBlock> Read(IReadOnlyList<string> lines, int firstLineNumber, string file)
    {
        var blocks = new List<MarkdownBlock>();
        int i = 0;
        while (i < lines.Count)
        {
            string line = lines[i];
            int lineNumber = firstLineNumber + i;

            if (string.IsNullOrWhiteSpace(line))
            {
                i++;
                continue;
            }

            Match fence = FenceOpenPattern().Match(line);
            if (fence.Success)
            {
                i = ReadCodeBlock(lines, i, firstLineNumber, file, fence, blocks);
                continue;
            }

            Match heading = HeadingPattern().Match(line);
            if (heading.Success)
            {
                blocks.Add(new MarkdownBlock
                {
                    Kind = MarkdownBlockKind.Heading,
                    Line = lineNumber,
                    Level = heading.Groups["hashes"].Length,
                    Text = heading.Groups["text"].Value.Trim(),
                });
                i++;
                continue;
            }

            Match listItem = ListItemPattern().Match(line);
            if (listItem.Success)
            {
                // A list item runs until a blank line, another block or the next item; indented
                // lines after it continue it.
                var itemLines = new List<string> { listItem.Groups["text"].Value };
                i++;
                while (i < lines.Count && !string.IsNullOrWhiteSpace(lines[i]) && !StartsBlock(lines[i])
                       && !ListItemPattern().IsMatch(lines[i]) && char.IsWhiteSpace(lines[i][0]))
                {
                    itemLines.Add(lines[i]);
                    i++;
                }

                blocks.Add(new MarkdownBlock
                {
                    Kind = MarkdownBlockKind.ListItem,
                    Line = lineNumber,
                    Text = string.Join("\n", itemLines),
                    Marker = listItem.Groups["marker"].Value,
                });
                continue;
            }

            var paragraphLines = new List<string> { line };
            i++;
            while (i < lines.Count && !string.IsNullOrWhiteSpace(lines[i]) && !StartsBlock(lines[i])
                   && !ListItemPattern().IsMatch(lines[i]))
            {
                paragraphLines.Add(lines[i]);
                i++;
            }

            blocks.Add(new MarkdownBlock
            {
                Kind = MarkdownBlockKind.Paragraph,
                Line = lineNumber,
                Text = string.Join("\n", paragraphLines),
            });
        }

        return blocks;
    }

    private static bool StartsBlock(string line) => FenceOpenPattern().IsMatch(line) || HeadingPattern().IsMatch(line);

    private static int ReadCodeBlock(IReadOnlyList<string> lines, int start, int firstLineNumber, string file, Match open, List<MarkdownBlock> blocks)
    {
        string fence = open.Groups["fence"].Value;
        int indent = open.Groups["indent"].Length;
        var content = new List<string>();
        for (int i = start + 1; i < lines.Count; i++)
        {
            string line = lines[i];
            string trimmed = line.TrimStart(' ');
            int leading = line.Length - trimmed.Length;
            if (leading <= 3 && trimmed.Length >= fence.Length && trimmed.TrimEnd().All(c => c == fence[0])
                && trimmed.TrimEnd().Length >= fence.Length)
            {
                blocks.Add(new MarkdownBlock
                {
                    Kind = MarkdownBlockKind.Code,
                    Line = firstLineNumber + start,
                    Text = string.Join("\n", content),
                    Info = open.Groups["info"].Value.Trim(),
                });
                return i + 1;
            }

            // Content lines lose as much leading space as the opening fence had (CommonMark rule).
            int remove = 0;
            while (remove < indent && remove < line.Length && line[remove] == ' ')
            {
                remove++;
            }

            content.Add(line.Substring(remove));
        }

        throw new HelpFormatException(new SourceLocation(file, firstLineNumber + start), $"code block opened with {fence} is never closed");
    }
}
