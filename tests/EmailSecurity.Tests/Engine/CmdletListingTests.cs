using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

/// <summary>
/// What a person reads first names every noun the module has: README's "## Cmdlets" table and the about_EmailSecurity
/// topic (its list of cmdlets, or for the connection cmdlets, its section on connecting). A cmdlet added without them
/// fails here instead of passing unseen.
/// </summary>
public sealed class CmdletListingTests
{
    private static readonly Regex ReadmeCmdlets = new(@"^## Cmdlets$(?<body>.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline);

    public static TheoryData<string> Nouns() => new(typeof(EsConnection).Assembly.GetTypes()
        .Select(t => t.GetCustomAttribute<CmdletAttribute>()?.NounName)
        .OfType<string>()
        .Distinct()
        .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Nouns))]
    public void Readme_and_the_about_topic_name_every_noun(string noun)
    {
        var readme = Section(ReadmeCmdlets, Path.Combine(Paths.RepoRoot, "README.md"));
        var about = File.ReadAllText(Path.Combine(Paths.ModuleDir, "en-US", "about_EmailSecurity.help.txt"));

        Assert.Matches($@"\b{noun}\b", readme);
        Assert.Matches($@"\b{noun}\b", about);
    }

    private static string Section(Regex section, string file)
    {
        var match = section.Match(File.ReadAllText(file).Replace("\r\n", "\n"));
        Assert.True(match.Success, $"{file} has no section {section}");
        return match.Groups["body"].Value;
    }
}
