using EmailSecurity.Client;

namespace EmailSecurity.Tests.Core;

/// <summary>
/// How long a window must be to hold a page, told by the results a search has read a week later: counted within the
/// ranges read in full, never from hours not read.
/// </summary>
public sealed class TimesReadTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public void A_window_reaches_as_far_as_the_same_hours_a_week_later_held_the_target()
    {
        var times = new TimesRead();
        var nextMonday = Monday + Week;
        // A week later: 10 results a minute from 9:00 to 10:00, none before.
        for (var minute = 0; minute < 60; minute++)
        {
            for (var i = 0; i < 10; i++)
            {
                times.Add(nextMonday.AddHours(9).AddMinutes(minute).AddSeconds(i * 6));
            }
        }

        times.Complete(nextMonday, nextMonday.AddHours(12));

        var reach = times.Reach(Monday.AddHours(10), Monday, target: 150, Week);

        Assert.Equal((TimeSpan.FromMinutes(15), 150d), reach);
        // Down from 12:00 the first two hours a week later held nothing.
        Assert.Equal(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(15),
            times.Reach(Monday.AddHours(12), Monday, target: 150, Week)!.Value.Length);
    }

    [Fact]
    public void Hours_not_read_in_full_tell_nothing()
    {
        var times = new TimesRead();
        var nextMonday = Monday + Week;
        times.Add(nextMonday.AddHours(9));
        times.Complete(nextMonday.AddHours(9), nextMonday.AddHours(10));

        Assert.Null(times.Reach(Monday.AddHours(11), Monday, target: 1, Week));
        // Read from 10:00 down to 9:00 only: a target it does not reach there is not guessed at.
        Assert.Null(times.Reach(Monday.AddHours(10), Monday, target: 2, Week));
        Assert.Equal((TimeSpan.FromHours(1), 1d), times.Reach(Monday.AddHours(10), Monday, target: 1, Week));
    }

    [Fact]
    public void Ranges_read_edge_to_edge_count_as_one()
    {
        var times = new TimesRead();
        var nextMonday = Monday + Week;
        times.Add(nextMonday.AddHours(1));
        times.Add(nextMonday.AddHours(3));
        times.Complete(nextMonday.AddHours(2), nextMonday.AddHours(4));
        times.Complete(nextMonday, nextMonday.AddHours(2));

        var reach = times.Reach(Monday.AddHours(4), Monday.AddHours(-1), target: 2, Week);

        Assert.Equal(TimeSpan.FromHours(3), reach!.Value.Length);
    }

    [Fact]
    public void Fewer_than_the_target_down_to_the_floor_takes_the_whole_way()
    {
        var times = new TimesRead();
        var nextMonday = Monday + Week;
        times.Add(nextMonday.AddHours(5));
        times.Complete(nextMonday, nextMonday.AddHours(6));

        Assert.Equal((TimeSpan.FromHours(4), 1d),
            times.Reach(Monday.AddHours(6), Monday.AddHours(2), target: 100, Week));
    }
}
