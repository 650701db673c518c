using System.Text.RegularExpressions;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

/// <summary>EsShell as the README gives it to people with only the .NET SDK: the full engine with the module.</summary>
public sealed class EsShellTests
{
    [Fact]
    public void The_README_demo_runs_and_shows_messages_and_what_a_move_would_do()
    {
        var readme = File.ReadAllText(Path.Combine(Paths.RepoRoot, "README.md"));
        var demo = Regex.Match(readme, @"^dotnet run --project tools/EsShell -- (.+)$", RegexOptions.Multiline);
        Assert.True(demo.Success, "README.md gives no EsShell demo command");

        var (exitCode, output) = EsShellProcess.Run(Arguments(demo.Groups[1].Value.Trim()));

        Assert.True(exitCode == 0, output);
        Assert.Matches(@"(?m)^Scanned\s+Disposition\s", output);
        Assert.Contains("What if: Performing the operation", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shell_has_the_utility_and_management_cmdlets_of_pwsh()
    {
        using var folder = new TempFolder();
        var csv = folder.File("messages.csv");

        var (exitCode, output) = EsShellProcess.Run("-Sandbox", "-Command",
            $"Get-EsMessage -First 2 | Select-Object Id, Subject | Export-Csv -Path '{csv}'; " +
            $"Import-Csv -Path '{csv}' | Format-List; 'Year ' + (Get-Date -Date '2026-05-01').Year; Get-Item '{csv}' " +
            "| ForEach-Object Name");

        Assert.True(exitCode == 0, output);
        Assert.Equal(2, Regex.Matches(output, @"(?m)^Subject : \S").Count);
        Assert.Contains("Year 2026", output, StringComparison.Ordinal);
        Assert.Contains("messages.csv", output, StringComparison.Ordinal);
    }

    /// <summary>Splits a command line as a POSIX shell does for plain words and double-quoted ones.</summary>
    private static string[] Arguments(string commandLine) =>
        Regex.Matches(commandLine, "\"([^\"]*)\"|(\\S+)")
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToArray();
}
