using System.Management.Automation;
using System.Reflection;
using EmailSecurity.HelpBuilder;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

/// <summary>
/// What a person reads first lists every cmdlet the module has, written from the cmdlets and their help synopses
/// (HelpBuilder's CmdletListing): README's table, kept in the file and checked here, and the about_EmailSecurity
/// topic's THE CMDLETS, written by the build.
/// </summary>
public sealed class CmdletListingTests
{
    private static readonly Lazy<IReadOnlyList<CommandHelp>> Commands = new(() =>
    {
        var (commands, errors) = HelpSources.Build(
            ModuleReader.Read(Path.Combine(Paths.ModuleDir, "EmailSecurity.psd1")),
            Path.Combine(Paths.RepoRoot, "docs"), "EmailSecurity.dll-Help.xml");
        Assert.Empty(errors);
        return commands;
    });

    public static TheoryData<string> Cmdlets() => new(typeof(EsConnection).Assembly.GetTypes()
        .Select(t => t.GetCustomAttribute<CmdletAttribute>())
        .OfType<CmdletAttribute>()
        .Select(a => $"{a.VerbName}-{a.NounName}")
        .Order(StringComparer.Ordinal));

    [Fact]
    public void Readme_holds_the_cmdlet_table_the_cmdlets_and_their_synopses_give()
    {
        var block = CmdletListing.ReadmeBlock(File.ReadAllText(Path.Combine(Paths.RepoRoot, "README.md")));

        Assert.True(block is not null,
            $"README.md has lost the lines around its cmdlet table: {CmdletListing.ReadmeStart}");
        Assert.True(
            CmdletListing.ReadmeTable(Commands.Value) == block,
            "README.md's cmdlet table is not what the cmdlets and their help synopses give; rewrite it with: dotnet " +
            "build src/EmailSecurity -t:UpdateReadme");
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Readme_and_the_built_about_topic_name_every_cmdlet_with_its_synopsis(string cmdlet)
    {
        var readme = CmdletListing.ReadmeBlock(File.ReadAllText(Path.Combine(Paths.RepoRoot, "README.md")));
        var about = File.ReadAllText(Path.Combine(Paths.ModuleDir, "en-US", "about_EmailSecurity.help.txt"));
        var synopsis =
            string.Join(" ", Commands.Value.Single(c => c.Name == cmdlet).Page.Synopsis.SelectMany(b => b.Paragraphs));

        Assert.Contains($"| `{cmdlet}`", readme);
        Assert.Contains($"\n        {cmdlet}", about);
        Assert.Contains(Squeeze(synopsis), Squeeze(about));
    }

    [Fact]
    public void The_about_topic_source_leaves_the_list_to_the_build_and_the_built_topic_has_it()
    {
        var source = File.ReadAllText(Path.Combine(Paths.RepoRoot, "en-US", "about_EmailSecurity.help.txt"));
        var built = File.ReadAllText(Path.Combine(Paths.ModuleDir, "en-US", "about_EmailSecurity.help.txt"));

        Assert.Contains(CmdletListing.AboutMarker, source);
        Assert.DoesNotContain(CmdletListing.AboutMarker, built);
        Assert.Equal(CmdletListing.WithAboutSection(source, Commands.Value), built);
        Assert.All(CmdletListing.AboutSection(Commands.Value).Split('\n'),
            line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
    }

    private static string Squeeze(string text) =>
        string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
