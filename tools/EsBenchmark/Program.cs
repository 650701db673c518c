using EsBenchmark;

// EsBenchmark: measures the EmailSecurity module against the emulator. See docs/performance.md.
var options = BenchmarkOptions.Parse(args);
if (options == null) return 2;

if (options.ImportOnly) return Benchmark.ImportOnly(options);

if (!File.Exists(options.ModulePath))
{
    Console.Error.WriteLine(
        $"The module is not built: {options.ModulePath} does not exist (dotnet build EsPowerShell.sln).");
    return 1;
}

using var benchmark = new Benchmark(options, args);
try
{
    return benchmark.Run();
}
catch (InvalidOperationException error)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}
