using System;
using System.Collections.Generic;
using EmailSecurity.Models;

namespace EmailSecurity.Client
{
    /// <summary>
    /// How a cursor-paged search whose results come newest first can be read as several time windows at once: the
    /// time each result carries, its id, the query parameters that bound the search in time, and how many requests
    /// may be under way together. See <see cref="CursorSearch{T}"/>.
    /// </summary>
    internal sealed class TimePartitioning<T>
    {
        public TimePartitioning(
            int maxConcurrency,
            Func<T, DateTimeOffset?> timeOf,
            Func<T, string?> idOf,
            string startParameter,
            string endParameter,
            IReadOnlyCollection<string> unorderedBy)
        {
            MaxConcurrency = Math.Max(1, maxConcurrency);
            TimeOf = timeOf;
            IdOf = idOf;
            StartParameter = startParameter;
            EndParameter = endParameter;
            UnorderedBy = unorderedBy;
        }

        /// <summary>Requests of the search under way at once; 1 reads one page after another.</summary>
        public int MaxConcurrency { get; }

        public Func<T, DateTimeOffset?> TimeOf { get; }

        public Func<T, string?> IdOf { get; }

        /// <summary>
        /// The inclusive start of the search's date range; the API's own default applies when it is left out.
        /// </summary>
        public string StartParameter { get; }

        public string EndParameter { get; }

        /// <summary>
        /// Query parameters after which the results are no longer one list ordered by time (aggregates).
        /// </summary>
        public IReadOnlyCollection<string> UnorderedBy { get; }
    }

    internal static class TimePartitioning
    {
        /// <summary>
        /// The most requests one search may have under way: a tenth of Cloudflare's 1,200 per five minutes in one
        /// burst, at most.
        /// </summary>
        public const int MaxConcurrency = 16;

        /// <summary>
        /// The default: at the API's ~200 ms per page, a 100,000-message search in about a third of the time (measured
        /// in docs/performance.md), within the budget.
        /// </summary>
        public const int DefaultConcurrency = 4;

        /// <summary>
        /// GET /investigate: newest first by <c>scanned_at</c>, bounded by <c>start</c> (default: 30 days ago) and
        /// <c>end</c> (default: now); <c>metric</c> aggregates.
        /// </summary>
        public static TimePartitioning<Message> MessagesByScanTime(int maxConcurrency) =>
            new TimePartitioning<Message>(
                maxConcurrency,
                m => m.ScannedAt,
                m => m.Id,
                ApiCatalog.Investigate.ListStart,
                ApiCatalog.Investigate.ListEnd,
                new[] { ApiCatalog.Investigate.ListMetric });
    }
}
