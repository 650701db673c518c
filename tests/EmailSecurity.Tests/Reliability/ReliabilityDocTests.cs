using System.Reflection;
using System.Text.RegularExpressions;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Reliability;

/// <summary>docs/reliability.md names the test that proves each row: every test it names exists.</summary>
public sealed partial class ReliabilityDocTests
{
    [Fact]
    public void Every_test_the_reliability_page_names_exists()
    {
        var page = File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs", "reliability.md"));
        var classes = typeof(ReliabilityDocTests).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Tests", StringComparison.Ordinal)).ToList();
        var methods = classes.SelectMany(t => t.GetMethods(
            BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)).Select(m => m.Name).ToHashSet();

        var named = TestReference().Matches(page)
            .Select(m => (Class: m.Groups["class"].Value, Method: m.Groups["method"].Value)).ToList();

        Assert.NotEmpty(named);
        var missing = named.Where(n =>
            (n.Class.Length > 0
                && !classes.Any(c => c.Name == n.Class && (n.Method.Length == 0 || c.GetMethod(n.Method) is not null)))
            || (n.Class.Length == 0 && !methods.Contains(n.Method))).ToList();
        Assert.True(missing.Count == 0, "docs/reliability.md names tests that do not exist: " +
            string.Join(", ", missing.Select(n => $"{n.Class}.{n.Method}")));
    }

    [Fact]
    public void Every_fault_row_of_the_changes_table_is_a_row_of_the_change_fault_matrix()
    {
        var page = File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs", "reliability.md"));
        var start = page.IndexOf("\n## Changes", StringComparison.Ordinal);
        var end = page.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var changes = page[start..(end < 0 ? page.Length : end)];
        var matrix = File.ReadAllText(
            Path.Combine(Paths.RepoRoot, "tests", "EmailSecurity.Tests", "Reliability", "ChangeFaultMatrixTests.cs"));

        // The last cell of a table row: its quoted names are the matrix's fault names.
        var rows = changes.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal))
            .Select(l => l.TrimEnd().TrimEnd('|').Split('|')[^1]);
        var names =
            rows.SelectMany(cell => Regex.Matches(cell, "\"([^\"]+)\"").Select(m => m.Groups[1].Value)).ToList();

        Assert.True(names.Count >= 10, $"{names.Count} fault rows named");
        Assert.All(names, name => Assert.Matches($"\\[\"{Regex.Escape(name)}\"\\] =\\s", matrix));
    }

    /// <summary>
    /// `SomethingTests`, `SomethingTests.Method_name` or a bare `Method_name_with_underscores` (not one cut short with
    /// ...).
    /// </summary>
    [GeneratedRegex(
        @"`(?:(?<class>[A-Z][A-Za-z]*Tests)(?:\.(?<method>[A-Za-z0-9_]+))?|(?<method>[A-Z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9]))`")]
    private static partial Regex TestReference();
}
