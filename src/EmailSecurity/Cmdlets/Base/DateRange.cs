using System;
using System.Management.Automation;

namespace EmailSecurity.Cmdlets
{
    /// <summary>The -Start/-End pair of the list cmdlets.</summary>
    internal static class DateRange
    {
        /// <summary>The instant a -Start or -End means: a time without a kind (typed, or from a string) is local, as
        /// Get-Date shows it.</summary>
        public static DateTimeOffset Instant(DateTime value) =>
            // ToUniversalTime clamps, so [datetime]::MaxValue does not overflow
            new DateTimeOffset((value.Kind == DateTimeKind.Utc
                ? value
                : DateTime.SpecifyKind(value, DateTimeKind.Local)).ToUniversalTime());

        /// <summary>
        /// An error for a -Start later than -End, refused before any request; null when the range is fine.
        /// </summary>
        public static ErrorRecord? Problem(DateTime? start, DateTime? end)
        {
            if (!start.HasValue || !end.HasValue || Instant(start.Value) <= Instant(end.Value))
            {
                return null;
            }

            return new ErrorRecord(
                new ArgumentException($"-Start ({Shown(start.Value)}) is after -End ({Shown(end.Value)})."),
                "EsInvalidDateRange",
                ErrorCategory.InvalidArgument,
                start);
        }

        /// <summary>The time as it was given: UTC marked Z, anything else as local time.</summary>
        private static string Shown(DateTime value) =>
            value.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) +
            (value.Kind == DateTimeKind.Utc ? "Z" : " local time");
    }
}
