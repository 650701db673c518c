using System.Diagnostics;
using System.Globalization;

namespace EsBenchmark;

/// <summary>Import-Module: cold (a fresh child process each) and warm (a new runspace of this process).</summary>
internal sealed partial class Benchmark
{
    /// <summary>
    /// Fresh processes: the module's first import (and first call), each followed by the first import of a one-cmdlet
    /// binary module (this program's Write-BenchObject) as the baseline of what any binary module costs on first
    /// import.
    /// </summary>
    private (List<ColdImport> Module, List<ColdImport> Baseline) MeasureColdImports()
    {
        var module = new List<ColdImport>();
        var baseline = new List<ColdImport>();
        for (var i = 0; i < options.ColdImports; i++)
        {
            var run = ColdImport(options.ModulePath, firstCall: true);
            module.Add(run);
            var reference = ColdImport(typeof(WriteBenchObjectCommand).Assembly.Location, firstCall: false);
            baseline.Add(reference);
            Console.WriteLine($"  cold {i + 1}: process {Show.Millis(run.ProcessWall)}, runtime start " +
                              $"{Show.Millis(run.Startup)}, runspace open {Show.Millis(run.Open)}, Import-Module " +
                              $"{Show.Millis(run.Import)}, first Get-EsMessage -First 1 " +
                              $"{Show.Millis(run.FirstCall)}; baseline module: Import-Module " +
                              $"{Show.Millis(reference.Import)}");
        }

        return (module, baseline);
    }

    private ColdImport ColdImport(string modulePath, bool firstCall)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            start.ArgumentList.Add(typeof(Benchmark).Assembly.Location);
        start.ArgumentList.Add("--import-only");
        start.ArgumentList.Add("--module");
        start.ArgumentList.Add(modulePath);
        if (firstCall)
        {
            foreach (var arg in new[] { "--child-api", Emulator.ApiBaseUri.AbsoluteUri, "--child-account",
                streamAccount })
                start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var child = Process.Start(start)!;
        var stderr = child.StandardError.ReadToEndAsync();
        var stdout = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        clock.Stop();
        var line = stdout.Split('\n').FirstOrDefault(l => l.StartsWith("IMPORT_RESULT ", StringComparison.Ordinal));
        if (child.ExitCode != 0 || line == null)
            throw new InvalidOperationException(
                $"The cold-import child failed (exit {child.ExitCode}):\n{stdout}\n{stderr.Result}");

        var values = line["IMPORT_RESULT ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('='))
            .ToDictionary(p => p[0], p => TimeSpan.FromMilliseconds(double.Parse(p[1], CultureInfo.InvariantCulture)));
        return new ColdImport(clock.Elapsed, values["startup"], values["open"], values["import"], values["first"]);
    }

    private List<WarmImport> MeasureWarmImports()
    {
        var runs = new List<WarmImport>();
        for (var i = 0; i < options.WarmImports; i++)
        {
            using var session = ModuleSession.Open(options.ModulePath);
            runs.Add(new WarmImport(session.OpenTime, session.ImportTime));
        }

        Console.WriteLine(
            $"  warm x{runs.Count}: Import-Module median " +
            $"{Show.Millis(Show.Median(runs.Select(r => r.Import).ToList()))}, runspace open median " +
            $"{Show.Millis(Show.Median(runs.Select(r => r.Open).ToList()))}");
        return runs;
    }

    /// <summary>The child side of a cold import: one fresh process, one runspace, one import, one first call.</summary>
    public static int ImportOnly(BenchmarkOptions options)
    {
        var startup = DateTime.Now - Process.GetCurrentProcess().StartTime;
        using var session = ModuleSession.Open(options.ModulePath);
        var first = TimeSpan.Zero;
        if (options.ChildApi != null && options.ChildAccount != null)
        {
            session.Connect(options.ChildApi, options.ChildAccount);
            var clock = Stopwatch.StartNew();
            var output = new CountingOutput(clock);
            session.Run("Get-EsMessage -First 1", output);
            first = clock.Elapsed;
            if (output.Received != 1) throw new InvalidOperationException(
                $"Get-EsMessage -First 1 wrote {output.Received} objects.");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"IMPORT_RESULT startup={startup.TotalMilliseconds:0.0} open={session.OpenTime.TotalMilliseconds:0.0} " +
            $"import={session.ImportTime.TotalMilliseconds:0.0} first={first.TotalMilliseconds:0.0}"));
        return 0;
    }
}
