using System.Text;

namespace EmailSecurity.HelpBuilder;

/// <summary>
/// Turns markdown paragraph text into the plain text of a MAML paragraph, the way platyPS does:
/// soft line breaks become spaces, a link becomes "text (uri)", backslash escapes are removed.
/// Code spans stay as written, backticks included, so Get-Help shows them as quoted code.
/// </summary>
public static class InlineText
{
    /// <summary>Converts the lines of one paragraph (joined with \n) to one line of plain text.</summary>
    public static string ToPlainText(string markdown)
    {
        var lines = markdown.Split('\n');
        var joined = new StringBuilder();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            bool hardBreak = i < lines.Length - 1 && (line.EndsWith("  ", StringComparison.Ordinal) || EndsWithUnescapedBackslash(line));
            string text = line.Trim();
            if (hardBreak && text.EndsWith('\\'))
            {
                text = text.Substring(0, text.Length - 1).TrimEnd();
            }

            joined.Append(text);
            if (i < lines.Length - 1)
            {
                // A hard break survives as a newline; Get-Help prints it as one.
                joined.Append(hardBreak ? '\n' : ' ');
            }
        }

        return ConvertSpans(joined.ToString());
    }

    private static bool EndsWithUnescapedBackslash(string line)
    {
        string trimmed = line.TrimEnd();
        int count = 0;
        for (int i = trimmed.Length - 1; i >= 0 && trimmed[i] == '\\'; i--)
        {
            count++;
        }

        return count % 2 == 1;
    }

    private static string ConvertSpans(string text)
    {
        var output = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '`')
            {
                int runLength = CountRun(text, i, '`');
                int close = FindClosingBackticks(text, i + runLength, runLength);
                if (close < 0)
                {
                    output.Append(text, i, runLength);
                    i += runLength;
                    continue;
                }

                output.Append(text, i, close + runLength - i);
                i = close + runLength;
                continue;
            }

            if (c == '\\' && i + 1 < text.Length && IsAsciiPunctuation(text[i + 1]))
            {
                output.Append(text[i + 1]);
                i += 2;
                continue;
            }

            if (c == '[' && TryReadLink(text, i, out string linkText, out string uri, out int end))
            {
                output.Append(ConvertSpans(linkText));
                if (IsWebUri(uri))
                {
                    output.Append(" (").Append(uri).Append(')');
                }

                i = end;
                continue;
            }

            if (c == '<' && TryReadAutolink(text, i, out string autolink, out int autolinkEnd))
            {
                output.Append(autolink);
                i = autolinkEnd;
                continue;
            }

            output.Append(c);
            i++;
        }

        return output.ToString();
    }

    private static int CountRun(string text, int start, char c)
    {
        int end = start;
        while (end < text.Length && text[end] == c)
        {
            end++;
        }

        return end - start;
    }

    private static int FindClosingBackticks(string text, int from, int runLength)
    {
        int i = from;
        while (i < text.Length)
        {
            if (text[i] == '`')
            {
                int run = CountRun(text, i, '`');
                if (run == runLength)
                {
                    return i;
                }

                i += run;
                continue;
            }

            i++;
        }

        return -1;
    }

    /// <summary>Reads "[text](uri)" at <paramref name="start"/>; brackets may nest inside the text.</summary>
    internal static bool TryReadLink(string text, int start, out string linkText, out string uri, out int end)
    {
        linkText = string.Empty;
        uri = string.Empty;
        end = start;

        int depth = 0;
        int i = start;
        for (; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if (text[i] == '[')
            {
                depth++;
            }
            else if (text[i] == ']')
            {
                depth--;
                if (depth == 0)
                {
                    break;
                }
            }
        }

        if (i >= text.Length || i + 1 >= text.Length || text[i + 1] != '(')
        {
            return false;
        }

        int close = text.IndexOf(')', i + 2);
        if (close < 0)
        {
            return false;
        }

        string target = text.Substring(i + 2, close - i - 2).Trim();
        if (target.Length > 0 && target[0] == '<' && target[^1] == '>')
        {
            target = target.Substring(1, target.Length - 2);
        }

        if (target.Any(char.IsWhiteSpace))
        {
            return false;
        }

        linkText = text.Substring(start + 1, i - start - 1);
        uri = target;
        end = close + 1;
        return true;
    }

    private static bool TryReadAutolink(string text, int start, out string uri, out int end)
    {
        uri = string.Empty;
        end = start;
        int close = text.IndexOf('>', start + 1);
        if (close < 0)
        {
            return false;
        }

        string candidate = text.Substring(start + 1, close - start - 1);
        if (candidate.Any(char.IsWhiteSpace) || !IsWebUri(candidate))
        {
            return false;
        }

        uri = candidate;
        end = close + 1;
        return true;
    }

    private static bool IsAsciiPunctuation(char c) => c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c));

    /// <summary>
    /// True for an absolute http, https or mailto URI. Relative links between the markdown pages
    /// ("Get-EsMessage.md") mean nothing to Get-Help, so only these are kept as addresses.
    /// </summary>
    public static bool IsWebUri(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed)
        && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeMailto);
}
