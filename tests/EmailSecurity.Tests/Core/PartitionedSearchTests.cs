using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Tests.Core;

/// <summary>
/// A search read in time windows at once gives exactly what a walk of its cursor gives: the same results in the same
/// order, none twice, none missing at the edges between windows, whatever the API makes of start and end, with or
/// without a date range, under 429s, 5xx and dropped connections; a window that fails for good ends the search with
/// its error after exactly the results before it.
/// </summary>
public sealed class PartitionedSearchTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private readonly RecordingObserver observer = new();

    public static TheoryData<string, bool, bool, string> EdgeCases()
    {
        var cases = new TheoryData<string, bool, bool, string>();
        foreach (var data in new[] { "spread over 29 days", "a result on every edge" })
        {
            foreach (var (startInclusive, endInclusive) in new[] { (true, true), (true, false), (false, true),
                (false, false) })
            {
                foreach (var range in new[] { "no range", "start and end", "start only", "end only" })
                {
                    cases.Add(data, startInclusive, endInclusive, range);
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public async Task A_partitioned_search_returns_exactly_what_the_sequential_walk_returns(
        string data,
        bool startInclusive,
        bool endInclusive,
        string range)
    {
        var messages = data == "a result on every edge"
            ? OnEveryEdge(TimeSpan.FromHours(2))
            : Spread(12_000, TimeSpan.FromDays(29), seed: 3);
        var api = new FakeSearchApi(messages, Now) { StartInclusive = startInclusive, EndInclusive = endInclusive,
            Latency = TimeSpan.FromMilliseconds(1) };
        var search = Search();
        var times = messages.Select(m => m.At!.Value).OrderBy(t => t).ToList();
        var (start, end) = (times[times.Count / 10], times[times.Count * 9 / 10]);
        if (range is "start and end" or "start only")
        {
            search.WithQuery("start", Whole(start));
        }

        if (range is "start and end" or "end only")
        {
            search.WithQuery("end", Whole(end));
        }

        var sequential = await Read(api, search, concurrency: 1);
        var sequentialRequests = api.Queries.Count;
        api.Queries.Clear();
        var partitioned = await Read(api, search, concurrency: 4);

        Assert.True(sequential.Count > 20 * PageSize,
            $"the search should need many pages, it has {sequential.Count} results");
        Assert.Equal(sequential, partitioned);
        Assert.True(api.MostAtOnce > 1, "the windows should have been read at once");
        Assert.Contains(api.Queries, q => q.TryGetValue("end", out var e) && e != search.QueryValue("end"));
        Assert.True(api.Queries.Count <= sequentialRequests * 1.5,
            $"{api.Queries.Count} requests in windows against {sequentialRequests} in sequence");
    }

    [Fact]
    public async Task Every_window_edge_is_a_whole_second_with_results_exactly_on_it()
    {
        var messages = OnEveryEdge(TimeSpan.FromHours(2));
        var api = new FakeSearchApi(messages, Now);

        await Read(api, Search(), concurrency: 4);

        var ends = api.Queries.Where(q => q.ContainsKey("end"))
            .Select(q => DateTimeOffset.Parse(q["end"], CultureInfo.InvariantCulture)).ToList();
        Assert.True(ends.Count > 10, $"{ends.Count} windows");
        Assert.All(ends, e => Assert.Equal(0, e.UtcTicks % TimeSpan.TicksPerSecond));
        Assert.All(ends, e => Assert.Contains(messages, m => m.At == e));
    }

    [Fact]
    public async Task Results_bunched_in_bursts_are_still_read_in_full_and_in_order()
    {
        var random = new Random(5);
        var messages = Enumerable.Range(0, 15_000).Select(i =>
        {
            // Three quarters of the mail in three short campaigns, the rest spread thin.
            var burst = i % 4 != 0;
            var at = burst
                ? Now.AddDays(-(1 + (i % 3) * 9)).AddSeconds(-random.Next(0, 1800))
                : Now.AddSeconds(-random.Next(60, 29 * 86400));
            return ($"m{i:D6}", (DateTimeOffset?)at.AddMilliseconds(random.Next(0, 1000)));
        }).ToList();
        var api = new FakeSearchApi(messages, Now);

        var sequential = await Read(api, Search(), concurrency: 1);
        var partitioned = await Read(api, Search(), concurrency: 4);

        Assert.Equal(sequential, partitioned);
    }

    [Fact]
    public async Task Office_hour_mail_takes_few_more_requests_in_windows_than_in_sequence()
    {
        // Windows sized from the density just read spill or come back part empty where office hours begin and end;
        // sized by the same hours a week later, they hold close to a page each.
        var api = new FakeSearchApi(OfficeHours(100_000, seed: 8), Now) { Latency = TimeSpan.FromMilliseconds(1) };
        var sequential = await Read(api, Search(), concurrency: 1, pageSize: 1000);
        var sequentialRequests = api.Queries.Count;
        api.Queries.Clear();

        var partitioned = await Read(api, Search(), concurrency: 4, pageSize: 1000);

        Assert.Equal(sequential, partitioned);
        Assert.True(api.Queries.Count <= sequentialRequests * 1.3,
            $"{api.Queries.Count} requests in windows against {sequentialRequests} in sequence");
    }

    [Fact]
    public async Task A_limit_stops_the_search_with_at_most_about_a_page_per_window_read_beyond_it()
    {
        var api = new FakeSearchApi(Spread(12_000, TimeSpan.FromDays(29), seed: 4), Now);
        var all = await Read(api, Search(), concurrency: 1);
        api.Queries.Clear();

        var sent = api.ResultsSent;

        var some = await Read(api, Search(), concurrency: 4, limit: 2_500);

        Assert.Equal(all.Take(2_500), some.Take(2_500));
        var beyond = api.ResultsSent - sent - 2_500;
        Assert.True(beyond <= (4 + 1) * PageSize,
            $"{beyond} results read beyond the 2,500 asked for, in pages of {PageSize} with 4 windows at once");
    }

    [Fact]
    public async Task A_slow_reader_holds_back_the_search_after_two_pages_per_window()
    {
        var api = new FakeSearchApi(Spread(12_000, TimeSpan.FromDays(29), seed: 6), Now) { Latency =
            TimeSpan.FromMilliseconds(5) };
        var client = api.Client(observer);

        await using (var pages = client.PagesAsync(Search(), PageSize, CancellationToken.None,
            TimePartitioning.MessagesByScanTime(4)).GetAsyncEnumerator())
        {
            Assert.True(await pages.MoveNextAsync());
            Assert.True(await pages.MoveNextAsync());
            await Task.Delay(500);

            // Two pages handed out; the rest may only be under way or waiting: at most two pages per window of four.
            Assert.InRange(api.Queries.Count, 3, 2 + (2 * 4));
        }
    }

    [Fact]
    public async Task Faults_on_many_windows_are_retried_and_the_result_is_still_exactly_the_sequential_one()
    {
        var messages = Spread(12_000, TimeSpan.FromDays(29), seed: 7);
        var api = new FakeSearchApi(messages, Now);
        var sequential = await Read(api, Search(), concurrency: 1);
        var faulty = new FakeSearchApi(messages, Now) { Latency = TimeSpan.FromMilliseconds(2) };
        // Faults go by request number, shared by the windows read at once; each request fails at most twice, so that
        // the way answers interleave under load cannot line up more faults on one request than its retries.
        var faultsPerQuery = new Dictionary<string, int>();
        faulty.Fault = (number, request) =>
        {
            if (number % 7 != 0 && number % 11 != 0 && number % 13 != 0)
            {
                return null;
            }

            lock (faultsPerQuery)
            {
                var query = request.RequestUri!.Query;
                faultsPerQuery[query] = faultsPerQuery.GetValueOrDefault(query) + 1;
                if (faultsPerQuery[query] > 2)
                {
                    return null;
                }
            }

            return number % 7 == 0 ? FakeSearchApi.Json(request, 429,
                    "{\"success\":false,\"errors\":[{\"code\":971,\"message\":\"Please wait\"}]}").WithRetryAfter("0")
                : number % 11 == 0 ? FakeSearchApi.Json(request, 503, "{\"success\":false,\"errors\":[]}")
                : new System.Net.Http.HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content =
                    new BrokenOffContent(Envelope(request)), RequestMessage = request };
        };

        var partitioned = await Read(faulty, Search(), concurrency: 4);

        Assert.Equal(sequential, partitioned);
        Assert.True(faulty.Queries.Count > 13, "faults should have been met");
    }

    [Fact]
    public async Task A_window_that_fails_for_good_ends_the_search_after_exactly_the_results_before_it()
    {
        var messages = Spread(12_000, TimeSpan.FromDays(29), seed: 8);
        var sequential = await Read(new FakeSearchApi(messages, Now), Search(), concurrency: 1);
        var api = new FakeSearchApi(messages, Now);
        var failing = new HashSet<string>();
        api.Fault = (number, request) =>
        {
            // The fourth window asked for fails on every attempt.
            var query = request.RequestUri!.Query;
            lock (failing)
            {
                if (failing.Count == 0 && number > 4 && query.Contains("end=", StringComparison.Ordinal)
                    && !query.Contains("cursor=", StringComparison.Ordinal))
                {
                    failing.Add(query);
                }

                return failing.Contains(query) ? FakeSearchApi.Json(request, 503,
                    "{\"success\":false,\"errors\":[{\"code\":1000,\"message\":\"down\"}]}") : null;
            }
        };
        var ids = new List<string>();

        var error = await Assert.ThrowsAsync<EsApiException>(() => Read(api, Search(), concurrency: 4, into: ids));

        Assert.Contains("down", error.Message);
        Assert.NotEmpty(ids);
        Assert.Equal(sequential.Take(ids.Count), ids);
        Assert.True(ids.Count < sequential.Count);
    }

    [Theory]
    [InlineData("metric", "the results are aggregated by metric")]
    [InlineData("no total", "the API did not say how many results there are")]
    [InlineData("short", "the rest takes 5 page(s)")]
    [InlineData("one at a time", "one request at a time was asked for (-ThrottleLimit 1)")]
    public async Task A_search_that_cannot_be_partitioned_is_walked_in_sequence_and_says_why(string kind, string why)
    {
        var messages = Spread(kind == "short" ? 6 * PageSize : 12_000, TimeSpan.FromDays(29), seed: 9);
        var api = new FakeSearchApi(messages, Now) { WithoutTotal = kind == "no total" };
        var search = Search();
        if (kind == "metric")
        {
            search.WithQuery("metric", "spoof");
        }

        var ids = await Read(api, search, concurrency: kind == "one at a time" ? 1 : 4);

        Assert.Equal(api.AllIds(), ids);
        Assert.Equal(1, api.MostAtOnce);
        Assert.Contains(observer.Verbose,
            v => v.Contains("reading them one page after another: " + why, StringComparison.Ordinal));
        Assert.DoesNotContain(api.Queries, q => q.ContainsKey("end"));
    }

    [Fact]
    public async Task A_partitioned_search_says_so_once()
    {
        var api = new FakeSearchApi(Spread(12_000, TimeSpan.FromDays(29), seed: 10), Now);

        await Read(api, Search(), concurrency: 4);

        var said = Assert.Single(observer.Verbose, v => v.Contains("time windows", StringComparison.Ordinal));
        Assert.Contains("12,000 results; reading the", said);
        Assert.Contains("4 requests at a time (-ThrottleLimit)", said);
    }

    [Fact]
    public async Task Pages_capped_below_what_was_asked_are_windowed_by_what_the_API_sends()
    {
        var messages = Spread(6_000, TimeSpan.FromDays(29), seed: 11);
        var api = new FakeSearchApi(messages, Now) { PageCap = 150, Latency = TimeSpan.FromMilliseconds(1) };

        var ids = await Read(api, Search(), concurrency: 4);

        Assert.Equal(api.AllIds(), ids);
        Assert.True(api.MostAtOnce > 1);
    }

    [Fact]
    public async Task A_window_whose_cursor_leads_back_to_its_page_stops_the_search_before_that_page_is_written_again()
    {
        var messages = Spread(12_000, TimeSpan.FromDays(29), seed: 12);
        var sequential = await Read(new FakeSearchApi(messages, Now), Search(), concurrency: 1);
        var api = new FakeSearchApi(messages, Now);
        string? looping = null;
        api.Fault = (number, request) =>
        {
            lock (api)
            {
                if (request.RequestUri!.Query.Contains("cursor=loop", StringComparison.Ordinal))
                {
                    return FakeSearchApi.Json(request, 200, looping!);
                }

                if (looping != null || number == 1 || !IsWindowStart(request) || ReachesBelowItsStart(api, request))
                {
                    return null;
                }

                // One more result than the page holds, and a cursor to it that leads back to this page.
                var body = Body(api.Answer(request));
                var altered = Regex.Replace(body, "\"total_count\":(\\d+),\"next\":null", m =>
                    $"\"total_count\":{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1},\"next\":\"loop\"");
                if (altered == body)
                {
                    return null; // a window of more than a page
                }

                looping = altered;
                return FakeSearchApi.Json(request, 200, looping);
            }
        };
        var ids = new List<string>();

        var error = await Assert.ThrowsAsync<EsApiException>(() => Read(api, Search(), concurrency: 4, into: ids));

        Assert.Equal(EsFailureKind.PagingLoop, error.Kind);
        Assert.Contains("holds exactly the results of a page already read", error.Message);
        Assert.NotNull(looping);
        Assert.Equal(sequential.Take(ids.Count), ids);
        Assert.True(ids.Count < sequential.Count);
    }

    [Fact]
    public async Task A_full_window_page_without_result_info_is_said_once_and_nothing_is_written_twice()
    {
        var messages = Spread(12_000, TimeSpan.FromDays(29), seed: 13);
        var sequential = await Read(new FakeSearchApi(messages, Now), Search(), concurrency: 1);
        var api = new FakeSearchApi(messages, Now);
        var stripped = 0;
        api.Fault = (number, request) =>
        {
            if (number == 1 || !IsWindowStart(request) || TotalOf(api.Answer(request)) >= PageSize
                || Interlocked.CompareExchange(ref stripped, 1, 0) != 0)
            {
                return null;
            }

            // A window that fits in a page, asked without its start: a full page from its end down, without
            // result_info.
            var withoutStart = Regex.Replace(request.RequestUri!.AbsoluteUri, "&start=[^&]*", string.Empty);
            var unbounded = new System.Net.Http.HttpRequestMessage(request.Method, withoutStart);
            var body = Regex.Replace(Body(api.Answer(unbounded)), ",\"result_info\":\\{[^}]*\\}", string.Empty);
            return FakeSearchApi.Json(request, 200, body);
        };

        var ids = await Read(api, Search(), concurrency: 4);

        Assert.Equal(1, stripped);
        Assert.Contains("came without result_info", Assert.Single(observer.Warnings));
        Assert.Equal(sequential, ids);
    }

    [Fact]
    public async Task A_field_tolerated_on_every_page_of_windows_read_at_once_is_said_once()
    {
        var api = new FakeSearchApi(Spread(12_000, TimeSpan.FromDays(29), seed: 14), Now)
        {
            ExtraFields = "\"is_quarantined\":\"maybe\"",
            Latency = TimeSpan.FromMilliseconds(1),
        };

        var ids = await Read(api, Search(), concurrency: 4);

        Assert.Equal(api.AllIds(), ids);
        Assert.True(api.MostAtOnce > 1);
        Assert.Contains("'is_quarantined' of Message", Assert.Single(observer.Warnings));
    }

    private const int PageSize = 200;

    private static ApiRequest Search() => ApiCatalog.Investigate.List.Request();

    private Task<List<string>> Read(
        FakeSearchApi api,
        ApiRequest search,
        int concurrency,
        long limit = long.MaxValue,
        List<string>? into = null,
        int pageSize = PageSize) =>
        Read(api.Client(observer), search, concurrency, limit, into ?? new List<string>(), pageSize);

    private static async Task<List<string>> Read(
        EsApiClient client,
        ApiRequest search,
        int concurrency,
        long limit,
        List<string> ids,
        int pageSize = PageSize)
    {
        var partitioning = TimePartitioning.MessagesByScanTime(concurrency);
        await foreach (var page in client.PagesAsync(search, pageSize, CancellationToken.None, partitioning, limit))
        {
            ids.AddRange(page.Items.Select(m => m.Id));
            if (ids.Count >= limit)
            {
                break;
            }
        }

        return ids;
    }

    /// <summary>Messages at random times with milliseconds, a few sharing their time to the millisecond.</summary>
    private static List<(string Id, DateTimeOffset? At)> Spread(int count, TimeSpan over, int seed)
    {
        var random = new Random(seed);
        var messages = new List<(string, DateTimeOffset?)>(count);
        for (var i = 0; i < count; i++)
        {
            var at = i % 50 == 1
                ? messages[i - 1].Item2!.Value
                : Now.AddMilliseconds(-60_000 - (random.NextDouble() * (over.TotalMilliseconds - 60_000)));
            messages.Add(($"m{i:D6}",
                new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero)));
        }

        return messages;
    }

    /// <summary>
    /// Messages as office mail arrives: weekdays 8:00-18:00 UTC twenty times as dense as weekends, nights in between.
    /// </summary>
    private static List<(string Id, DateTimeOffset? At)> OfficeHours(int count, int seed)
    {
        var random = new Random(seed);
        var messages = new List<(string, DateTimeOffset?)>(count);
        while (messages.Count < count)
        {
            var at = Now.AddMilliseconds(-60_000 - (random.NextDouble() * TimeSpan.FromDays(29).TotalMilliseconds));
            var weight = at.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.05
                : at.Hour is >= 8 and < 18 ? 1.0
                : 0.15;
            if (random.NextDouble() < weight)
            {
                messages.Add(($"o{messages.Count:D6}",
                    new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero)));
            }
        }

        return messages;
    }

    /// <summary>
    /// Three messages in every second: one exactly on it, one in the middle, one a millisecond before the next.
    /// </summary>
    private static List<(string Id, DateTimeOffset? At)> OnEveryEdge(TimeSpan over)
    {
        var messages = new List<(string, DateTimeOffset?)>();
        var first = Now.AddMinutes(-5) - over;
        for (var second = 0; second < over.TotalSeconds; second++)
        {
            var at = first.AddSeconds(second);
            messages.Add(($"e{second:D6}a", at));
            messages.Add(($"e{second:D6}b", at.AddMilliseconds(500)));
            messages.Add(($"e{second:D6}c", at.AddMilliseconds(999)));
        }

        return messages;
    }

    private static DateTimeOffset Whole(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    /// <summary>
    /// The first request of a window with both edges (not the whole search's, not the oldest window's).
    /// </summary>
    private static bool IsWindowStart(System.Net.Http.HttpRequestMessage request)
    {
        var query = request.RequestUri!.Query;
        return query.Contains("start=", StringComparison.Ordinal) && query.Contains("end=", StringComparison.Ordinal)
            && !query.Contains("cursor=", StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether the window's page holds a result of its second of overlap below its start (which ends it).
    /// </summary>
    private static bool ReachesBelowItsStart(FakeSearchApi api, System.Net.Http.HttpRequestMessage request)
    {
        var start = Regex.Match(request.RequestUri!.Query, "start=([^&]*)").Groups[1].Value;
        var from = DateTimeOffset.Parse(Uri.UnescapeDataString(start), CultureInfo.InvariantCulture).AddSeconds(1);
        using var page = JsonDocument.Parse(Body(api.Answer(request)));
        var results = page.RootElement.GetProperty("result").EnumerateArray();
        return results.Any(m => m.GetProperty("scanned_at").GetDateTimeOffset() < from);
    }

    private static int TotalOf(System.Net.Http.HttpResponseMessage response)
    {
        using var page = JsonDocument.Parse(Body(response));
        return page.RootElement.GetProperty("result_info").GetProperty("total_count").GetInt32();
    }

    private static string Body(System.Net.Http.HttpResponseMessage response) =>
        response.Content.ReadAsStringAsync().GetAwaiter().GetResult();

    /// <summary>The body the API would send for this request (its page), for a fault that breaks it off.</summary>
    private static string Envelope(System.Net.Http.HttpRequestMessage request) =>
        "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[" + string.Join(",", Enumerable.Range(0, 100)
            .Select(i => $"{{\"id\":\"x{i}\",\"scanned_at\":\"2026-11-01T00:00:00Z\"}}")) + "]}";
}

internal static class ResponseExtensions
{
    public static System.Net.Http.HttpResponseMessage WithRetryAfter(
        this System.Net.Http.HttpResponseMessage response,
        string value)
    {
        response.Headers.TryAddWithoutValidation("Retry-After", value);
        return response;
    }
}
