namespace EsBenchmark;

/// <summary>
/// Busy CPU time of the whole machine (/proc/stat), so a run can say how much of the machine other processes took
/// while it was measured: the machine's busy time minus the benchmark's and the emulator's.
/// </summary>
internal static class SystemCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>All CPUs' busy time since boot, or null where /proc/stat is not there.</summary>
    public static TimeSpan? Busy()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First(l => l.StartsWith("cpu ", StringComparison.Ordinal));
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
            // user nice system idle iowait irq softirq steal (guest time is already inside user)
            var busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + (fields.Length > 7 ? fields[7] : 0);
            return TimeSpan.FromSeconds(busy / TicksPerSecond);
        }
        catch (Exception error)
            when (error is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }
}
