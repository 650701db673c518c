using System.Net;
using System.Net.Http;
using EmailSecurity.Client;
using EmailSecurity.Client.Http;
using EmailSecurity.Models;

namespace EmailSecurity.Tests.Core;

/// <summary>
/// Every wait of the REST core (Retry-After, back-off, the rate budget, 202 polling) speaks when long, counts toward
/// the connection's MaxWait, is not started past it, and ends at once on cancellation. Waits are recorded, not spent:
/// the clock moves by exactly the waits taken.
/// </summary>
public sealed class WaitTests
{
    private static readonly ApiRequest Search = ApiCatalog.Investigate.List.Request();
    private const string RateLimitedBody = "{\"success\":false,\"errors\":[{\"code\":971,\"message\":\"Please wait " +
        "and consider throttling your request speed\"}]}";

    private readonly List<TimeSpan> waits = new();
    private readonly ScriptedNetwork network = new();
    private readonly RecordingObserver observer = new();
    private readonly RetryPolicy policy;
    private readonly EsConnection connection;
    private DateTimeOffset now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public WaitTests()
    {
        policy = new RetryPolicy
        {
            Delay = (delay, token) =>
            {
                waits.Add(delay);
                now += delay;
                return Task.CompletedTask;
            },
            Clock = () => now,
        };

        // A credential of this test's own: the rate budget is shared by every request with the same one.
        connection = ScriptedNetwork.Connection(token: Guid.NewGuid().ToString("N"));
    }

    private EsApiClient Client => network.Client(observer, connection, policy);

    private Task<EsApiException> Failure(ApiRequest request) =>
        Assert.ThrowsAsync<EsApiException>(() => Client.SendAsync<List<Message>>(request, CancellationToken.None));

    [Fact]
    public async Task A_long_Retry_After_wait_is_a_warning_that_says_how_long_and_why()
    {
        network.Answer(429, RateLimitedBody, ("Retry-After", "300"));
        network.Answer(200, ScriptedNetwork.Envelope("[]"));

        await Client.SendAsync<List<Message>>(Search, CancellationToken.None);

        Assert.Equal(new[] { TimeSpan.FromSeconds(300) }, waits);
        var warning = Assert.Single(observer.Warnings);
        Assert.Contains("rate limited (429); retry 1 of 4 as the API's Retry-After asks. Waiting 300 s; one request " +
            "waits at most 600 s in all (Connect-EsAccount -MaxWaitSec). Ctrl+C stops.", warning);
        Assert.StartsWith("GET https://api.example.test/client/v4/accounts/acct/email-security/investigate", warning);
    }

    [Fact]
    public async Task A_short_wait_shows_only_in_verbose()
    {
        network.Answer(429, RateLimitedBody, ("Retry-After", "2"));
        network.Answer(200, ScriptedNetwork.Envelope("[]"));

        await Client.SendAsync<List<Message>>(Search, CancellationToken.None);

        Assert.Empty(observer.Warnings);
        Assert.Contains(observer.Verbose,
            v => v.Contains("rate limited (429)") && v.EndsWith("Waiting 2 s.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_waits_of_one_request_are_capped_in_all_and_the_error_says_so()
    {
        for (var i = 0; i < 4; i++)
        {
            network.Answer(429, RateLimitedBody, ("Retry-After", "300"));
        }

        var error = await Failure(Search);

        Assert.Equal(new[] { TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(300) }, waits);
        Assert.Equal(3, network.Requests.Count);
        Assert.Equal(EsFailureKind.RateLimited, error.Kind);
        Assert.StartsWith(
            "Please wait and consider throttling your request speed (code 971). Not retried: waiting 300 s more " +
            "after 600 s already would pass the 600 s one request may wait in all (Connect-EsAccount -MaxWaitSec). " +
            "[GET /investigate, HTTP 429",
            error.Message);
    }

    [Fact]
    public async Task A_lower_MaxWait_refuses_a_wait_longer_than_it_at_once()
    {
        connection.MaxWait = TimeSpan.FromSeconds(30);
        network.Answer(429, RateLimitedBody, ("Retry-After", "45"));

        var error = await Failure(Search);

        Assert.Empty(waits);
        Assert.Single(network.Requests);
        Assert.Contains("Not retried: waiting 45 s more would pass the 30 s one request may wait in all " +
            "(Connect-EsAccount -MaxWaitSec)", error.Message);
    }

    [Theory]
    [InlineData("99999999999")]
    [InlineData("1e300")]
    [InlineData("Infinity")]
    [InlineData("Fri, 31 Dec 9999 23:59:59 GMT")]
    public async Task An_absurd_Retry_After_is_a_clear_rate_limit_error_not_an_overflow(string retryAfter)
    {
        network.Answer(429, RateLimitedBody, ("Retry-After", retryAfter));

        var error = await Failure(Search);

        Assert.Empty(waits);
        Assert.Single(network.Requests);
        Assert.Equal(EsFailureKind.RateLimited, error.Kind);
        Assert.Contains($"The API asked to wait before trying again (Retry-After: {retryAfter}), longer than the 300 " +
            "s this module waits for one answer; not retried", error.Message);
    }

    [Fact]
    public async Task Polling_a_202_says_once_what_it_waits_for_and_stops_at_the_wait_limit()
    {
        connection.MaxWait = TimeSpan.FromSeconds(10);
        for (var i = 0; i < 5; i++)
        {
            network.Answer(202, "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":null}",
                ("Location", "/client/v4/poll/42"), ("Retry-After", "3"));
        }

        var error = await Failure(Search);

        Assert.Equal(Enumerable.Repeat(TimeSpan.FromSeconds(3), 3), waits);
        Assert.Equal(4, network.Requests.Count);
        Assert.Equal(EsFailureKind.StillWorking, error.Kind);
        Assert.Equal((HttpStatusCode)202, error.StatusCode);
        Assert.Equal(
            "The API accepted the request (202) but was still preparing its result after 9 s of polling: waiting 3 s " +
            "more after 9 s already would pass the 10 s one request may wait in all (Connect-EsAccount -MaxWaitSec). " +
            "Nothing was changed. [GET /investigate]",
            error.Message);
        Assert.Equal(
            "GET /investigate: the API accepted the request and is still preparing its result (202 Accepted). " +
            "Polling /client/v4/poll/42 as it asks, for up to 10 s of waiting in all (Connect-EsAccount " +
            "-MaxWaitSec). Ctrl+C stops.",
            Assert.Single(observer.Warnings));
    }

    [Fact]
    public async Task A_rate_budget_wait_past_the_limit_is_not_started_and_nothing_is_sent()
    {
        network.Answer(200, ScriptedNetwork.Envelope("[]"), ("Ratelimit-Policy", "\"default\";q=10;w=3600"),
            ("Ratelimit", "\"default\";r=0;t=3600"));
        await Client.SendAsync<List<Message>>(Search, CancellationToken.None);

        var error = await Failure(Search);

        Assert.Empty(waits);
        Assert.Single(network.Requests);
        Assert.Equal(EsFailureKind.RateLimited, error.Kind);
        Assert.Null(error.StatusCode);
        Assert.Equal(
            "Not sent: the request budget of this credential is spent (the API reported its remaining budget nearly " +
            "spent), and waiting 3600 s more would pass the 600 s one request may wait in all (Connect-EsAccount " +
            "-MaxWaitSec). [GET /investigate]",
            error.Message);
    }

    [Fact]
    public async Task A_long_rate_budget_wait_is_a_warning()
    {
        network.Answer(200, ScriptedNetwork.Envelope("[]"), ("Ratelimit-Policy", "\"default\";q=10;w=60"),
            ("Ratelimit", "\"default\";r=0;t=60"));
        network.Answer(200, ScriptedNetwork.Envelope("[]"));
        await Client.SendAsync<List<Message>>(Search, CancellationToken.None);

        await Client.SendAsync<List<Message>>(Search, CancellationToken.None);

        Assert.Equal(new[] { TimeSpan.FromSeconds(60) }, waits);
        var warning = Assert.Single(observer.Warnings);
        Assert.StartsWith(
            "Rate budget: the API reported its remaining budget nearly spent; GET https://api.example.test/", warning);
        Assert.Contains("Waiting 60 s; one request waits at most 600 s in all", warning);
    }

    [Fact]
    public async Task A_read_that_keeps_timing_out_says_timed_out_after_N_s()
    {
        connection.RequestTimeout = TimeSpan.FromMilliseconds(50);
        for (var i = 0; i <= policy.MaxRetries; i++)
        {
            network.Hang();
        }

        var error = await Failure(Search);

        Assert.Equal(5, network.Requests.Count);
        Assert.Null(error.StatusCode);
        Assert.False(error.MayHaveBeenProcessed);
        Assert.Equal("No answer from the API: timed out after 0.05 s (Connect-EsAccount -TimeoutSec) on each of 5 " +
            "attempts [GET /investigate]", error.Message);
    }

    [Fact]
    public async Task A_change_that_times_out_says_so_and_is_not_sent_again()
    {
        connection.RequestTimeout = TimeSpan.FromMilliseconds(50);
        network.Hang();

        var error = await Assert.ThrowsAsync<EsApiException>(() =>
            Client.SendAsync<List<MessageMoveResult>>(ScriptedNetwork.MoveToInbox(), CancellationToken.None));

        Assert.Single(network.Requests);
        Assert.True(error.MayHaveBeenProcessed);
        Assert.Equal("No answer from the API; the request may have been carried out and was not sent again: timed " +
            "out after 0.05 s (Connect-EsAccount -TimeoutSec) [POST /investigate/move]", error.Message);
    }

    [Fact]
    public async Task A_body_that_stops_arriving_times_out_with_its_attempt_and_the_read_is_retried()
    {
        // The body is parsed within the attempt: a first parse (JIT) must not eat the short time limit below.
        network.Answer(200, ScriptedNetwork.Envelope("[{\"id\":\"warm\"}]"));
        await Client.SendAsync<List<Message>>(Search, CancellationToken.None);
        connection.RequestTimeout = TimeSpan.FromMilliseconds(100);
        network.Answer(200, new StalledContent());
        network.Answer(200, ScriptedNetwork.Envelope("[{\"id\":\"a\"}]"));

        var answer = await Client.SendAsync<List<Message>>(Search, CancellationToken.None);

        Assert.Equal("a", Assert.Single(answer.Result).Id);
        Assert.Equal(3, network.Requests.Count);
        Assert.Contains(observer.Verbose, v => v.Contains("timed out; retry 1 of 4."));
    }

    public static TheoryData<string> WaitKinds() =>
        new() { "Retry-After", "back-off after a 503", "202 poll", "rate budget" };

    [Theory]
    [MemberData(nameof(WaitKinds))]
    public async Task Cancellation_ends_every_kind_of_wait_at_once(string kind)
    {
        switch (kind)
        {
            case "Retry-After":
                network.Answer(429, RateLimitedBody, ("Retry-After", "60"));
                break;
            case "back-off after a 503":
                network.Answer(503, "{\"success\":false,\"errors\":[]}");
                break;
            case "202 poll":
                network.Answer(202, "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":null}",
                    ("Location", "/client/v4/poll/1"), ("Retry-After", "20"));
                break;
            case "rate budget":
                network.Answer(200, ScriptedNetwork.Envelope("[]"), ("Ratelimit-Policy", "\"default\";q=10;w=60"),
                    ("Ratelimit", "\"default\";r=0;t=60"));
                await Client.SendAsync<List<Message>>(Search, CancellationToken.None);
                break;
        }

        policy.Delay = (delay, token) => Task.Delay(Timeout.InfiniteTimeSpan, token);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Client.SendAsync<List<Message>>(Search, cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    /// <summary>A body whose headers arrived but whose bytes never do.</summary>
    private sealed class StalledContent : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously).Task;

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
