using System.Diagnostics;
using System.Text;
using System.Text.Json;
using EmailSecurity.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EmailSecurity.Tests.Shell;

/// <summary>
/// The shell-level suite (tests/Pester/*.Tests.ps1): Pester in the pwsh pinned in .config/dotnet-tools.json, as
/// part of the one test command. One pwsh runs every file, against the emulator the engine tests use; each file is
/// a case here, and a failure names every failed Pester test with its error.
/// </summary>
public sealed class PesterSuiteTests : IClassFixture<PesterSuiteRun>
{
    private readonly PesterSuiteRun run;
    private readonly ITestOutputHelper output;

    public PesterSuiteTests(PesterSuiteRun run, ITestOutputHelper output)
    {
        this.run = run;
        this.output = output;
    }

    public static TheoryData<string> Files() => new(PesterSuiteRun.TestFiles().Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_Pester_test_of_the_file_passes_in_the_pinned_pwsh(string file)
    {
        var rows = run.Rows.Where(r => r.File == file).ToList();

        Assert.True(rows.Count > 0, $"Pester reported nothing for {file}.\n{run.Log}");
        var failed = rows.Where(r => r.Result != "Passed").ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} of {rows.Count} Pester tests in {file} did not pass:\n"
            + string.Join("\n",
                failed.Select(r => $"- {r.Name} [{r.Result}]\n    {r.Error?.Replace("\n", "\n    ")}")));
    }

    [Fact]
    public void The_suite_runs_in_the_pinned_pwsh_and_reports_every_file()
    {
        Assert.True(run.ExitCode == 0 || run.Rows.Any(r => r.Result != "Passed"),
            $"pwsh exited with {run.ExitCode}:\n{run.Log}");
        Assert.Equal(PesterSuiteRun.TestFiles().Select(Path.GetFileName).Order(),
            run.Rows.Select(r => r.File).Distinct().Order());
        Assert.Contains("pwsh " + PesterSuiteRun.PinnedPwshVersion, run.Log, StringComparison.Ordinal);
        output.WriteLine($"{run.Rows.Count} Pester tests; pwsh ran {run.Elapsed.TotalSeconds:0.0} s");
    }
}

/// <summary>One run of tests/Pester/Invoke-ShellSuite.ps1 in `dotnet pwsh`, shared by the cases above.</summary>
public sealed class PesterSuiteRun
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    public PesterSuiteRun()
    {
        var emulator = new EmulatorFixture();
        using var results = new TempFolder();
        var resultPath = results.File("pester.json");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Paths.RepoRoot, // where `dotnet pwsh` finds the tool manifest
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in new[]
                 {
                     "pwsh", "-NoProfile", "-NonInteractive", "-Command",
                     "'pwsh ' + $PSVersionTable.PSVersion; & ./tests/Pester/Invoke-ShellSuite.ps1 -ResultPath " +
                     "$env:ES_PESTER_RESULTS -PesterManifest $env:ES_PESTER_MANIFEST",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ES_TEST_EMULATOR"] = new Uri(emulator.ApiBaseUri, "/").ToString();
        start.Environment["ES_PESTER_RESULTS"] = resultPath;
        start.Environment["ES_PESTER_MANIFEST"] = Paths.PesterManifest;
        start.Environment["NO_COLOR"] = "1";

        var log = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        var watch = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"The Pester suite did not finish within {Timeout.TotalMinutes} minutes:\n{log}");
        }

        process.WaitForExit(); // drains the output readers
        ExitCode = process.ExitCode;
        Elapsed = watch.Elapsed;
        Append(log, $"(pwsh ran {Elapsed.TotalSeconds:0.0} s, exit code {ExitCode})");
        Log = log.ToString();
        Rows = File.Exists(resultPath)
            ? JsonSerializer.Deserialize<List<PesterRow>>(File.ReadAllText(resultPath)) ?? []
            : throw new InvalidOperationException($"The Pester suite wrote no results:\n{Log}");
    }

    /// <summary>The version in .config/dotnet-tools.json.</summary>
    public static string PinnedPwshVersion =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Paths.RepoRoot, ".config", "dotnet-tools.json")))
            .RootElement.GetProperty("tools").GetProperty("powershell").GetProperty("version").GetString()!;

    public int ExitCode { get; }

    public TimeSpan Elapsed { get; }

    public string Log { get; }

    public IReadOnlyList<PesterRow> Rows { get; }

    public static IEnumerable<string> TestFiles() =>
        Directory.GetFiles(Path.Combine(Paths.RepoRoot, "tests", "Pester"), "*.Tests.ps1")
            .Order(StringComparer.Ordinal);

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }
}

/// <summary>One row of Invoke-ShellSuite.ps1's result file.</summary>
public sealed record PesterRow(string File, string Name, string Result, double Seconds, string? Error);
