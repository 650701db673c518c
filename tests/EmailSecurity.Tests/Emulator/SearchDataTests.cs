using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Emulator;

/// <summary>
/// The emulator's knobs for how messages spread in time: a short span (results on every second), and mail's workday
/// rhythm.
/// </summary>
[Collection("Emulator")]
public sealed class SearchDataTests
{
    private readonly EmulatorFixture emulator;

    public SearchDataTests(EmulatorFixture emulator) => this.emulator = emulator;

    [Fact]
    public async Task A_short_span_puts_every_message_within_it_on_whole_seconds()
    {
        var account = emulator.NewAccount();
        account.Reset(messages: 2_000, seed: 5, spanSeconds: 200);
        var api = new AccountApi(emulator, account);

        var times = await ScanTimes(api);

        Assert.Equal(2_000, times.Count);
        Assert.All(times, t => Assert.Equal(0, t.UtcTicks % TimeSpan.TicksPerSecond));
        Assert.True(times.Max() - times.Min() <= TimeSpan.FromSeconds(200));
        Assert.True(times.Distinct().Count() < 200, "many messages should share each second");
    }

    [Fact]
    public async Task The_workday_profile_puts_most_mail_in_office_hours_on_weekdays()
    {
        var account = emulator.NewAccount();
        account.Reset(messages: 3_000, seed: 5, timeProfile: "workday");

        var times = await ScanTimes(new AccountApi(emulator, account));

        var office =
            times.Count(t => t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && t.Hour is >= 8 and < 18);
        Assert.Equal(3_000, times.Count);
        Assert.InRange(office / (double)times.Count, 0.7, 0.95);
    }

    [Fact]
    public void An_unknown_profile_or_a_span_too_short_is_refused()
    {
        var account = emulator.NewAccount();

        Assert.Contains("timeProfile",
            Assert.Throws<InvalidOperationException>(() => account.Reset(10, 1, timeProfile: "night")).Message);
        Assert.Contains("spanSeconds",
            Assert.Throws<InvalidOperationException>(() => account.Reset(10, 1, spanSeconds: 5)).Message);
    }

    private static async Task<List<DateTimeOffset>> ScanTimes(AccountApi api)
    {
        var page = await api.Get("/investigate?per_page=1000");
        var times = new List<DateTimeOffset>();
        string? cursor = null;
        do
        {
            page = await api.Get(
                "/investigate?per_page=1000" + (cursor == null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            page.ShouldSucceed();
            times.AddRange(page.Result.EnumerateArray().Select(m => m.GetProperty("scanned_at").GetDateTimeOffset()));
            cursor = page.Json.GetProperty("result_info").GetProperty("next").GetString();
        }
        while (cursor != null);
        return times;
    }
}
