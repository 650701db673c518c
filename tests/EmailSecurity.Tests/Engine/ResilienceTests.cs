using System.Diagnostics;
using System.Management.Automation;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

[Collection("Emulator")]
public sealed class ResilienceTests : ModuleTest
{
    public ResilienceTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void A_429_is_waited_out_as_Retry_After_says_and_then_succeeds()
    {
        var (session, account) = Connected();
        account.SetFaults(new FaultRule("status") { Path = "/investigate", Status = 429, RetryAfter = "1", Times = 1 });

        var clock = Stopwatch.StartNew();
        var result = session.Run("Get-EsMessage -First 5 -Verbose");

        result.ShouldSucceed();
        Assert.Equal(5, result.Objects<Message>().Length);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), "Retry-After: 1 must be honoured");
        var searches = account.Requests();
        Assert.Equal(new[] { 429, 200 }, searches.Select(r => r.Status));
        Assert.Contains(result.Verbose,
            v => v.Message.Contains("rate limited (429)") && v.Message.Contains("Retry-After"));
    }

    [Fact]
    public void A_503_on_a_read_is_retried()
    {
        var (session, account) = Connected();
        account.SetFaults(new FaultRule("status") { Path = "/investigate", Status = 503, RetryAfter = "0", Times = 2 });

        var result = session.Run("Get-EsMessage -First 5");

        result.ShouldSucceed();
        Assert.Equal(new[] { 503, 503, 200 }, account.Requests().Select(r => r.Status));
    }

    [Fact]
    public void A_dropped_connection_on_a_read_is_retried()
    {
        var (session, account) = Connected();
        account.SetFaults(new FaultRule("drop") { Path = "/investigate", Times = 1 },
            new FaultRule("dropMidBody") { Path = "/investigate", Times = 1 });

        var result = session.Run("Get-EsMessage -First 5");

        result.ShouldSucceed();
        Assert.Equal(5, result.Objects<Message>().Length);
        Assert.Equal(3, account.Requests().Count);
    }

    [Fact]
    public void Retries_are_bounded_and_the_last_answer_is_reported()
    {
        var (session, account) = Connected();
        account.SetFaults(new FaultRule("status") { Path = "/investigate", Status = 502, RetryAfter = "0", Times = 0 });

        var result = session.Run("Get-EsMessage -First 5");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsApiServerError", error.FullyQualifiedErrorId);
        Assert.Equal(5, account.Requests().Count);
    }

    [Fact]
    public void Malformed_JSON_is_a_clear_error()
    {
        var (session, account) = Connected();
        account.SetFaults(new FaultRule("malformed") { Path = "/investigate", Times = 1 });

        var result = session.Run("Get-EsMessage -First 5");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsApiBadResponse", error.FullyQualifiedErrorId);
        Assert.Contains("not valid JSON", error.ToString());
    }

    [Fact]
    public void Success_false_with_HTTP_200_is_an_error_with_the_APIs_message()
    {
        var (session, account) = Connected();
        account.SetFaults(new FaultRule("successFalse") { Path = "/investigate", Times = 1, ErrorCode = 9109,
            ErrorMessage = "Unauthorized to access requested resource" });

        var result = session.Run("Get-EsMessage -First 5");

        var error = Assert.Single(result.Errors);
        Assert.Contains("Unauthorized to access requested resource (code 9109)", error.ToString());
        Assert.Equal(new[] { 9109 }, ((EmailSecurity.Client.EsApiException)error.Exception).ErrorCodes);
    }

    [Fact]
    public void A_cursor_that_comes_back_again_stops_paging_with_an_error()
    {
        var (session, account) = Connected(messages: 300);
        account.SetFaults(new FaultRule("staleCursor") { Path = "/investigate", Skip = 1, Times = 0 });

        var result = session.Run("Get-EsMessage -PageSize 100");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsApiPagingLoop", error.FullyQualifiedErrorId);
        Assert.True(account.Requests().Count <= 4);
    }

    [Fact]
    public void Ctrl_C_ends_a_long_paging_run_promptly()
    {
        var (session, account) = Connected(messages: 5000);
        account.SetFaults(new FaultRule("delay") { Path = "/investigate", DelayMs = 300, Times = 0 });
        using var shell = session.NewPowerShell();
        shell.AddScript("Get-EsMessage -PageSize 10");
        var output = new PSDataCollection<PSObject>();
        var firstObject = new ManualResetEventSlim();
        output.DataAdded += (_, _) => firstObject.Set();

        var running = shell.BeginInvoke<PSObject, PSObject>(null, output);
        Assert.True(firstObject.Wait(TimeSpan.FromSeconds(30)), "no message arrived");
        var clock = Stopwatch.StartNew();
        shell.Stop();
        clock.Stop();

        Assert.True(running.IsCompleted);
        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"stopping took {clock.Elapsed}");
        var seen = account.Requests().Count;
        Thread.Sleep(700);
        Assert.Equal(seen, account.Requests().Count);
        Assert.True(seen < 20);
    }
}
