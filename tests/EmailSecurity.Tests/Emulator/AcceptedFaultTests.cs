using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using EmailSecurity.Tests.Infrastructure;
using Xunit;

namespace EmailSecurity.Tests.Emulator;

/// <summary>
/// The accepted fault (a long-running search answered 202 with a Location to poll) and the probability option.
/// </summary>
[Collection("Emulator")]
public sealed class AcceptedFaultTests
{
    private const string RunningBody = "{\"success\":true,\"errors\":[],\"messages\":[{\"code\":0,\"message\":\"The " +
        "search is running\"}],\"result\":null}";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private readonly EmulatorFixture emulator;

    public AcceptedFaultTests(EmulatorFixture emulator) => this.emulator = emulator;

    /// <summary>GET of a Location (relative to the server root) with the same bearer token AccountApi uses.</summary>
    private async Task<(int Status, string Body, HttpResponseHeaders Headers)> Poll(string location)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.ApiBaseUri, location));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "emulator-test-token");
        using HttpResponseMessage response = await Http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers);
    }

    [Fact]
    public async Task A_search_is_answered_202_and_its_Location_gives_the_same_body_after_pollCount_polls()
    {
        var api = new AccountApi(emulator, emulator.NewAccount(messages: 30));
        ApiResult expected = await api.Get("/investigate?per_page=7");
        api.Account.SetFaults(new FaultRule("accepted") { Path = "/investigate", PollCount = 3 });
        api.Account.ClearRequests();

        ApiResult accepted = await api.Get("/investigate?per_page=7");
        string location = accepted.Headers.Location!.OriginalString;
        var polls = new List<(int Status, string Body, HttpResponseHeaders Headers)>();
        for (int i = 0; i < 3; i++)
        {
            polls.Add(await Poll(location));
        }

        Assert.Equal(202, accepted.Status);
        Assert.Equal(RunningBody, accepted.Body);
        Assert.Matches("^/client/v4/_emulator/poll/[0-9a-f]{32}$", location);
        Assert.Equal("0", accepted.Headers.RetryAfter!.ToString());
        Assert.Equal(new[] { 202, 202, 200 }, polls.Select(p => p.Status));
        Assert.All(polls.Take(2), p =>
        {
            Assert.Equal(RunningBody, p.Body);
            Assert.Equal(location, p.Headers.Location!.OriginalString);
            Assert.Equal("0", p.Headers.RetryAfter!.ToString());
        });
        Assert.Equal(expected.Body, polls[2].Body);
        var recorded = api.Account.Requests();
        Assert.Equal(new[] { "/investigate", "/_poll", "/_poll", "/_poll" }, recorded.Select(r => r.Path));
        Assert.Equal(new[] { 202, 202, 202, 200 }, recorded.Select(r => r.Status));
        Assert.Equal("fault:accepted", recorded[0].Outcome);
        Assert.Equal(location, recorded[1].RawTarget);
    }

    [Fact]
    public async Task Without_pollCount_the_second_poll_has_the_answer_and_the_token_is_then_forgotten()
    {
        var api = new AccountApi(emulator, emulator.NewAccount());
        api.Account.SetFaults(new FaultRule("accepted") { Path = "/investigate" });

        ApiResult accepted = await api.Get("/investigate?per_page=2");
        string location = accepted.Headers.Location!.OriginalString;
        var first = await Poll(location);
        var second = await Poll(location);
        var third = await Poll(location);

        Assert.Equal(202, first.Status);
        Assert.Equal(200, second.Status);
        Assert.Equal(2, JsonDocument.Parse(second.Body).RootElement.GetProperty("result").GetArrayLength());
        Assert.Equal(404, third.Status);
    }

    [Fact]
    public async Task The_rules_retryAfter_is_sent_with_the_202_and_every_running_poll()
    {
        var api = new AccountApi(emulator, emulator.NewAccount());
        api.Account.SetFaults(new FaultRule("accepted") { Path = "/investigate", PollCount = 2, RetryAfter = "45" });

        ApiResult accepted = await api.Get("/investigate?per_page=2");
        var running = await Poll(accepted.Headers.Location!.OriginalString);
        var answered = await Poll(accepted.Headers.Location!.OriginalString);

        Assert.Equal("45", accepted.Headers.RetryAfter!.ToString());
        Assert.Equal(202, running.Status);
        Assert.Equal("45", running.Headers.RetryAfter!.ToString());
        Assert.Equal(200, answered.Status);
    }

    [Fact]
    public async Task An_accepted_change_is_carried_out_before_anyone_polls()
    {
        var api = new AccountApi(emulator, emulator.NewAccount());
        string id = (await api.First("final_disposition=NONE")).GetProperty("id").GetString()!;
        api.Account.SetFaults(new FaultRule("accepted") { Method = "POST", PollCount = 1 });

        ApiResult accepted = await api.Post($"/investigate/{id}/move", new { destination = "JunkEmail" });
        JsonElement moved = await api.Message(id);
        var answer = await Poll(accepted.Headers.Location!.OriginalString);

        Assert.Equal(202, accepted.Status);
        Assert.Contains(moved.GetProperty("post_delivery_operations").EnumerateArray(), o => o.GetString() == "MOVE");
        Assert.Equal(200, answer.Status);
        Assert.True(JsonDocument.Parse(answer.Body).RootElement.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task An_unknown_poll_token_is_404()
    {
        var answer = await Poll("/client/v4/_emulator/poll/" + Guid.NewGuid().ToString("N"));

        Assert.Equal(404, answer.Status);
        Assert.False(JsonDocument.Parse(answer.Body).RootElement.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task Polls_obey_fault_rules_on_the_poll_path_and_count_against_the_rate_limit()
    {
        var api = new AccountApi(emulator, emulator.NewAccount());
        api.Account.SetFaults(
            new FaultRule("accepted") { Path = "/investigate", PollCount = 1 },
            new FaultRule("status") { Path = "/_poll", Status = 503, RetryAfter = "0" });
        api.Account.SetRateLimit(10, 60);

        ApiResult accepted = await api.Get("/investigate?per_page=2");
        var failed = await Poll(accepted.Headers.Location!.OriginalString);
        var answered = await Poll(accepted.Headers.Location!.OriginalString);

        Assert.Equal(503, failed.Status);
        Assert.Equal(200, answered.Status);
        Assert.Equal("\"default\";r=7", answered.Headers.GetValues("Ratelimit").Single().Split(";t=")[0]);
    }

    [Fact]
    public async Task A_probability_rule_applies_to_about_that_share_of_requests_the_same_way_for_the_same_seed()
    {
        async Task<string> Pattern(int seed)
        {
            var api = new AccountApi(emulator, emulator.NewAccount());
            api.Account.SetFaults(new FaultRule("status") { Status = 503, Times = 0, Probability = 0.25, Seed = seed });
            var statuses = new List<int>();
            for (int i = 0; i < 60; i++)
            {
                statuses.Add((await api.Get("/investigate?per_page=1")).Status);
            }
            return string.Concat(statuses.Select(s => s == 503 ? 'x' : '.'));
        }

        string first = await Pattern(42);
        string again = await Pattern(42);
        string other = await Pattern(7);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.InRange(first.Count(c => c == 'x'), 6, 27);
    }

    [Fact]
    public async Task A_request_a_probability_rule_spares_goes_on_to_the_next_rule_and_is_not_counted_against_times()
    {
        var api = new AccountApi(emulator, emulator.NewAccount());
        api.Account.SetFaults(
            new FaultRule("status") { Status = 500, Times = 1, Probability = 0.0 },
            new FaultRule("status") { Status = 502, Times = 1 },
            new FaultRule("status") { Status = 504, Times = 1, Probability = 1.0 });

        var statuses = new List<int>();
        for (int i = 0; i < 3; i++)
        {
            statuses.Add((await api.Get("/investigate?per_page=1")).Status);
        }

        Assert.Equal(new[] { 502, 504, 200 }, statuses);
    }

    [Theory]
    [InlineData("{\"kind\":\"status\",\"probability\":1.5}", "probability")]
    [InlineData("{\"kind\":\"accepted\",\"pollCount\":0}", "pollCount")]
    public async Task Bad_probability_or_pollCount_is_refused(string rule, string field)
    {
        EmulatorAccount account = emulator.NewAccount();
        using var content = new StringContent("[" + rule + "]", System.Text.Encoding.UTF8, "application/json");

        using HttpResponseMessage response =
            await Http.PutAsync(new Uri(emulator.ControlUri, $"accounts/{account.Id}/faults"), content);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync());
    }
}
