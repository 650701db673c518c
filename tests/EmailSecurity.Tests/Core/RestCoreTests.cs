using System.Net;
using System.Net.Http;
using System.Text;
using EmailSecurity.Client;
using EmailSecurity.Client.Http;
using EmailSecurity.Models;

namespace EmailSecurity.Tests.Core;

/// <summary>
/// The REST core alone, over a scripted network handler: retries, waits, paging guards, cancellation.
/// </summary>
public sealed class RestCoreTests
{
    private readonly List<TimeSpan> waits = new();
    private readonly ScriptedNetwork network = new();
    private readonly RetryPolicy policy;
    private readonly EsApiClient client;

    public RestCoreTests()
    {
        policy = new RetryPolicy
        {
            Delay = (delay, token) =>
            {
                waits.Add(delay);
                return Task.CompletedTask;
            },
            Clock = () => new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero),
        };
        client = network.Client(policy: policy);
    }

    [Fact]
    public async Task Retry_After_in_seconds_is_waited_exactly()
    {
        network.Answer(429, "{}", ("Retry-After", "7"));
        network.Answer(200, Envelope("[]"));

        await client.SendAsync<List<Message>>(ApiCatalog.Investigate.List.Request(), CancellationToken.None);

        Assert.Equal(new[] { TimeSpan.FromSeconds(7) }, waits);
        Assert.Equal(2, network.Requests.Count);
    }

    [Fact]
    public async Task Retry_After_as_a_date_is_waited_until_that_date()
    {
        network.Answer(429, "{}", ("Retry-After", "Tue, 24 Nov 2026 12:00:30 GMT"));
        network.Answer(200, Envelope("[]"));

        await client.SendAsync<List<Message>>(ApiCatalog.Investigate.List.Request(), CancellationToken.None);

        Assert.Equal(new[] { TimeSpan.FromSeconds(30) }, waits);
    }

    [Fact]
    public async Task A_wait_longer_than_the_limit_is_not_taken_and_the_429_is_reported()
    {
        network.Answer(429, "{\"success\":false,\"errors\":[{\"code\":971,\"message\":\"Please wait and consider " +
            "throttling your request speed\"}]}", ("Retry-After", "3600"));

        var error = await Assert.ThrowsAsync<EsApiException>(
            () => client.SendAsync<List<Message>>(ApiCatalog.Investigate.List.Request(), CancellationToken.None));

        Assert.Equal(EsFailureKind.RateLimited, error.Kind);
        Assert.Contains("throttling", error.Message);
        Assert.Empty(waits);
    }

    [Fact]
    public async Task Server_errors_on_reads_are_retried_a_bounded_number_of_times_with_growing_waits()
    {
        for (var i = 0; i < 10; i++)
        {
            network.Answer(503, "{\"success\":false,\"errors\":[]}");
        }

        var error = await Assert.ThrowsAsync<EsApiException>(
            () => client.SendAsync<List<Message>>(ApiCatalog.Investigate.List.Request(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(policy.MaxRetries + 1, network.Requests.Count);
        Assert.Equal(policy.MaxRetries, waits.Count);
        Assert.True(waits[3] > waits[0]);
    }

    [Fact]
    public async Task A_server_error_on_a_post_is_not_retried_and_says_it_may_have_been_carried_out()
    {
        network.Answer(503, "{\"success\":false,\"errors\":[{\"code\":10500,\"message\":\"upstream unavailable\"}]}");

        var error = await Assert.ThrowsAsync<EsApiException>(
            () => client.SendAsync<List<MessageMoveResult>>(ScriptedNetwork.MoveToInbox(), CancellationToken.None));

        Assert.Single(network.Requests);
        Assert.True(error.MayHaveBeenProcessed);
        Assert.Contains("may have been carried out", error.Message);
        Assert.Contains("upstream unavailable (code 10500)", error.Message);
    }

    [Fact]
    public async Task A_transport_failure_on_a_post_is_not_retried()
    {
        network.Fail(new HttpRequestException("connection reset"));

        var error = await Assert.ThrowsAsync<EsApiException>(
            () => client.SendAsync<List<MessageMoveResult>>(ScriptedNetwork.MoveToInbox(), CancellationToken.None));

        Assert.Single(network.Requests);
        Assert.Null(error.StatusCode);
        Assert.True(error.MayHaveBeenProcessed);
    }

    [Theory]
    [InlineData("{\"success\":true,\"errors\":[],\"result\":[{\"message_id\":", "not valid JSON")]
    [InlineData("", "an empty body")]
    [InlineData("[{\"message_id\":\"m-1\",\"success\":true}]", "JSON of an unexpected shape")]
    [InlineData("{\"result\":[{\"message_id\":\"m-1\"}]}", "not its answer envelope")]
    public async Task A_change_answered_2xx_with_a_body_it_cannot_read_may_have_been_carried_out_and_is_not_sent_again(
        string body,
        string said)
    {
        network.Answer(200, body);
        network.Answer(200, body);

        var change = await Assert.ThrowsAsync<EsApiException>(
            () => client.SendAsync<List<MessageMoveResult>>(ScriptedNetwork.MoveToInbox(), CancellationToken.None));
        var read = await Assert.ThrowsAsync<EsApiException>(() => client.SendAsync<List<MessageMoveResult>>(
            ApiCatalog.Investigate.List.Request(), CancellationToken.None));

        Assert.Equal(2, network.Requests.Count);
        Assert.Equal((EsFailureKind.BadResponse, true), (change.Kind, change.MayHaveBeenProcessed));
        Assert.Contains(said, change.Message);
        Assert.Contains("may have been carried out; it was not sent again", change.Message);
        Assert.Equal((EsFailureKind.BadResponse, false), (read.Kind, read.MayHaveBeenProcessed));
        Assert.DoesNotContain("carried out", read.Message);
    }

    [Fact]
    public async Task A_read_that_keeps_failing_does_not_say_it_may_have_been_carried_out()
    {
        for (var attempt = 0; attempt <= policy.MaxRetries; attempt++)
        {
            network.Answer(503,
                "{\"success\":false,\"errors\":[{\"code\":10500,\"message\":\"upstream unavailable\"}]}");
        }

        var error = await Assert.ThrowsAsync<EsApiException>(
            () => client.SendAsync<List<Message>>(ApiCatalog.Investigate.List.Request(), CancellationToken.None));

        Assert.Equal(policy.MaxRetries + 1, network.Requests.Count);
        Assert.Equal(EsFailureKind.Ambiguous, error.Kind);
        Assert.False(error.MayHaveBeenProcessed);
    }

    [Fact]
    public async Task A_transport_failure_on_a_read_is_retried()
    {
        network.Fail(new HttpRequestException("connection reset"));
        network.Answer(200, Envelope("[]"));

        await client.SendAsync<List<Message>>(ApiCatalog.Investigate.List.Request(), CancellationToken.None);

        Assert.Equal(2, network.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_ends_a_wait_at_once()
    {
        policy.Delay = (delay, token) => Task.Delay(Timeout.InfiniteTimeSpan, token);
        network.Answer(429, "{}", ("Retry-After", "60"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.SendAsync<List<Message>>(ApiCatalog.Investigate.List.Request(), cancel.Token));
    }

    [Fact]
    public async Task Page_numbers_stop_at_the_total_count()
    {
        network.Answer(200,
            Envelope("[{\"id\":\"a\"},{\"id\":\"b\"}]", "{\"page\":1,\"per_page\":2,\"count\":2,\"total_count\":3}"));
        network.Answer(200, Envelope("[{\"id\":\"c\"}]", "{\"page\":2,\"per_page\":2,\"count\":1,\"total_count\":3}"));

        var ids = new List<string>();
        await foreach (var page in client.PagesAsync<Message>(ApiCatalog.CollectionOf<AllowPolicy>().List.Request(), 2,
            CancellationToken.None))
        {
            ids.AddRange(page.Items.Select(m => m.Id));
        }

        Assert.Equal(new[] { "a", "b", "c" }, ids);
        Assert.Equal(new[] { "page=1", "page=2" }, network.Requests.Select(r => r.RequestUri!.Query.Split('&')
            .Single(p => p.Contains("page=") && !p.Contains("per_page")).TrimStart('?')));
    }

    [Fact]
    public async Task A_page_that_comes_back_for_another_page_number_stops_paging()
    {
        network.Answer(200,
            Envelope("[{\"id\":\"a\"},{\"id\":\"b\"}]", "{\"page\":1,\"per_page\":2,\"count\":2,\"total_count\":10}"));
        network.Answer(200,
            Envelope("[{\"id\":\"a\"},{\"id\":\"b\"}]", "{\"page\":1,\"per_page\":2,\"count\":2,\"total_count\":10}"));

        var error = await Assert.ThrowsAsync<EsApiException>(async () =>
        {
            await foreach (var _ in client.PagesAsync<Message>(ApiCatalog.CollectionOf<AllowPolicy>().List.Request(), 2,
                CancellationToken.None))
            {
            }
        });

        Assert.Equal(EsFailureKind.PagingLoop, error.Kind);
    }

    [Fact]
    public async Task Unknown_fields_and_enum_values_do_not_break_a_call()
    {
        network.Answer(200,
            Envelope(
                "[{\"id\":\"a\",\"final_disposition\":\"QUANTUM-PHISH\",\"brand_new_field\":{\"x\":1},\"scanned_at\":\"not " +
                "a date\",\"validation\":{\"spf\":\"softfail\"}}]"));

        var answer =
            await client.SendAsync<List<Message>>(ApiCatalog.Investigate.List.Request(), CancellationToken.None);

        var message = Assert.Single(answer.Result);
        Assert.Equal("QUANTUM-PHISH", message.FinalDisposition);
        Assert.Null(message.ScannedAt);
        Assert.Equal("softfail", message.Validation!.Spf);
        Assert.True(message.AdditionalFields!.ContainsKey("brand_new_field"));
    }

    private static string Envelope(string result, string? info = null) => ScriptedNetwork.Envelope(result, info);
}
