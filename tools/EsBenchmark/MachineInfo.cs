using System.Diagnostics;
using System.Management.Automation;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;

namespace EsBenchmark;

/// <summary>
/// Facts about the machine and the run, printed above the results so a number is never read without them.
/// </summary>
internal static class MachineInfo
{
    public static IEnumerable<string> Describe(string[] args)
    {
        yield return $"Date (UTC)        {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}";
        yield return $"Command line      {Environment.CommandLine}";
        yield return "To repeat         dotnet run -c Release --project tools/EsBenchmark " +
            $"--{(args.Length > 0 ? " " + string.Join(' ', args) : string.Empty)}";
        yield return $"CPU               {CpuModel()}, {Environment.ProcessorCount} logical cores";
        yield return "Memory            " +
            $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0.0} GiB available to .NET";
        yield return $"OS                {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})";
        yield return $".NET              {RuntimeInformation.FrameworkDescription}, " +
            $"{(GCSettings.IsServerGC ? "server" : "workstation")} " +
            $"GC{(GCSettings.LatencyMode == GCLatencyMode.Batch ? "" : ", concurrent")}, benchmark built " +
            $"{BenchmarkOptions.BuildConfiguration}";
        yield return "PowerShell engine System.Management.Automation " +
            $"{typeof(PSObject).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
                ?.InformationalVersion?.Split('+')[0]}";
        yield return "Git               " +
            $"{Git("rev-parse --short HEAD") ?? "?"}" +
            $"{(Git("status --porcelain -- src") is { Length: > 0 } dirty
                ? $" + {dirty.Split('\n').Length} uncommitted file(s) under src/"
                : " (src/ clean)")}";
    }

    /// <summary>What else is running: load average and other test runs or builds (they share our cores).</summary>
    public static string Load()
    {
        var loadAverage = TryRead("/proc/loadavg")?.Split(' ').Take(3) is { } parts ? string.Join(" ", parts) : "?";
        return $"load average {loadAverage}; other processes: {CountProcesses("testhost")} test host(s), " +
            $"{CountProcesses("MSBuild.dll")} MSBuild";
    }

    public static string ModuleBuild(Assembly module)
    {
        var debuggable = module.GetCustomAttribute<DebuggableAttribute>();
        var optimized = debuggable == null || !debuggable.IsJITOptimizerDisabled;
        var file = new FileInfo(module.Location);
        return $"{(optimized
                ? "Release (optimized)"
                : "DEBUG (JIT optimizer disabled: numbers are not representative)")}, " +
            $"{file.FullName}, built {file.LastWriteTimeUtc:yyyy-MM-dd HH:mm} UTC";
    }

    /// <summary>
    /// Which System.Text.Json the module's model binds to (the framework's, or a copy in the module's own load
    /// context).
    /// </summary>
    public static string JsonOf(Type model)
    {
        var attribute = model.GetProperties().SelectMany(p => p.GetCustomAttributes(inherit: false))
            .FirstOrDefault(a => a.GetType().Name == "JsonPropertyNameAttribute");
        if (attribute == null) return "no JsonPropertyName attributes found";
        var json = attribute.GetType().Assembly;
        var context = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(json)?.Name ?? "?";
        var same = json == typeof(System.Text.Json.JsonSerializer).Assembly
            ? "the same copy the plain loop uses"
            : "NOT the copy the plain loop uses";
        return $"System.Text.Json {json.GetName().Version} from " +
            $"{(string.IsNullOrEmpty(json.Location) ? "?" : json.Location)} (load context '{context}'; {same})";
    }

    private static string CpuModel() =>
        TryRead("/proc/cpuinfo")?.Split('\n')
            .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        ?? RuntimeInformation.ProcessArchitecture.ToString();

    private static int CountProcesses(string needle)
    {
        var self = Environment.ProcessId.ToString();
        var count = 0;
        try
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                var pid = Path.GetFileName(dir);
                if (pid == self || !pid.All(char.IsDigit)) continue;
                var cmdline = TryRead(Path.Combine(dir, "cmdline"));
                if (cmdline != null && cmdline.Contains(needle, StringComparison.Ordinal)) count++;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return count;
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? Git(string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", $"-C \"{BenchmarkOptions.RepoRoot}\" {arguments}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var git = Process.Start(start)!;
            var text = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? text : null;
        }
        catch (Exception error) when (error is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }
}
