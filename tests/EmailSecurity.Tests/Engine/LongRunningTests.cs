using System.Management.Automation;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

/// <summary>Searches the API answers later (202 + Location), and the client-side rate budget.</summary>
[Collection("Emulator")]
public sealed class LongRunningTests : ModuleTest
{
    public LongRunningTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void A_search_answered_202_is_polled_at_its_location_until_the_result_is_ready()
    {
        var (session, account) = Connected();
        account.SetFaults(new FaultRule("accepted") { Path = "/investigate", PollCount = 3, Times = 1 });

        var result = session.Run("Get-EsMessage -First 5 -Verbose");

        result.ShouldSucceed();
        Assert.Equal(5, result.Objects<Message>().Length);
        var requests = account.Requests();
        Assert.Equal(new[] { 202, 202, 202, 200 }, requests.Select(r => r.Status));
        Assert.All(requests.Skip(1), r => Assert.Equal("Bearer " + Token, r.Authorization));
        Assert.Contains(result.Verbose, v => v.Message.Contains("still working (202)"));
        Assert.Contains(result.ProgressRecords, p => p.StatusDescription.Contains("Waiting for the API"));
    }

    [Fact]
    public void The_client_slows_down_before_the_APIs_announced_limit_instead_of_hitting_it()
    {
        var account = Emulator.NewAccount(messages: 40);
        account.SetRateLimit(limit: 10, windowSeconds: 2);
        var session = NewSession();
        session.SetVariable("t", Secure("rate-budget-token-" + account.Id));
        session.Run($"Connect-EsAccount -AccountId {account.Id} -ApiToken $t -BaseUri '{Emulator.ApiBaseUri}'")
            .ShouldSucceed();

        var result = session.Run("Get-EsMessage -PageSize 2 -Verbose");

        result.ShouldSucceed();
        Assert.Equal(40, result.Objects<Message>().Length);
        var requests = account.Requests();
        Assert.Equal(20, requests.Count);
        Assert.DoesNotContain(requests, r => r.Status == 429);
        Assert.Contains(result.Verbose, v => v.Message.StartsWith("Rate budget:", StringComparison.Ordinal));
    }
}
