using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace EmailSecurity.Client
{
    /// <summary>
    /// Every page of a cursor-paged search, in exactly the order a walk of its cursor gives them. The first page is
    /// the walk's own first page. When the rest is long and the results come newest first by a time each carries
    /// (<see cref="TimePartitioning{T}"/>), the rest is read as time windows, several at once: each window is a search
    /// of its own with its own cursor, its edges on whole seconds (an edge belongs to the newer window: start
    /// inclusive, end exclusive), and each result is checked against its window's edges on arrival, whatever the API
    /// makes of <c>start</c> and <c>end</c>. Windows are sized to hold a little under a page: by the results the same
    /// hours a week later held (<see cref="TimesRead"/>) once those have been read, else by the density the last
    /// window showed; the first page tells how many results remain, each window's first answer how many it holds, and
    /// a window holding more than a page is cut into smaller ones after its first page. Pages are handed out in order;
    /// no more than a page or two per window are read ahead, and nothing beyond what a limit (-First) needs is asked
    /// for. A window that fails ends the search with its error once every page before it has been handed out.
    /// </summary>
    internal sealed class CursorSearch<T>
    {
        /// <summary>Pages the rest must need before it is read in windows; fewer are read one after another.</summary>
        public const int MinPagesToPartition = 10;

        /// <summary>
        /// The fewest results a page must hold for windows: a window costs about half a request more than its share of
        /// pages, which on small pages (an API that caps low, a small -PageSize) would cost more requests than it saves
        /// time.
        /// </summary>
        public const int MinPageForWindows = 100;


        /// <summary>The API's default start of a search without one: 30 days before now.</summary>
        private static readonly TimeSpan DefaultRange = TimeSpan.FromDays(30);

        /// <summary>
        /// Windows of a search without a start stay this far above the API's default start, which moves with its clock.
        /// </summary>
        private static readonly TimeSpan DefaultStartMargin = TimeSpan.FromHours(1);

        private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

        /// <summary>Mail's rhythm: a window is sized by what the same hours this much later held.</summary>
        private static readonly TimeSpan RhythmPeriod = TimeSpan.FromDays(7);

        private readonly EsApiClient client;
        private readonly IApiObserver observer;
        private readonly ApiRequest search;
        private readonly int pageSize;
        private readonly TimePartitioning<T>? partitioning;
        private readonly long itemLimit;
        private readonly string? resumeAt;
        private readonly LinkedList<Part> parts = new LinkedList<Part>();
        private readonly HashSet<string> undatedSeen = new HashSet<string>(StringComparer.Ordinal);
        private readonly TimesRead timesRead = new TimesRead();

        private int concurrency = 1;
        private int maxAhead = 1;
        private int inFlight;
        private int readyPages;
        private int pagesRead;
        private int pagesHandedOut;
        private int windowPageSize;
        private long? total;
        private DateTimeOffset? lowestEdge;

        /// <summary>Results of the windows already handed out in full.</summary>
        private long finished;

        /// <param name="itemLimit">The most results the caller will use (-Skip plus -First); nothing beyond is
        /// fetched.</param>
        public CursorSearch(
            EsApiClient client,
            IApiObserver observer,
            ApiRequest search,
            int pageSize,
            TimePartitioning<T>? partitioning,
            long itemLimit)
        {
            this.client = client;
            this.observer = observer;
            this.search = search;
            this.pageSize = pageSize;
            // A search resumed at a cursor (Get-EsMessage -Cursor) walks on from it: its time windows are unknown.
            resumeAt = search.ResumeCursor;
            this.partitioning = resumeAt == null ? partitioning : null;
            this.itemLimit = Math.Max(1, itemLimit);
            windowPageSize = pageSize;
        }

        public async IAsyncEnumerable<ApiPage<T>> PagesAsync(
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using (var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                parts.AddFirst(new Window(search, null, null, null, 0) { Cursor = resumeAt });
                try
                {
                    while (parts.First != null)
                    {
                        Collect();
                        Start(stopping.Token);
                        var head = parts.First.Value;
                        if (head is Window window)
                        {
                            if (window.Ready.Count > 0)
                            {
                                var (items, info) = window.Ready.Dequeue();
                                readyPages--;
                                yield return new ApiPage<T>(++pagesHandedOut, items, info, total);
                                continue;
                            }

                            if (window.Fetching == null && window.Failure != null)
                            {
                                window.Failure.Throw();
                            }

                            if (window.Fetching == null && window.Done)
                            {
                                finished += window.Kept;
                                parts.RemoveFirst();
                                continue;
                            }
                        }
                        else if (((Walker)head).Exhausted)
                        {
                            parts.RemoveFirst();
                            continue;
                        }

                        var fetching =
                            parts.OfType<Window>().Where(w => w.Fetching != null).Select(w => w.Fetching!).ToList();
                        if (fetching.Count == 0)
                        {
                            // Nothing under way and the head may not ask for more: it holds all the caller wants.
                            if (!(head is Window limited) || finished + limited.Kept < itemLimit)
                            {
                                throw new InvalidOperationException(
                                    "The search stopped before its end with nothing under way.");
                            }

                            yield break;
                        }

                        await Task.WhenAny(fetching).ConfigureAwait(false);
                    }
                }
                finally
                {
                    stopping.Cancel();
                    var unfinished =
                        parts.OfType<Window>().Where(w => w.Fetching != null).Select(w => w.Fetching!).ToList();
                    foreach (var request in unfinished)
                    {
                        try
                        {
                            await request.ConfigureAwait(false);
                        }
                        catch (Exception)
                        {
                            // Stopped with the search: its result is not wanted.
                        }
                    }
                }
            }
        }

        /// <summary>
        /// Starts the requests that may start now, in the order their pages are handed out: at most the concurrency
        /// under way, and at most two pages per window of it read ahead; the head always gets its next page when it has
        /// none ready, so the search cannot stall behind pages read ahead. Nothing after a failed window is asked for.
        /// </summary>
        private void Start(CancellationToken cancellationToken)
        {
            var before = finished;
            for (var node = parts.First; node != null && before < itemLimit; node = node.Next)
            {
                if (node.Value is Window window)
                {
                    if (window.Failure != null)
                    {
                        return;
                    }

                    var starving = node == parts.First && window.Ready.Count == 0;
                    if (window.CanAsk && before + window.Kept < itemLimit && MayAsk(starving))
                    {
                        Ask(window, cancellationToken);
                    }

                    before += window.Expected;
                    continue;
                }

                var walker = (Walker)node.Value;
                while (!walker.Exhausted && before < itemLimit && MayAsk(node.Previous == null))
                {
                    var next = walker.Next(search, partitioning!);
                    parts.AddBefore(node, next);
                    Ask(next, cancellationToken);
                    before += next.Expected;
                }

                before += (long)Math.Ceiling(Math.Max(0, walker.Remaining));
            }
        }

        private bool MayAsk(bool starving) => inFlight < concurrency && (starving || inFlight + readyPages < maxAhead);

        private void Ask(Window window, CancellationToken cancellationToken)
        {
            var page = window.Request.AtPage(window.Pages + 1, window.Cursor, pageSize);
            window.Asked = page;
            window.Fetching = client.SendAsync<List<T>>(page, cancellationToken);
            inFlight++;
        }

        /// <summary>Takes in every request that has finished.</summary>
        private void Collect()
        {
            for (var node = parts.First; node != null; node = node.Next)
            {
                if (!(node.Value is Window window) || window.Fetching == null || !window.Fetching.IsCompleted)
                {
                    continue;
                }

                var request = window.Fetching;
                window.Fetching = null;
                inFlight--;
                if (request.Status != TaskStatus.RanToCompletion)
                {
                    var error = request.Exception?.InnerException ?? (Exception)new OperationCanceledException();
                    window.Failure = ExceptionDispatchInfo.Capture(WithResumeCursor(window, error));
                    continue;
                }

                Take(node, window, request.Result);
            }
        }

        /// <summary>
        /// One page of a window: checked against the paging guards, cut to the window, and what comes after it decided.
        /// </summary>
        private void Take(LinkedListNode<Part> node, Window window, ApiResult<List<T>> answer)
        {
            var items = (IReadOnlyList<T>?)answer.Result ?? Array.Empty<T>();
            var info = answer.Info;
            var asked = window.Asked!;
            pagesRead++;
            window.Pages++;
            if (items.Count > 0 && answer.ResultFingerprint is ulong digest && !window.SeenPages.Add(digest))
            {
                window.Failure = ExceptionDispatchInfo.Capture(
                    client.PagingLoop(asked,
                        $"page {pagesRead} holds exactly the results of a page already read (the API led back to it)"));
                return;
            }

            var first = window.Pages == 1;
            if (first)
            {
                window.Total = info?.TotalCount;
                window.Origin?.Learn(window);
            }

            window.Fetched += items.Count;
            var next = info?.Next;
            if (first && window.IsWholeSearch)
            {
                total = info?.TotalCount;
                Decide(asked, items, next, answer.AnsweredAt);
            }

            DateTimeOffset? cut = null;
            if (string.IsNullOrEmpty(next))
            {
                if (info == null && items.Count >= pageSize)
                {
                    observer.Warning(
                        $"{asked.Method} {asked.Path}: page {pagesRead} was full ({items.Count} results) but came " +
                        "without result_info, so without a cursor to the next page. The results end here and may be " +
                        "incomplete: narrow the search (-Start/-End) so it fits in one page, or report it to " +
                        "Cloudflare.");
                }

                window.Done = true;
            }
            else if (window.From is DateTimeOffset from && items.Count > 0
                && partitioning!.TimeOf(items[items.Count - 1]) is DateTimeOffset oldest && oldest < from)
            {
                // Already below the window: whatever follows belongs to the windows after it.
                window.Done = true;
            }
            else if (!window.SeenCursors.Add(next!))
            {
                window.Failure = ExceptionDispatchInfo.Capture(
                    client.PagingLoop(asked,
                        $"the API returned the cursor of an earlier page again after page {pagesRead}"));
                window.Done = true;
            }
            else if (Split(window, items) is Walker rest)
            {
                cut = rest.Until;
                parts.AddAfter(node, rest);
                window.Done = true;
            }
            else
            {
                window.Cursor = next;
                if (window.IsWholeSearch)
                {
                    observer.Verbose($"{asked.Method} {asked.Path}: page {pagesRead + 1} is at -Cursor '{next}'.");
                }
            }

            var kept = Keep(window, items, cut);
            window.Kept += kept.Count;
            if (lowestEdge != null)
            {
                Remember(window, items, kept, cut);
            }

            if (kept.Count > 0 || items.Count == 0)
            {
                window.Ready.Enqueue((kept, info));
                readyPages++;
            }
        }

        /// <summary>
        /// A failure of the search walked one page after another, past its first page: the error names the cursor that
        /// resumes it where it stopped (a window's cursor would resume only that window).
        /// </summary>
        private Exception WithResumeCursor(Window window, Exception error) =>
            window.IsWholeSearch && window.Cursor != null && error is EsApiException failed
                ? new EsApiException(
                    $"{failed.Message} The search stopped before page {pagesRead + 1}; run it again with -Cursor " +
                    $"'{window.Cursor}' to resume it there.",
                    failed.Method, failed.RequestUri, failed.StatusCode, failed.Errors, failed.CfRay, failed.Kind,
                    failed)
                : error;

        /// <summary>
        /// Whether the rest of the search after its first page is read in windows, said once in -Verbose.
        /// </summary>
        private void Decide(ApiRequest asked, IReadOnlyList<T> items, string? next, DateTimeOffset? answeredAt)
        {
            if (partitioning == null || string.IsNullOrEmpty(next))
            {
                return;
            }

            if (items.Count > 0)
            {
                windowPageSize = items.Count; // what the API really puts on a page, if it caps lower than asked
            }

            var rest = total.HasValue ? Math.Min(total.Value, itemLimit) - items.Count : 1;
            if (rest <= 0)
            {
                return; // the first page holds all the caller wants
            }

            var pages = (rest + windowPageSize - 1) / windowPageSize;
            var unordered = partitioning.UnorderedBy.FirstOrDefault(p => asked.QueryValue(p) != null);
            var times = items.Select(partitioning.TimeOf).ToList();
            var why = partitioning.MaxConcurrency <= 1 ? "one request at a time was asked for (-ThrottleLimit 1)"
                : unordered != null ? $"the results are aggregated by {unordered}"
                : !total.HasValue ? "the API did not say how many results there are"
                : pages < MinPagesToPartition ? $"the rest takes {pages} page(s)"
                : windowPageSize < MinPageForWindows
                ? $"pages of {windowPageSize} results are too small for time windows to pay"
                : times.Any(t => t == null) ? "the results do not all carry the time they are ordered by"
                : times.Zip(times.Skip(1), (newer, older) => newer >= older).Any(inOrder => !inOrder)
                ? "the results do not come newest first"
                : null;
            var what = $"{asked.Method} {asked.Path}: " +
                $"{total?.ToString("N0", CultureInfo.InvariantCulture) ?? "an unknown number of"} results";
            if (why != null)
            {
                observer.Verbose($"{what}; reading them one page after another: {why}.");
                return;
            }

            concurrency = partitioning.MaxConcurrency;
            maxAhead = 2 * concurrency;
            var given = asked.QueryValue(partitioning.StartParameter);
            var start = given != null && DateTimeOffset.TryParse(given, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : (DateTimeOffset?)null;
            lowestEdge = start ?? (answeredAt ?? DateTimeOffset.UtcNow) - DefaultRange + DefaultStartMargin;
            observer.Verbose(
                $"{what}; reading the {pages:N0} page(s) after the first in time windows, {concurrency} requests at " +
                "a time (-ThrottleLimit), and writing them in the API's order.");
        }

        /// <summary>
        /// The rest of a window after this page, as a range to cut into smaller windows, when it takes more than one
        /// more page and can be cut: the page's oldest second may hold more results than the page shows, so the page
        /// keeps what is newer and the range takes that second on.
        /// </summary>
        private Walker? Split(Window window, IReadOnlyList<T> items)
        {
            if (concurrency <= 1 || items.Count == 0 || !window.Total.HasValue || lowestEdge == null)
            {
                return null;
            }

            var newest = partitioning!.TimeOf(items[0]);
            var oldest = partitioning.TimeOf(items[items.Count - 1]);
            if (newest == null || oldest == null)
            {
                return null;
            }

            var until = WholeSecond(oldest.Value) + Second;
            var complete = items.Count(i => partitioning.TimeOf(i) is DateTimeOffset t && t >= until);
            var remaining = window.Total.Value - (window.Fetched - items.Count) - complete;
            var floor = window.From ?? lowestEdge.Value;
            if (newest.Value < until || remaining <= windowPageSize || until - floor < Second + Second)
            {
                return null;
            }

            // The page's own density sizes the first windows (the range's average may hide that results bunch up).
            var span = (newest.Value - oldest.Value).TotalSeconds;
            var density = span >= 1 ? items.Count / span : remaining / (until - floor).TotalSeconds;
            return new Walker(
                window.From, floor, until, remaining, WindowTarget(windowPageSize), density, timesRead);
        }

        /// <summary>
        /// Adds a page's results to the times read, and its window's range once every result in it has been read (down
        /// to the cut, when the rest went to smaller windows).
        /// </summary>
        private void Remember(Window window, IReadOnlyList<T> items, List<T> kept, DateTimeOffset? cut)
        {
            foreach (var item in kept)
            {
                if (partitioning!.TimeOf(item) is DateTimeOffset time)
                {
                    timesRead.Add(time);
                }
            }

            var from = cut ?? window.From;
            var until = window.Until
                ?? (items.Count > 0 && partitioning!.TimeOf(items[0]) is DateTimeOffset newest
                    ? WholeSecond(newest) + Second
                    : (DateTimeOffset?)null);
            if (window.Done && window.Failure == null && from.HasValue && until.HasValue)
            {
                timesRead.Complete(from.Value, until.Value);
            }
        }

        /// <summary>
        /// What of a page belongs to its window (and before the cut): results outside its edges belong to a neighbour.
        /// </summary>
        private List<T> Keep(Window window, IReadOnlyList<T> items, DateTimeOffset? cut)
        {
            if (window.From == null && window.Until == null && cut == null && concurrency <= 1)
            {
                return items as List<T> ?? items.ToList();
            }

            var kept = new List<T>(items.Count);
            foreach (var item in items)
            {
                var time = partitioning!.TimeOf(item);
                if (time == null)
                {
                    // Undated results cannot be placed in a window: each is written once, where it first comes.
                    var id = partitioning.IdOf(item);
                    if (id == null || undatedSeen.Add(id))
                    {
                        kept.Add(item);
                    }
                }
                else if ((window.From == null || time >= window.From) && (window.Until == null || time < window.Until)
                    && (cut == null || time >= cut))
                {
                    kept.Add(item);
                }
            }

            return kept;
        }

        /// <summary>
        /// How many results a window is planned to hold: a page less three standard deviations of a count that size (a
        /// count of random arrivals varies by its square root), so that few windows spill onto a second request.
        /// </summary>
        private static double WindowTarget(int pageSize) => Math.Max(1, pageSize - (3 * Math.Sqrt(pageSize)));

        private static DateTimeOffset WholeSecond(DateTimeOffset time) =>
            new DateTimeOffset(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

        private abstract class Part
        {
        }

        /// <summary>One search of the time window [From, Until), walked by its own cursor.</summary>
        private sealed class Window : Part
        {
            public Window(
                ApiRequest request,
                DateTimeOffset? from,
                DateTimeOffset? until,
                Walker? origin,
                double expected)
            {
                Request = request;
                From = from;
                Until = until;
                Origin = origin;
                Planned = expected;
            }

            /// <summary>The search with this window's start and end, without its page size and cursor.</summary>
            public ApiRequest Request { get; }

            /// <summary>
            /// Results older than this belong to the next window; null: the search's own start bounds it.
            /// </summary>
            public DateTimeOffset? From { get; }

            /// <summary>
            /// Results from this time on belong to the window before; null: the search's own end bounds it.
            /// </summary>
            public DateTimeOffset? Until { get; }

            public Walker? Origin { get; }

            /// <summary>The results it was planned to hold.</summary>
            public double Planned { get; }

            public bool IsWholeSearch => Origin == null;

            public string? Cursor { get; set; }

            public ApiRequest? Asked { get; set; }

            public Task<ApiResult<List<T>>>? Fetching { get; set; }

            public ExceptionDispatchInfo? Failure { get; set; }

            public bool Done { get; set; }

            public int Pages { get; set; }

            public long? Total { get; set; }

            /// <summary>Results received, before they are checked against the edges.</summary>
            public long Fetched { get; set; }

            /// <summary>Results handed out or ready to be.</summary>
            public long Kept { get; set; }

            public Queue<(List<T> Items, ResultInfo? Info)> Ready { get; } = new Queue<(List<T>, ResultInfo?)>();

            public HashSet<string> SeenCursors { get; } = new HashSet<string>(StringComparer.Ordinal);

            public HashSet<ulong> SeenPages { get; } = new HashSet<ulong>();

            public bool CanAsk => Fetching == null && !Done && Failure == null;

            /// <summary>The results expected from it in all, for not asking beyond a limit.</summary>
            public long Expected =>
                Done && Fetching == null ? Kept : Math.Max(Kept, Total ?? (long)Math.Ceiling(Planned));
        }

        /// <summary>
        /// A range of time still to be read, [From, Until), cut into windows from its newest end as requests can be
        /// started: each window is sized to hold a little under a page, by what the same hours a week later held when
        /// those have been read, else at the density the last answered window showed.
        /// </summary>
        private sealed class Walker : Part
        {
            private readonly double planned;
            private readonly double target;
            private readonly DateTimeOffset floor;
            private readonly TimesRead timesRead;
            private double answered;
            private double unanswered;
            private double density;
            private DateTimeOffset edge;

            /// <param name="from">The range's known start, or null when the search's own start bounds it.</param>
            /// <param name="floor">Where the range is thought to start: <paramref name="from"/>, or an estimate no edge
            /// goes below.</param>
            public Walker(
                DateTimeOffset? from,
                DateTimeOffset floor,
                DateTimeOffset until,
                double results,
                double target,
                double density,
                TimesRead timesRead)
            {
                From = from;
                Until = until;
                this.floor = floor;
                planned = results;
                this.target = Math.Max(1, target);
                edge = until;
                this.density = density;
                this.timesRead = timesRead;
            }

            public DateTimeOffset? From { get; }

            public DateTimeOffset Until { get; }

            public bool Exhausted { get; private set; }

            /// <summary>The results thought to be left in the part not yet cut into windows.</summary>
            public double Remaining => planned - answered - unanswered;

            public Window Next(ApiRequest search, TimePartitioning<T> partitioning)
            {
                var reach = timesRead.Reach(edge, floor, target, RhythmPeriod);
                var seconds = reach?.Length.TotalSeconds ?? Math.Max(1, Math.Ceiling(target / Math.Max(density, 1e-9)));
                var lower = seconds >= (edge - floor).TotalSeconds ? floor : edge - TimeSpan.FromSeconds(seconds);
                var last = Remaining <= target || lower <= floor || lower - floor < Second;
                var from = last ? From : lower;
                var expected = last
                    ? Math.Max(0, Remaining)
                    : Math.Min(Math.Max(0, Remaining), reach?.Expected ?? density * seconds);
                var request = search.Clone().WithQuery(partitioning.EndParameter, edge);
                if (from.HasValue)
                {
                    // A second of overlap below the edge: the results on it come back whether the API's start is
                    // inclusive or not.
                    request = request.WithQuery(partitioning.StartParameter, from.Value - Second);
                }

                var window = new Window(request, from, edge, this, expected);
                unanswered += expected;
                edge = lower;
                Exhausted = last;
                return window;
            }

            /// <summary>
            /// A window's first answer: its total corrects what is left, and its density sizes the next windows.
            /// </summary>
            public void Learn(Window window)
            {
                unanswered -= window.Planned;
                answered += window.Total ?? window.Planned;
                if (window.Total is long count && window.From is DateTimeOffset from
                    && window.Until is DateTimeOffset until && until > from)
                {
                    density = Math.Max(count, 1) / (until - from).TotalSeconds;
                }
            }
        }
    }
}
