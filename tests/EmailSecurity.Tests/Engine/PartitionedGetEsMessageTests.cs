using System.Globalization;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

/// <summary>
/// Get-EsMessage reading a long search in time windows against the emulator writes exactly what -ThrottleLimit 1
/// (one page after another, the SDKs' way) writes: the same messages in the same order, with -First and -Skip,
/// with messages on every window edge, under 5xx, dropped connections and a rate limit; a window that fails for good
/// ends the output with an error after exactly the messages before it.
/// </summary>
[Collection("Emulator")]
public sealed class PartitionedGetEsMessageTests : ModuleTest
{
    private const string Search = "Get-EsMessage -PageSize 100";

    public PartitionedGetEsMessageTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Theory]
    [InlineData(ApiVersionNames.Seed)]
    [InlineData(ApiVersionNames.V2026_10)]
    public void A_long_search_is_read_in_windows_and_writes_exactly_what_the_page_by_page_walk_writes(string apiVersion)
    {
        var (session, account) = Connected(messages: 3_000, apiVersion: apiVersion);
        var sequential = Ids(session.Run(Search + " -ThrottleLimit 1"));
        account.ClearRequests();

        var result = session.Run(Search + " -Verbose");

        result.ShouldSucceed();
        Assert.Equal(3_000, sequential.Count);
        Assert.Equal(sequential, Ids(result));
        Assert.Contains(result.Verbose, v => v.Message.Contains(
            "3,000 results; reading the 29 page(s) after the first in time windows, 4 requests at a time"));
        var windows = account.Requests().Where(r => r.QueryParameters.ContainsKey("end")).ToList();
        Assert.True(windows.Count > 20, $"{windows.Count} window requests");
    }

    [Fact]
    public void Messages_exactly_on_every_window_edge_are_written_once_and_in_order()
    {
        var (session, account) = Connected();
        account.Reset(messages: 3_000, seed: 3, spanSeconds: 300);
        var sequential = Ids(session.Run(Search + " -ThrottleLimit 1"));
        var scanned =
            session.Run(Search + " -ThrottleLimit 1").Objects<Message>().Select(m => m.ScannedAt!.Value).ToHashSet();
        account.ClearRequests();

        var partitioned = Ids(session.Run(Search));

        Assert.Equal(sequential, partitioned);
        var edges = account.Requests().Where(r => r.QueryParameters.ContainsKey("end"))
            .Select(r => DateTimeOffset.Parse(r.QueryParameters["end"], CultureInfo.InvariantCulture)).Distinct()
            .ToList();
        Assert.True(edges.Count > 20, $"{edges.Count} edges");
        Assert.True(edges.Count(scanned.Contains) >= edges.Count - 1,
            "nearly every edge should fall on a second that holds messages");
    }

    [Theory]
    [InlineData("-First 1234")]
    [InlineData("-Skip 777")]
    [InlineData("-Skip 450 -First 1200")]
    [InlineData("-Start $from -End $to")]
    public void First_Skip_and_a_date_range_give_the_same_messages_as_the_page_by_page_walk(string paging)
    {
        var (session, account) = Connected(messages: 3_000);
        var all = session.Run(Search + " -ThrottleLimit 1").Objects<Message>();
        session.SetVariable("from", all[2_500].ScannedAt!.Value);
        session.SetVariable("to", all[200].ScannedAt!.Value);
        account.ClearRequests();
        var sequential = Ids(session.Run($"{Search} {paging} -ThrottleLimit 1"));
        var sequentialRequests = account.Requests().Count;
        account.ClearRequests();

        var partitioned = Ids(session.Run($"{Search} {paging}"));

        Assert.NotEmpty(sequential);
        Assert.Equal(sequential, partitioned);
        Assert.Contains(account.Requests(), r => r.QueryParameters.ContainsKey("end") && r.QueryParameters[
            "end"] != all[200].ScannedAt!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Assert.True(account.Requests().Count <= 2 * sequentialRequests,
            $"{account.Requests().Count} requests in windows, {sequentialRequests} page by page");
    }

    [Fact]
    public void Server_errors_dropped_connections_429s_and_a_rate_limit_change_nothing_in_the_output()
    {
        var (session, account) = Connected(messages: 3_000);
        var sequential = Ids(session.Run(Search + " -ThrottleLimit 1"));
        account.ClearRequests();
        // Four faults at most on any one request: each is retried (up to four times) and the search goes on.
        account.SetFaults(
            new FaultRule("status") { Path = "/investigate", Status = 503, RetryAfter = "0", Skip = 3 },
            new FaultRule("status") { Path = "/investigate", Status = 429, RetryAfter = "0", Skip = 6 },
            new FaultRule("dropMidBody") { Path = "/investigate", Skip = 9 },
            new FaultRule("status") { Path = "/investigate", Status = 502, RetryAfter = "0", Skip = 12 });
        account.SetRateLimit(limit: 20, windowSeconds: 1);

        var result = session.Run(Search);

        result.ShouldSucceed();
        Assert.Equal(sequential, Ids(result));
        var requests = account.Requests();
        Assert.Equal(new[] { 429, 502, 503 },
            requests.Where(r => r.Outcome == "fault:status").Select(r => r.Status).Order());
        Assert.Single(requests, r => r.Outcome == "fault:dropMidBody");
    }

    [Fact]
    public void A_window_that_fails_for_good_ends_the_output_after_exactly_the_messages_before_it()
    {
        var (session, account) = Connected(messages: 3_000);
        var sequential = Ids(session.Run(Search + " -ThrottleLimit 1"));
        account.SetFaults(
            new FaultRule("status") { Path = "/investigate", Status = 503, RetryAfter = "0", Skip = 8, Times = 0 });

        var result = session.Run(Search);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsApiServerError", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        var written = Ids(result);
        Assert.NotEmpty(written);
        Assert.True(written.Count < sequential.Count);
        Assert.Equal(sequential.Take(written.Count), written);
    }

    [Fact]
    public void One_request_at_a_time_or_an_aggregated_search_is_walked_page_by_page_and_says_why()
    {
        var (session, account) = Connected(messages: 3_000);

        var one = session.Run(Search + " -ThrottleLimit 1 -Verbose");
        var metric = session.Run(Search + " -Metric spoof -Verbose");

        Assert.Contains(one.Verbose, v => v.Message.EndsWith("reading them one page after another: one request at a " +
            "time was asked for (-ThrottleLimit 1).", StringComparison.Ordinal));
        Assert.Contains(metric.Verbose, v => v.Message.EndsWith(
            "reading them one page after another: the results are aggregated by metric.", StringComparison.Ordinal));
        Assert.DoesNotContain(account.Requests(), r => r.QueryParameters.ContainsKey("end"));
    }

    private static List<string> Ids(EngineResult result) => result.Objects<Message>().Select(m => m.Id).ToList();
}
