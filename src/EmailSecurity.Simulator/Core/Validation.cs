using System;
using System.Collections.Generic;

namespace EmailSecurity.Simulator.Core
{
    /// <summary>Shared wording and checks for validation errors.</summary>
    internal static class Validation
    {
        public static string OneOf(IReadOnlyList<string> allowed) => "must be one of " + string.Join(", ", allowed);

        /// <summary>Resolves start/end with the API's defaults (now - 30 days .. now) and checks their order.</summary>
        public static (DateTimeOffset Start, DateTimeOffset End) DateRange(QueryParameters query, DateTimeOffset now)
        {
            DateTimeOffset end = query.GetDate("end") ?? now;
            DateTimeOffset start = query.GetDate("start") ?? now.AddDays(-30);
            if (start > end)
            {
                throw ApiException.Invalid("start", "must not be later than end");
            }
            return (start, end);
        }

        public static bool ContainsIgnoreCase(string? haystack, string needle) =>
            haystack != null && haystack.IndexOf(needle, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
