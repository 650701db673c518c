using System.Globalization;
using System.Reflection;

namespace EsBenchmark;

/// <summary>
/// The command line. Every size has a default; --quick only changes the defaults the user did not set.
/// </summary>
internal sealed class BenchmarkOptions
{
    public const string Usage = """
        Usage: EsBenchmark [--latency 0,50,200] [--messages 100000] [--profile workday] [--moves 10000] [--per-id 500]
                           [--repeat 3] [--cold-imports 5] [--warm-imports 20] [--module <psd1>] [--emulator <dll>] [--quick]
          --latency       emulator latency per request in ms (a 'delay' fault, times 0), one table column each; from
                          100 ms on, searches run at most twice (one page at a time once) and moves are not measured
          --profile       how the messages' scan times spread: workday (office hours, the default) or uniform
          --throttle      Get-EsMessage -ThrottleLimit for the time-window runs (default: the module's own, 4)
          --messages      messages streamed by Get-EsMessage and by the plain HttpClient loop
          --moves         piped ids moved in bulk; one-call-per-id is measured on --per-id of them and extrapolated
          --per-id        ids moved one call each (the measured sample for the extrapolation)
          --repeat        runs of each streaming and move measurement per latency; the table shows the median
          --cold-imports  child processes started to time a first Import-Module (median)
          --warm-imports  Import-Module into a new runspace of this (warm) process (median)
          --module        module manifest (default: the built out/EmailSecurity/EmailSecurity.psd1)
          --emulator      EsEmulator.dll (default: the one built with this configuration)
          --quick         smoke check: 20,000 messages, 1,000 moves, 100 per-id, latency 0, 1 repeat, 3 cold / 5 warm imports
          --import-only   (internal) time one cold import in this process and print IMPORT_RESULT
        """;

    /// <summary>
    /// From this latency on a column is a search comparison only: fewer runs, no script consumer, no moves.
    /// </summary>
    public const int SlowLatency = 100;

    public int[] Latencies { get; private set; } = [0, 50, 200];
    public int Messages { get; private set; } = 100_000;
    public string Profile { get; private set; } = "workday";
    public int? Throttle { get; private set; }
    public int Moves { get; private set; } = 10_000;
    public int PerIdSample { get; private set; } = 500;
    public int Repeat { get; private set; } = 3;
    public int ColdImports { get; private set; } = 5;
    public int WarmImports { get; private set; } = 20;
    public bool Quick { get; private set; }
    public bool ImportOnly { get; private set; }
    public string ModulePath { get; private set; } = Metadata("ModulePath");
    public string EmulatorDll { get; private set; } = Metadata("EmulatorDll");

    /// <summary>
    /// --import-only: the emulator API and account to make the first call against (set by the parent).
    /// </summary>
    public Uri? ChildApi { get; private set; }
    public string? ChildAccount { get; private set; }

    /// <summary>Parses the arguments; null with a message on stderr when they are wrong.</summary>
    public static BenchmarkOptions? Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i].ToLowerInvariant();
            string Value()
            {
                if (i + 1 < args.Length) return args[++i];
                throw new ArgumentException($"{name} needs a value.");
            }

            int Count(int min)
            {
                var text = Value();
                if (!int.TryParse(text.Replace("_", "").Replace(",", ""), NumberStyles.None,
                    CultureInfo.InvariantCulture, out var value) || value < min)
                    throw new ArgumentException($"{name} needs a whole number of at least {min}, not '{text}'.");
                return value;
            }

            try
            {
                switch (name)
                {
                    case "--latency":
                        options.Latencies = Value()
                            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                            .Select(t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
                                && ms <= 10_000
                                ? ms
                                : throw new ArgumentException(
                                    $"--latency takes milliseconds (0..10000) separated by commas, not '{t}'."))
                            .Distinct().ToArray();
                        if (options.Latencies.Length == 0) throw new ArgumentException(
                            "--latency needs at least one value.");
                        break;
                    case "--messages": options.Messages = Count(1); break;
                    case "--profile":
                        var profile = Value();
                        options.Profile = profile is "workday" or "uniform"
                            ? profile
                            : throw new ArgumentException("--profile takes workday or uniform.");
                        break;
                    case "--moves": options.Moves = Count(1); break;
                    case "--throttle": options.Throttle = Count(1); break;
                    case "--per-id": options.PerIdSample = Count(1); break;
                    case "--repeat": options.Repeat = Count(1); break;
                    case "--cold-imports": options.ColdImports = Count(1); break;
                    case "--warm-imports": options.WarmImports = Count(1); break;
                    case "--module": options.ModulePath = Path.GetFullPath(Value()); break;
                    case "--emulator": options.EmulatorDll = Path.GetFullPath(Value()); break;
                    case "--quick": options.Quick = true; break;
                    case "--import-only": options.ImportOnly = true; break;
                    case "--child-api": options.ChildApi = new Uri(Value()); break;
                    case "--child-account": options.ChildAccount = Value(); break;
                    case "--help" or "-h" or "-?":
                        Console.WriteLine(Usage);
                        Environment.Exit(0);
                        break;
                    default:
                        throw new ArgumentException($"Unknown argument '{args[i]}'.");
                }
                set.Add(name);
            }
            catch (ArgumentException error)
            {
                Console.Error.WriteLine(error.Message);
                Console.Error.WriteLine(Usage);
                return null;
            }
        }

        if (options.Quick)
        {
            if (!set.Contains("--latency")) options.Latencies = [0];
            if (!set.Contains("--messages")) options.Messages = 20_000;
            if (!set.Contains("--moves")) options.Moves = 1_000;
            if (!set.Contains("--per-id")) options.PerIdSample = 100;
            if (!set.Contains("--repeat")) options.Repeat = 1;
            if (!set.Contains("--cold-imports")) options.ColdImports = 3;
            if (!set.Contains("--warm-imports")) options.WarmImports = 5;
        }

        options.PerIdSample = Math.Min(options.PerIdSample, options.Moves);
        return options;
    }

    /// <summary>Runs of each search measurement at a latency: every repeat, but at most two on a slow column.</summary>
    public int SearchRuns(int latency) => latency >= SlowLatency ? Math.Min(Repeat, 2) : Repeat;

    private static string Metadata(string key) =>
        typeof(BenchmarkOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value ?? string.Empty;

    public static string BuildConfiguration => Metadata("Configuration");
    public static string RepoRoot => Metadata("RepoRoot");
}
