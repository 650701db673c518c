using System.Text;
using System.Text.RegularExpressions;

namespace EmailSecurity.ManifestBuilder;

/// <summary>
/// Sets keys of a module manifest (.psd1) in its text, keeping everything else (comments, order, layout) as written.
/// </summary>
public static class ManifestText
{
    /// <summary>
    /// The source manifest with ModuleVersion, CmdletsToExport and AliasesToExport set from <paramref name="exports"/>,
    /// without the comment lines before its first line of code (notes to whoever edits the source).
    /// </summary>
    public static string WithExports(string manifest, ModuleExports exports)
    {
        manifest = Regex.Replace(manifest, @"\A(?:[ \t]*#[^\n]*\n)+", string.Empty);
        manifest = SetValue(manifest, "ModuleVersion", _ => Quote(exports.Version.ToString(3)));
        manifest = SetValue(manifest, "CmdletsToExport", indent => List(exports.Cmdlets, indent));
        return SetValue(manifest, "AliasesToExport", indent => List(exports.Aliases, indent));
    }

    /// <summary>
    /// Replaces the value of <c>key = 'text'</c> or <c>key = @(...)</c> (the forms a manifest's scalars and lists
    /// take); the key must be there exactly once.
    /// </summary>
    public static string SetValue(string manifest, string key, Func<string, string> value)
    {
        var pattern = new Regex(
            $@"^(?<indent>[ \t]*){Regex.Escape(key)}(?<equals>[ \t]*=[ " +
            $@"\t]*)(?:'(?:[^']|'')*'|@\((?:[^()']|'(?:[^']|'')*')*\))",
            RegexOptions.Multiline);
        var matches = pattern.Matches(manifest);
        if (matches.Count != 1)
        {
            throw new FormatException(
                $"expected one {key} = '...' or {key} = @(...) in the manifest, found {matches.Count}");
        }

        var match = matches[0];
        var indent = match.Groups["indent"].Value;
        return manifest[..match.Index] + indent + key + match.Groups["equals"].Value + value(indent) + manifest[
            (match.Index + match.Length)..];
    }

    private static string Quote(string text) => "'" + text.Replace("'", "''") + "'";

    /// <summary>@() when empty, otherwise one quoted item a line, indented one level below the key.</summary>
    private static string List(IReadOnlyList<string> items, string indent)
    {
        if (items.Count == 0)
        {
            return "@()";
        }

        var text = new StringBuilder("@(").Append('\n');
        foreach (var item in items)
        {
            text.Append(indent).Append("    ").Append(Quote(item)).Append('\n');
        }

        return text.Append(indent).Append(')').ToString();
    }
}
