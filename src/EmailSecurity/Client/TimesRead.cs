using System;
using System.Collections.Generic;

namespace EmailSecurity.Client
{
    /// <summary>
    /// The times of the results a windowed search has read so far, counted per minute, and the ranges of time in which
    /// it has read every result. Mail keeps a weekly rhythm (office hours, weekends), so the same hours a week later,
    /// which a newest-first search has read before it reaches a window, tell how long that window must be to hold a
    /// page far better than the density of the window read just before it.
    /// </summary>
    internal sealed class TimesRead
    {
        private const long MinuteSeconds = 60;

        private readonly Dictionary<long, int> perMinute = new Dictionary<long, int>();

        /// <summary>Ranges read in full, [From, Until) in Unix seconds, apart and in no order.</summary>
        private readonly List<(long From, long Until)> complete = new List<(long, long)>();

        public void Add(DateTimeOffset time)
        {
            var minute = Floor(time.ToUnixTimeSeconds(), MinuteSeconds);
            perMinute.TryGetValue(minute, out var count);
            perMinute[minute] = count + 1;
        }

        /// <summary>Every result of [from, until) has been added.</summary>
        public void Complete(DateTimeOffset from, DateTimeOffset until)
        {
            var range = (From: from.ToUnixTimeSeconds(), Until: until.ToUnixTimeSeconds());
            if (range.Until <= range.From)
            {
                return;
            }

            // Windows meet edge to edge: ranges that touch become one.
            for (var i = complete.Count - 1; i >= 0; i--)
            {
                var other = complete[i];
                if (other.From <= range.Until && range.From <= other.Until)
                {
                    range = (Math.Min(range.From, other.From), Math.Max(range.Until, other.Until));
                    complete.RemoveAt(i);
                }
            }

            complete.Add(range);
        }

        /// <summary>
        /// How far below <paramref name="edge"/> a window must reach to hold <paramref name="target"/> results, if the
        /// same hours <paramref name="later"/> are a guide: counted there, from the edge down, within what has been
        /// read in full. The whole way down to <paramref name="floor"/> when that holds fewer. Null when the read
        /// ranges end first: the hours that far later are not known (yet).
        /// </summary>
        /// <returns>The window's length and the results the same hours later held.</returns>
        public (TimeSpan Length, double Expected)? Reach(
            DateTimeOffset edge, DateTimeOffset floor, double target, TimeSpan later)
        {
            var shift = (long)later.TotalSeconds;
            var top = edge.ToUnixTimeSeconds() + shift;
            var bottom = floor.ToUnixTimeSeconds() + shift;
            var known = ReadDownFrom(top);
            if (known >= top)
            {
                return null;
            }

            var lowest = Math.Max(known, bottom);
            double counted = 0;
            for (var at = top; at > lowest;)
            {
                var minute = Floor(at - 1, MinuteSeconds);
                var from = Math.Max(minute, lowest);
                perMinute.TryGetValue(minute, out var inMinute);
                // Results within a minute are taken as spread evenly over it.
                var share = inMinute * (at - from) / (double)MinuteSeconds;
                if (counted + share >= target && inMinute > 0)
                {
                    var seconds = (long)Math.Ceiling((target - counted) * MinuteSeconds / inMinute);
                    return (TimeSpan.FromSeconds(Math.Max(1, top - at + seconds)), target);
                }

                counted += share;
                at = from;
            }

            return lowest == bottom ? (TimeSpan.FromSeconds(top - bottom), counted) : ((TimeSpan, double)?)null;
        }

        /// <summary>The lowest time from which everything up to <paramref name="top"/> has been read.</summary>
        private long ReadDownFrom(long top)
        {
            foreach (var range in complete)
            {
                if (range.From < top && top <= range.Until)
                {
                    return range.From;
                }
            }

            return top;
        }

        private static long Floor(long value, long step) => value - (((value % step) + step) % step);
    }
}
