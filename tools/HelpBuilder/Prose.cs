using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EmailSecurity.HelpBuilder;

/// <summary>
/// One block of prose as an author wrote it: its markdown (for the generated platyPS pages) and the paragraphs of
/// plain text Get-Help shows (one MAML &lt;maml:para&gt; each; a list gives one per item).
/// </summary>
public sealed record ProseBlock(string Markdown, IReadOnlyList<string> Paragraphs);

/// <summary>Turns Markdig's blocks and inlines into the plain text of MAML paragraphs, the way platyPS does.</summary>
public static class PlainText
{
    /// <summary>
    /// A soft line break becomes a space and a hard one a newline; a link becomes its text, followed by
    /// " (uri)" when the uri is an absolute web address; code spans keep their backticks, so Get-Help shows them
    /// as quoted code; emphasis markers are dropped.
    /// </summary>
    public static string FromInlines(ContainerInline? inlines)
    {
        var text = new StringBuilder();
        Append(text, inlines);
        return text.ToString().Trim();
    }

    /// <summary>The text of a link without its address.</summary>
    public static string LinkText(LinkInline link)
    {
        var text = new StringBuilder();
        AppendChildren(text, link);
        return text.ToString().Trim();
    }

    private static void Append(StringBuilder text, Inline? inline)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                return;
            case CodeInline code:
                string ticks = new(code.Delimiter, Math.Max(1, code.DelimiterCount));
                text.Append(ticks).Append(code.Content).Append(ticks);
                return;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                return;
            case LineBreakInline lineBreak:
                text.Append(lineBreak.IsHard ? '\n' : ' ');
                return;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                return;
            case HtmlInline html:
                text.Append(html.Tag);
                return;
            case LinkInline link:
                int start = text.Length;
                AppendChildren(text, link);
                string url = link.Url ?? string.Empty;
                if (IsWebUri(url) && text.ToString(start, text.Length - start) != url)
                {
                    text.Append(" (").Append(url).Append(')');
                }

                return;
            case ContainerInline container:
                AppendChildren(text, container);
                return;
        }
    }

    private static void AppendChildren(StringBuilder text, ContainerInline container)
    {
        foreach (Inline child in container)
        {
            Append(text, child);
        }
    }

    /// <summary>
    /// True for an absolute http, https or mailto address. Relative links between the markdown pages
    /// ("Get-EsMessage.md") mean nothing to Get-Help, so only these are kept as addresses.
    /// </summary>
    public static bool IsWebUri(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed)
        && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps
            || parsed.Scheme == Uri.UriSchemeMailto);

    /// <summary>
    /// The prose of a paragraph, list or code block; null for any other block (a heading, a quote, a table...),
    /// which help text cannot hold.
    /// </summary>
    public static ProseBlock? FromBlock(Block block, string source)
    {
        string markdown = Source(block, source);
        switch (block)
        {
            case ParagraphBlock paragraph:
                return new ProseBlock(markdown, [FromInlines(paragraph.Inline)]);
            case CodeBlock code:
                return new ProseBlock(markdown, [CodeText(code)]);
            case ListBlock list:
                var items = new List<string>();
                foreach (ListItemBlock item in list.OfType<ListItemBlock>())
                {
                    string marker = list.IsOrdered ? $"{item.Order}{list.OrderedDelimiter}" : "-";
                    string itemText =
                        string.Join(" ", item.OfType<ParagraphBlock>().Select(p => FromInlines(p.Inline)));
                    items.Add(marker + " " + itemText);
                }

                return new ProseBlock(markdown, items);
            default:
                return null;
        }
    }

    /// <summary>The lines of a code block, joined by \n, without the fences.</summary>
    public static string CodeText(CodeBlock code) =>
        string.Join("\n", code.Lines.Lines.Take(code.Lines.Count).Select(line => line.Slice.ToString()));

    /// <summary>The markdown of a block exactly as written.</summary>
    public static string Source(Block block, string source) =>
        block.Span.IsEmpty ? string.Empty : source.Substring(block.Span.Start, block.Span.Length).TrimEnd();
}
