using System.Diagnostics;
using System.Management.Automation;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Reliability;

/// <summary>
/// Long waits under faults, through the cmdlets: a wait of five seconds or more is a warning a runbook's output shows
/// (not only -Verbose), Ctrl+C ends every kind of wait at once, and a request whose waits would pass -MaxWaitSec
/// fails at once with an error that says so. Tests either stop the wait or record it (RecordWaits): none sleeps it.
/// </summary>
[Collection("Emulator")]
public sealed class WaitFaultTests : ReliabilityTest
{
    public WaitFaultTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    public static TheoryData<string> LongWaits() => new() { "Retry-After", "202 polling", "rate budget" };

    [Theory]
    [MemberData(nameof(LongWaits))]
    public void A_long_wait_is_announced_as_a_warning_before_it_starts_and_Ctrl_C_ends_it(string kind)
    {
        var (session, account) = ConnectedWith(null, token: OwnToken());
        string script;
        string expected;
        switch (kind)
        {
            case "Retry-After":
                account.SetFaults(new FaultRule("status") { Method = "GET", Path = "/investigate", Status = 429,
                    RetryAfter = "120" });
                script = "Get-EsMessage -First 5";
                expected = "rate limited (429); retry 1 of 4 as the API's Retry-After asks. Waiting 120 s;";
                break;
            case "202 polling":
                account.SetFaults(new FaultRule("accepted") { Method = "GET", Path = "/investigate", PollCount = 5,
                    RetryAfter = "20" });
                script = "Get-EsMessage -First 5";
                expected = "GET /investigate: the API accepted the request and is still preparing its result (202 " +
                    "Accepted). Polling /client/v4/_emulator/poll/";
                break;
            default:
                account.SetRateLimit(limit: 10, windowSeconds: 120);
                script = "Get-EsMessage -PageSize 1";
                expected = "Rate budget: 9 of 10 requests used in the last 120 s (a tenth is kept in reserve);";
                break;
        }

        using var shell = session.NewPowerShell();
        shell.AddScript(script);
        var warned = new ManualResetEventSlim();
        shell.Streams.Warning.DataAdded += (_, _) => warned.Set();
        var running = shell.BeginInvoke();

        Assert.True(warned.Wait(TimeSpan.FromSeconds(30)), "no warning came");
        var seen = account.Requests().Count;
        var clock = Stopwatch.StartNew();
        shell.Stop();
        clock.Stop();

        Assert.True(running.IsCompleted);
        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"stopping took {clock.Elapsed}");
        var warning = Assert.Single(shell.Streams.Warning).Message;
        Assert.Contains(expected, warning);
        Assert.Contains("Ctrl+C stops.", warning);
        Thread.Sleep(500);
        Assert.Equal(seen, account.Requests().Count);
    }

    [Fact]
    public void A_long_Retry_After_wait_is_taken_with_a_warning_and_the_read_then_succeeds()
    {
        var (session, account) = ConnectedWith(null, token: OwnToken());
        var waits = RecordWaits(session);
        account.SetFaults(
            new FaultRule("status") { Method = "GET", Path = "/investigate", Status = 429, RetryAfter = "300" });

        var result = session.Run("Get-EsMessage -First 5");

        result.ShouldSucceed();
        Assert.Equal(5, result.Objects<Message>().Length);
        Assert.Equal(new[] { TimeSpan.FromSeconds(300) }, waits);
        Assert.Contains("Waiting 300 s; one request waits at most 600 s in all (Connect-EsAccount -MaxWaitSec).",
            Assert.Single(result.Warnings).Message);
        Assert.Equal(new[] { 429, 200 }, account.Requests().Select(r => r.Status));
    }

    [Fact]
    public void A_Retry_After_longer_than_MaxWaitSec_fails_at_once_with_a_rate_limit_error_that_names_the_limit()
    {
        var (session, account) = ConnectedWith(null, token: OwnToken(), maxWaitSec: 30);
        account.SetFaults(new FaultRule("status") { Method = "GET", Path = "/settings/block_senders", Status = 429,
            RetryAfter = "45" });
        var clock = Stopwatch.StartNew();

        var result = session.Run("Get-EsBlockedSender");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsApiRateLimited,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
        Assert.Contains(
            "Please wait and consider throttling your request speed (code 971). Not retried: waiting 45 s more would " +
            "pass the 30 s one request may wait in all (Connect-EsAccount -MaxWaitSec).", error.ToString());
        Assert.NotNull(error.ErrorDetails.RecommendedAction);
        Assert.Single(account.Requests());
    }

    [Fact]
    public void A_search_still_running_at_MaxWaitSec_fails_with_EsApiStillWorking()
    {
        var (session, account) = ConnectedWith(null, token: OwnToken(), maxWaitSec: 5);
        var waits = RecordWaits(session);
        account.SetFaults(
            new FaultRule("accepted") { Method = "GET", Path = "/investigate", PollCount = 100, RetryAfter = "2" });

        var result = session.Run("Get-EsMessage -First 5");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsApiStillWorking,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Contains("still preparing its result after 4 s of polling", error.ToString());
        Assert.Contains("Connect-EsAccount -MaxWaitSec", error.ErrorDetails.RecommendedAction);
        Assert.Equal(new[] { TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2) }, waits);
        Assert.Equal(new[] { "/investigate", "/_poll", "/_poll" }, account.Requests().Select(r => r.Path));
        Assert.Empty(result.Objects<Message>());
    }

    [Fact]
    public void A_read_that_keeps_timing_out_says_timed_out_after_N_s_not_operation_canceled()
    {
        var (session, account) = ConnectedWith(timeoutSec: 1, token: OwnToken());
        var waits = RecordWaits(session);
        account.SetFaults(
            new FaultRule("delay") { Method = "GET", Path = "/settings/block_senders", DelayMs = 2500, Times = 0 });

        var result = session.Run("Get-EsBlockedSender");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsApiNoAnswer,", error.FullyQualifiedErrorId);
        Assert.Contains("No answer from the API: timed out after 1 s (Connect-EsAccount -TimeoutSec) on each of 5 " +
            "attempts [GET /settings/block_senders]", error.ToString());
        Assert.DoesNotContain("cancel", error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(4, waits.Count);
        Assert.Equal(5, account.Requests().Count);
    }
}
