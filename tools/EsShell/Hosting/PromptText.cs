using System.Collections.ObjectModel;
using System.Management.Automation.Host;
using System.Text;

namespace EsShell.Hosting;

/// <summary>
/// How choice prompts look and how a typed answer maps to a choice, shared by the console and the scripted responder.
/// </summary>
public static class PromptText
{
    /// <summary>The hot key of "&amp;Yes to All" is "Y"; a label without '&amp;' uses its first character.</summary>
    public static string HotKey(ChoiceDescription choice)
    {
        var label = choice.Label ?? string.Empty;
        var amp = label.IndexOf('&');
        if (amp >= 0 && amp + 1 < label.Length) return label[amp + 1].ToString().ToUpperInvariant();
        return label.Length > 0 ? label[0].ToString().ToUpperInvariant() : string.Empty;
    }

    public static string Label(ChoiceDescription choice) => (choice.Label ?? string.Empty).Replace("&", string.Empty);

    /// <summary>For example: <c>[Y] Yes  [N] No  [?] Help (default is "Y"): </c></summary>
    public static string ChoiceLine(Collection<ChoiceDescription> choices, int defaultChoice)
    {
        var line = new StringBuilder();
        foreach (var choice in choices)
            line.Append('[').Append(HotKey(choice)).Append("] ").Append(Label(choice)).Append("  ");
        line.Append("[?] Help");
        if (defaultChoice >= 0 && defaultChoice < choices.Count)
            line.Append(" (default is \"").Append(HotKey(choices[defaultChoice])).Append("\")");
        return line.Append(": ").ToString();
    }

    /// <summary>
    /// Index of the choice whose hot key or label is <paramref name="answer"/> (case-insensitive), or -1.
    /// </summary>
    public static int MatchChoice(Collection<ChoiceDescription> choices, string answer)
    {
        var text = answer.Trim();
        for (var i = 0; i < choices.Count; i++)
        {
            if (string.Equals(HotKey(choices[i]), text, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(Label(choices[i]), text, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return -1;
    }

    /// <summary>One line describing a prompt, for error messages.</summary>
    public static string Describe(string kind, string? caption, string? message, string? details = null)
    {
        var parts =
            new[] { caption, message, details }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim());
        return $"{kind}: {string.Join(" | ", parts)}";
    }
}
