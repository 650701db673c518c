using System.Globalization;
using System.Text;

namespace EsBenchmark;

/// <summary>One table, a column per latency: printed aligned for the console and again as markdown.</summary>
internal sealed class ResultTable
{
    private readonly string[] columns;
    private readonly List<(bool Section, string Label, string[] Cells)> rows = new();

    public ResultTable(IEnumerable<string> columns) => this.columns = columns.ToArray();

    public void Section(string title) => rows.Add((true, title, Array.Empty<string>()));

    public void Row(string label, IEnumerable<string> cells)
    {
        var values = cells.ToArray();
        if (values.Length != columns.Length) throw new ArgumentException(
            $"Row '{label}' has {values.Length} cells for {columns.Length} columns.");
        rows.Add((false, label, values));
    }

    /// <summary>A value measured once, not per latency: shown in the first column.</summary>
    public void Once(string label, string value) => Row(label, columns.Select((_, i) => i == 0 ? value : "·"));

    public string ToText()
    {
        var labelWidth = Math.Max("Measure".Length, rows.Max(r => r.Section ? 0 : r.Label.Length + 2));
        var widths = columns.Select(
            (c, i) => Math.Max(c.Length, rows.Where(r => !r.Section).Max(r => r.Cells[i].Length))).ToArray();
        var text = new StringBuilder();
        var rule = new string('-', labelWidth + widths.Sum(w => w + 3));
        text.Append("Measure".PadRight(labelWidth));
        for (var i = 0; i < columns.Length; i++) text.Append(" | ").Append(columns[i].PadLeft(widths[i]));
        text.AppendLine().AppendLine(rule);
        foreach (var (section, label, cells) in rows)
        {
            if (section)
            {
                text.AppendLine().AppendLine(label);
                continue;
            }

            text.Append(("  " + label).PadRight(labelWidth));
            for (var i = 0; i < cells.Length; i++) text.Append(" | ").Append(cells[i].PadLeft(widths[i]));
            text.AppendLine();
        }

        return text.ToString();
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("| Measure |");
        foreach (var column in columns) text.Append(' ').Append(column).Append(" |");
        text.AppendLine().Append("|---|");
        foreach (var _ in columns) text.Append("---:|");
        text.AppendLine();
        foreach (var (section, label, cells) in rows)
        {
            if (section)
            {
                text.Append("| **").Append(Escape(label)).Append("** |");
                foreach (var _ in columns) text.Append(" |");
            }
            else
            {
                text.Append("| ").Append(Escape(label)).Append(" |");
                foreach (var cell in cells) text.Append(' ').Append(Escape(cell)).Append(" |");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string Escape(string text) => text.Replace("|", "\\|");
}

/// <summary>How numbers are shown.</summary>
internal static class Show
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Seconds(TimeSpan time) =>
        time.TotalSeconds.ToString(time.TotalSeconds < 10 ? "0.00" : "0.0", Invariant) + " s";

    public static string Millis(TimeSpan time) =>
        time.TotalMilliseconds < 0.1 && time > TimeSpan.Zero
            ? (time.TotalMilliseconds * 1000).ToString("0", Invariant) + " µs"
            : time.TotalMilliseconds.ToString(time.TotalMilliseconds < 10 ? "0.0" : "0", Invariant) + " ms";

    public static string Millis(double ms) => Millis(TimeSpan.FromMilliseconds(ms));

    public static string Count(long value) => value.ToString("N0", Invariant);

    public static string Rate(long objects, TimeSpan time) =>
        (objects / time.TotalSeconds).ToString("N0", Invariant) + " /s";

    public static string MB(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.0", Invariant) + " MB";

    public static string MB(double bytes) => (bytes / (1024.0 * 1024)).ToString("0", Invariant) + " MB";

    public static string Ratio(double value) => value.ToString(value < 10 ? "0.00" : "0", Invariant) + "×";

    public static string Percent(double value) => (value * 100).ToString("0", Invariant) + " %";

    /// <summary>CPU time as average cores over a wall time: "0.35".</summary>
    public static string Cores(TimeSpan? cpu, TimeSpan wall) =>
        cpu is { } c && wall > TimeSpan.Zero ? (c / wall).ToString("0.00", Invariant) : "?";

    /// <summary>The median and, when there were several runs, the range: "4.21 s (4.10–4.50)".</summary>
    public static string Spread(IReadOnlyList<TimeSpan> values, Func<TimeSpan, string> format)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        var median = Median(sorted);
        if (sorted.Length == 1) return format(median);
        var low = format(sorted[0]);
        var high = format(sorted[^1]);
        return $"{format(median)} ({Strip(low)}–{Strip(high)})";
    }

    public static TimeSpan Median(IReadOnlyList<TimeSpan> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1
            ? sorted[sorted.Length / 2]
            : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Strip(string formatted) => formatted.Split(' ')[0];
}
