using System.Text.RegularExpressions;
using EmailSecurity.Tests.Infrastructure;
using Xunit;

namespace EmailSecurity.Tests.Emulator;

/// <summary>
/// The per-account sliding-window rate limit (PUT /_emulator/accounts/{id}/ratelimit) and its headers.
/// </summary>
[Collection("Emulator")]
public sealed class RateLimitTests
{
    private readonly EmulatorFixture emulator;

    public RateLimitTests(EmulatorFixture emulator) => this.emulator = emulator;

    private static (int Remaining, int Reset) State(ApiResult result)
    {
        string header = result.Headers.GetValues("Ratelimit").Single();
        Match match = Regex.Match(header, "^\"default\";r=(\\d+);t=(\\d+)$");
        Assert.True(match.Success, header);
        return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value));
    }

    [Fact]
    public async Task Answers_count_down_the_remaining_requests_and_name_the_policy()
    {
        var api = new AccountApi(emulator, emulator.NewAccount());
        api.Account.SetRateLimit(3, 60);

        var results = new List<ApiResult>();
        for (int i = 0; i < 3; i++)
        {
            results.Add(await api.Get("/investigate?per_page=1"));
        }

        Assert.All(results, r => r.ShouldSucceed());
        Assert.Equal(new[] { 2, 1, 0 }, results.Select(r => State(r).Remaining));
        Assert.All(results, r => Assert.InRange(State(r).Reset, 59, 60));
        Assert.All(results,
            r => Assert.Equal("\"default\";q=3;w=60", r.Headers.GetValues("Ratelimit-Policy").Single()));
    }

    [Fact]
    public async Task A_request_over_the_limit_is_answered_429_with_Retry_After_and_is_not_processed()
    {
        var api = new AccountApi(emulator, emulator.NewAccount());
        string id = (await api.First("final_disposition=NONE")).GetProperty("id").GetString()!;
        api.Account.SetRateLimit(1, 60);
        api.Account.ClearRequests();

        ApiResult allowed = await api.Get("/investigate?per_page=1");
        ApiResult refused = await api.Post($"/investigate/{id}/move", new { destination = "JunkEmail" });

        allowed.ShouldSucceed();
        Assert.Equal(429, refused.Status);
        Assert.Equal(971, refused.ErrorCode);
        Assert.Equal("Please wait and consider throttling your request speed", refused.ErrorMessage);
        var (remaining, reset) = State(refused);
        Assert.Equal(0, remaining);
        Assert.InRange(reset, 59, 60);
        Assert.Equal(reset.ToString(), refused.Headers.RetryAfter!.ToString());
        Assert.Equal(new[] { (200, "ok"), (429, "ratelimited") },
            api.Account.Requests().Select(r => (r.Status, r.Outcome)));

        api.Account.ClearRateLimit();
        JsonAssertNotMoved(await api.Message(id));
    }

    [Fact]
    public async Task The_window_slides_a_refused_request_does_not_count_and_waiting_Retry_After_frees_a_slot()
    {
        var api = new AccountApi(emulator, emulator.NewAccount());
        api.Account.SetRateLimit(1, 1);

        ApiResult first = await api.Get("/investigate?per_page=1");
        ApiResult refused = await api.Get("/investigate?per_page=1");
        // Retry-After is the contract: after that long the oldest counted request has left the window.
        await Task.Delay(TimeSpan.FromSeconds(int.Parse(refused.Headers.RetryAfter!.ToString())));
        ApiResult again = await api.Get("/investigate?per_page=1");

        first.ShouldSucceed();
        Assert.Equal(429, refused.Status);
        Assert.Equal("1", refused.Headers.RetryAfter!.ToString());
        again.ShouldSucceed();
        Assert.Equal(0, State(again).Remaining);
    }

    [Fact]
    public async Task Fault_answers_carry_the_headers_and_limits_stay_within_their_account()
    {
        var limited = new AccountApi(emulator, emulator.NewAccount());
        var other = new AccountApi(emulator, emulator.NewAccount());
        limited.Account.SetRateLimit(5, 60);
        limited.Account.SetFaults(new FaultRule("status") { Status = 503 });

        ApiResult faulted = await limited.Get("/investigate");
        ApiResult unlimited = await other.Get("/investigate");

        Assert.Equal(503, faulted.Status);
        Assert.Equal(4, State(faulted).Remaining);
        unlimited.ShouldSucceed();
        Assert.False(unlimited.Headers.Contains("Ratelimit"));
        Assert.False(unlimited.Headers.Contains("Ratelimit-Policy"));
    }

    [Fact]
    public async Task Clearing_the_limit_removes_the_headers_and_the_refusals()
    {
        var api = new AccountApi(emulator, emulator.NewAccount());
        api.Account.SetRateLimit(1, 60);
        await api.Get("/investigate?per_page=1");
        Assert.Equal(429, (await api.Get("/investigate?per_page=1")).Status);

        api.Account.ClearRateLimit();
        ApiResult after = await api.Get("/investigate?per_page=1");

        after.ShouldSucceed();
        Assert.False(after.Headers.Contains("Ratelimit"));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(5, 0)]
    public void A_limit_or_window_below_one_is_refused(int limit, int windowSeconds)
    {
        EmulatorAccount account = emulator.NewAccount();

        var error = Assert.Throws<InvalidOperationException>(() => account.SetRateLimit(limit, windowSeconds));

        Assert.Contains("400", error.Message);
    }

    private static void JsonAssertNotMoved(System.Text.Json.JsonElement message) =>
        Assert.DoesNotContain(message.GetProperty("post_delivery_operations").EnumerateArray(),
            o => o.GetString() == "MOVE");
}
