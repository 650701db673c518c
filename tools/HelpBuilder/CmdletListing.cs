using System.Management.Automation;
using System.Reflection;
using System.Text;

namespace EmailSecurity.HelpBuilder;

/// <summary>
/// The list of the module's cmdlets a reader meets first, written from the cmdlets and their help synopses: the about
/// topic's section THE CMDLETS (the build writes it into the built topic) and README's table (refreshed on request,
/// and checked by a test). By area (the cmdlet's namespace), then noun, then Get, New, Set, Remove and the other verbs.
/// </summary>
public static class CmdletListing
{
    /// <summary>The line of an about topic's source where the build writes the list.</summary>
    public const string AboutMarker = "    [The build lists every cmdlet here, by area, with its synopsis.]";

    /// <summary>The lines of README.md between which the table is written.</summary>
    public const string ReadmeStart = "<!-- The cmdlet table is written from the cmdlets and their help synopses: " +
        "dotnet build src/EmailSecurity -t:UpdateReadme -->";

    public const string ReadmeEnd = "<!-- End of the cmdlet table. -->";

    private const int AboutWidth = 80;

    private static readonly string[] VerbOrder =
        [VerbsCommon.Get, VerbsCommon.New, VerbsCommon.Set, VerbsCommon.Remove];

    /// <summary>The about topic's section: each area, then each cmdlet with its synopsis wrapped below it.</summary>
    public static string AboutSection(IReadOnlyList<CommandHelp> commands)
    {
        var text = new StringBuilder();
        foreach (var area in Areas(commands))
        {
            text.Append("    ").Append(area.Key).Append(":\n");
            foreach (var command in area)
            {
                text.Append("        ").Append(Title(command, quote: false)).Append('\n');
                foreach (var line in Wrap(Synopsis(command, markdown: false), AboutWidth - 12))
                {
                    text.Append("            ").Append(line).Append('\n');
                }
            }
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// The about topic with its marker line replaced by the section; the topic as it is when it has none.
    /// </summary>
    public static string WithAboutSection(string topic, IReadOnlyList<CommandHelp> commands) =>
        topic.Replace("\r\n", "\n").Replace(AboutMarker, AboutSection(commands));

    /// <summary>README's table: one row per cmdlet, with its aliases and its synopsis.</summary>
    public static string ReadmeTable(IReadOnlyList<CommandHelp> commands)
    {
        var text = new StringBuilder("| cmdlet | what it does |\n|---|---|\n");
        foreach (var command in Areas(commands).SelectMany(area => area))
        {
            text.Append("| ").Append(Title(command, quote: true)).Append(" | ")
                .Append(Synopsis(command, markdown: true)).Append(" |\n");
        }

        return text.ToString();
    }

    /// <summary>The table as README.md holds it between its markers, or null when it has no markers.</summary>
    public static string? ReadmeBlock(string readme)
    {
        readme = readme.Replace("\r\n", "\n");
        int start = readme.IndexOf(ReadmeStart + "\n", StringComparison.Ordinal);
        int end = readme.IndexOf(ReadmeEnd, StringComparison.Ordinal);
        return start < 0 || end < start
            ? null
            : readme.Substring(start + ReadmeStart.Length + 1, end - start - ReadmeStart.Length - 1);
    }

    /// <summary>README.md with the table between its markers replaced.</summary>
    public static string WithReadmeTable(string readme, IReadOnlyList<CommandHelp> commands)
    {
        string? old = ReadmeBlock(readme)
            ?? throw new FormatException($"README has no lines '{ReadmeStart}' and '{ReadmeEnd}'.");
        string normalized = readme.Replace("\r\n", "\n");
        return normalized.Replace(ReadmeStart + "\n" + old + ReadmeEnd,
            ReadmeStart + "\n" + ReadmeTable(commands) + ReadmeEnd);
    }

    private static IEnumerable<IGrouping<string, CommandHelp>> Areas(IReadOnlyList<CommandHelp> commands) => commands
        .OrderBy(c => c.Noun, StringComparer.Ordinal)
        .ThenBy(c => Array.IndexOf(VerbOrder, c.Verb) is var rank and >= 0 ? rank : VerbOrder.Length)
        .ThenBy(c => c.Verb, StringComparer.Ordinal)
        .GroupBy(c => c.Cmdlet.ImplementingType.Namespace?.Split('.')[^1] ?? string.Empty)
        .OrderBy(area => area.Key, StringComparer.Ordinal);

    private static string Title(CommandHelp command, bool quote)
    {
        string Name(string name) => quote ? $"`{name}`" : name;
        var aliases = command.Cmdlet.ImplementingType.GetCustomAttributes<AliasAttribute>()
            .SelectMany(a => a.AliasNames).ToList();
        return aliases.Count == 0
            ? Name(command.Name)
            : $"{Name(command.Name)} (alias {string.Join(", ", aliases.Select(Name))})";
    }

    private static string Synopsis(CommandHelp command, bool markdown) =>
        string.Join(" ", command.Page.Synopsis.Select(
            block => markdown ? block.Markdown.Trim().Replace("\n", " ") : string.Join(" ", block.Paragraphs)));

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
