using System.Diagnostics;
using EmailSecurity.HelpBuilder;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

/// <summary>
/// The help sources (docs/*.md prose, docs/parameters.md) against what the built module declares: each way they can
/// drift apart fails the build with an error naming the file and line. Runs HelpBuilder's reader and composer on a
/// copy of docs/ with one thing broken.
/// </summary>
public sealed class HelpSourceTests
{
    private const string MamlFile = "EmailSecurity.dll-Help.xml";

    private static readonly Lazy<IReadOnlyList<DeclaredCmdlet>> Cmdlets =
        new(() => ModuleReader.Read(Path.Combine(Paths.ModuleDir, "EmailSecurity.psd1")));

    private static string DocsDir => Path.Combine(Paths.RepoRoot, "docs");

    [Fact]
    public void The_docs_give_every_exported_cmdlet_its_help()
    {
        var (commands, errors) = HelpSources.Build(Cmdlets.Value, DocsDir, MamlFile);

        Assert.Empty(errors);
        Assert.Equal(Cmdlets.Value.Select(c => c.Name).Order(), commands.Select(c => c.Name).Order());
    }

    [Fact]
    public void A_page_for_a_cmdlet_the_module_does_not_export_fails_at_its_title()
    {
        using var docs = CopyOfDocs();
        string page = docs.File("Get-EsNoSuchThing.md");
        File.WriteAllText(page,
            File.ReadAllText(docs.File("Get-EsConnection.md")).Replace("# Get-EsConnection", "# Get-EsNoSuchThing"));

        var error = Assert.Single(Errors(docs));

        Assert.Equal(new SourceLocation(page, LineOf(page, "# Get-EsNoSuchThing")), error.Location);
        Assert.Contains("exports no cmdlet Get-EsNoSuchThing", error.Message);
    }

    [Fact]
    public void A_cmdlet_without_a_page_fails_naming_the_page_to_create()
    {
        using var docs = CopyOfDocs();
        File.Delete(docs.File("Get-EsConnection.md"));

        var error = Assert.Single(Errors(docs));

        Assert.Equal(new SourceLocation(Path.Combine(docs.Path, "Get-EsConnection.md"), 1), error.Location);
        Assert.Contains("has no help page", error.Message);
    }

    [Fact]
    public void A_parameter_documented_nowhere_fails_at_the_PARAMETERS_heading_of_its_page()
    {
        using var docs = CopyOfDocs();
        string page = docs.File("Set-EsTrustedDomain.md");
        RemoveEntry(page, "### -IsRecent");

        var error = Assert.Single(Errors(docs));

        Assert.Equal(new SourceLocation(page, LineOf(page, "## PARAMETERS")), error.Location);
        Assert.Contains("-IsRecent of Set-EsTrustedDomain is documented neither on this page nor in", error.Message);
    }

    [Fact]
    public void A_shared_parameter_text_removed_fails_on_every_page_that_showed_it()
    {
        using var docs = CopyOfDocs();
        RemoveEntry(docs.File("parameters.md"), "### -ThrottleLimit");

        var errors = Errors(docs);

        Assert.Equal(
            ["Get-EsMessageDetection.md", "Get-EsMessagePreview.md", "Get-EsMessageRaw.md", "Get-EsMessageTrace.md"],
            errors.Select(e => Path.GetFileName(e.Location.File)).Order());
        Assert.All(errors, e => Assert.Contains("-ThrottleLimit", e.Message));
    }

    [Fact]
    public void Text_for_a_parameter_the_cmdlet_lacks_fails_at_its_heading()
    {
        using var docs = CopyOfDocs();
        string page = docs.File("Set-EsTrustedDomain.md");
        InsertBefore(page, "### -IsRecent", "### -Colour\nThe colour of the pattern.\n\n");

        var error = Assert.Single(Errors(docs));

        Assert.Equal(new SourceLocation(page, LineOf(page, "### -Colour")), error.Location);
        Assert.Contains("Set-EsTrustedDomain has no parameter -Colour", error.Message);
    }

    [Fact]
    public void A_page_that_repeats_the_shared_text_fails_and_so_does_shared_text_no_cmdlet_shows()
    {
        using var docs = CopyOfDocs();
        File.AppendAllText(docs.File("parameters.md"), "\n### -Colour\nNo cmdlet has this parameter.\n");
        string shared = SharedEntry("Direction");
        InsertBefore(docs.File("Get-EsTrustedDomain.md"), "### -IsRecent", shared + "\n\n");

        var errors = Errors(docs);

        Assert.Contains(errors, e => e.Location == new SourceLocation(docs.File("parameters.md"),
            LineOf(docs.File("parameters.md"), "### -Colour"))
                                     && e.Message.Contains("no cmdlet shows the shared text of -Colour"));
        Assert.Contains(errors, e => e.Location.File == docs.File("Get-EsTrustedDomain.md")
                                     && e.Message.Contains("-Direction repeats the shared text"));
        Assert.Equal(2, errors.Count);
    }

    [Theory]
    [InlineData("## SYNTAX\n\n```\nSet-EsTrustedDomain [-Id] <String>\n```\n\n", "## DESCRIPTION",
        "'## SYNTAX' is written by the build")]
    [InlineData("```yaml\nType: Boolean\nRequired: False\n```\n\n", "### -IsSimilarity",
        "'Type' comes from the compiled cmdlet")]
    [InlineData("### CommonParameters\nThis cmdlet supports the common parameters.\n\n", "## OUTPUTS",
        "'### CommonParameters' is written by the build")]
    public void A_page_in_the_old_layout_fails_with_what_to_delete(string oldText, string before, string expected)
    {
        using var docs = CopyOfDocs();
        string page = docs.File("Set-EsTrustedDomain.md");
        InsertBefore(page, before, oldText);

        var error = Assert.Single(Errors(docs));

        Assert.Equal(page, error.Location.File);
        Assert.Equal(LineOf(page, oldText.Split('\n')[oldText.StartsWith("```", StringComparison.Ordinal) ? 1 : 0]),
            error.Location.Line);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_default_the_code_sets_cannot_be_written_again_in_prose()
    {
        using var docs = CopyOfDocs();
        string page = docs.File("Get-EsTrustedDomain.md");
        InsertBefore(page, "## OUTPUTS", "### -PageSize\nHow many at a time.\n\n```yaml\nDefault value: 500\n```\n\n");

        var error = Assert.Single(Errors(docs));

        Assert.Equal(new SourceLocation(page, LineOf(page, "### -PageSize")), error.Location);
        Assert.Contains("the code's default is 1000", error.Message);
    }

    [Fact]
    public void INPUTS_and_OUTPUTS_name_only_types_the_cmdlet_takes_and_declares()
    {
        using var docs = CopyOfDocs();
        string page = docs.File("Move-EsMessage.md");
        InsertBefore(page, "## OUTPUTS", "### System.IO.FileInfo\nA file.\n\n");
        InsertBefore(page, "## NOTES", "### EmailSecurity.Models.TrustedDomain\nA pattern.\n\n");

        var errors = Errors(docs);

        Assert.Contains(errors, e => e.Location == new SourceLocation(page, LineOf(page, "### System.IO.FileInfo"))
                                     && e.Message.Contains("binds to no parameter of Move-EsMessage"));
        Assert.Contains(errors,
            e => e.Location == new SourceLocation(page, LineOf(page, "### EmailSecurity.Models.TrustedDomain"))
                                     && e.Message.Contains(
                                         "declares no [OutputType] EmailSecurity.Models.TrustedDomain"));
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Pipeline_input_the_page_does_not_describe_is_listed_from_the_cmdlet()
    {
        var (commands, _) = HelpSources.Build(Cmdlets.Value, DocsDir, MamlFile);

        var inputs = commands.Single(c => c.Name == "Remove-EsTrustedDomain").Inputs;

        Assert.Equal(["System.String[]", "EmailSecurity.Models.TrustedDomain"], inputs.Select(i => i.TypeName));
        Assert.Equal("Objects from `Get-EsTrustedDomain`, bound to `-Id` by property name.",
            inputs[1].Description.Single().Markdown);
        Assert.Equal("None", commands.Single(c => c.Name == "Get-EsConnection").Inputs.Single().TypeName);
    }

    [Fact]
    public void The_builder_fails_the_build_with_errors_MSBuild_reads_and_writes_nothing()
    {
        using var docs = CopyOfDocs();
        using var output = new TempFolder();
        string page = docs.File("Set-EsTrustedDomain.md");
        InsertBefore(page, "### -IsRecent", "### -Colour\nThe colour of the pattern.\n\n");

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[]
                 {
                     Paths.HelpBuilderDll, "--module", Path.Combine(Paths.ModuleDir, "EmailSecurity.psd1"), "--docs",
                     docs.Path,
                     "--maml", output.File(MamlFile), "--markdown", output.File("pages"),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string errors = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(1, process.ExitCode);
        Assert.Contains($"{page}({LineOf(page, "### -Colour")}): error: Set-EsTrustedDomain has no parameter -Colour",
            errors);
        Assert.False(File.Exists(output.File(MamlFile)));
    }

    private static IReadOnlyList<HelpError> Errors(TempFolder docs) =>
        HelpSources.Build(Cmdlets.Value, docs.Path, MamlFile).Errors;

    private static TempFolder CopyOfDocs()
    {
        var copy = new TempFolder();
        foreach (string file in Directory.GetFiles(DocsDir, "*.md"))
        {
            File.Copy(file, copy.File(Path.GetFileName(file)));
        }

        return copy;
    }

    private static int LineOf(string file, string line) =>
        Array.FindIndex(File.ReadAllLines(file), l => l == line) + 1 is var number and > 0
            ? number
            : throw new InvalidOperationException($"{file} has no line '{line}'");

    private static void InsertBefore(string file, string line, string text)
    {
        string content = File.ReadAllText(file);
        int at = content.IndexOf("\n" + line + "\n", StringComparison.Ordinal);
        Assert.True(at >= 0, $"{file} has no line '{line}'");
        File.WriteAllText(file, content.Insert(at + 1, text));
    }

    /// <summary>Removes a "### ..." entry up to the next heading.</summary>
    private static void RemoveEntry(string file, string heading)
    {
        string content = File.ReadAllText(file);
        int start = content.IndexOf("\n" + heading + "\n", StringComparison.Ordinal) + 1;
        Assert.True(start > 0, $"{file} has no '{heading}'");
        int end = content.IndexOf("\n#", start + heading.Length, StringComparison.Ordinal);
        File.WriteAllText(file, content.Remove(start, (end < 0 ? content.Length : end + 1) - start));
    }

    /// <summary>The text of a shared entry as written in docs/parameters.md, heading included.</summary>
    private static string SharedEntry(string name)
    {
        string content = File.ReadAllText(Path.Combine(DocsDir, "parameters.md"));
        int start = content.IndexOf($"\n### -{name}\n", StringComparison.Ordinal) + 1;
        int end = content.IndexOf("\n#", start + 5, StringComparison.Ordinal);
        return content.Substring(start, (end < 0 ? content.Length : end) - start).TrimEnd();
    }
}
