using System;
using System.Management.Automation;

namespace EmailSecurity.Cmdlets
{
    /// <summary>The -Start/-End pair of the list cmdlets.</summary>
    internal static class DateRange
    {
        /// <summary>An error for a -Start later than -End, refused before any request; null when the range is fine.</summary>
        public static ErrorRecord? Problem(DateTime? start, DateTime? end)
        {
            if (!start.HasValue || !end.HasValue || start.Value.ToUniversalTime() <= end.Value.ToUniversalTime())
            {
                return null;
            }

            return new ErrorRecord(
                new ArgumentException($"-Start ({start:u}) is after -End ({end:u})."),
                "EsInvalidDateRange",
                ErrorCategory.InvalidArgument,
                start);
        }
    }
}
