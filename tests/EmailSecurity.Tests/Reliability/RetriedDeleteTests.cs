using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Reliability;

/// <summary>
/// A DELETE is retried after an answer that leaves its outcome unknown (5xx, a lost answer). When that first attempt
/// did delete the entry, the retry is answered 404: that is the deletion done, reported as "already deleted", not as
/// an unknown id. A 404 with no such attempt before it is still EsApiNotFound.
/// </summary>
[Collection("Emulator")]
public sealed class RetriedDeleteTests : ReliabilityTest
{
    public RetriedDeleteTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    public static TheoryData<string, string> Rows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var noun in new[] { "EsBlockedSender", "EsAllowPolicy" })
        {
            foreach (var fault in new[] { "503 after processing", "500 after processing",
                "answer lost after processing" })
            {
                rows.Add(noun, fault);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_DELETE_whose_retry_finds_the_entry_gone_is_reported_as_already_deleted(string noun, string fault)
    {
        var (session, account) = ConnectedWith(null);
        var id = FirstId(session, noun);
        account.ClearRequests();
        account.SetFaults(fault == "answer lost after processing"
            ? new FaultRule("dropAfterProcessing") { Method = "DELETE" }
            : new FaultRule("statusAfterProcessing") { Method = "DELETE", Status = fault.StartsWith("503") ? 503 : 500,
                RetryAfter = "0" });

        var result = session.Run($"Remove-{noun} -Id '{id}' -Confirm:$false -Verbose");

        result.ShouldSucceed();
        Assert.Contains(result.Verbose, v => v.Message.EndsWith($" {id}: already deleted by an earlier attempt whose " +
            "answer was lost (sent again, the API no longer found it).", StringComparison.Ordinal));
        var deletes = account.Requests();
        Assert.Equal(new[] { "DELETE", "DELETE" }, deletes.Select(r => r.Method));
        Assert.Equal(404, deletes[1].Status);
        Assert.DoesNotContain(id, Ids(session, noun));
    }

    [Fact]
    public void A_DELETE_answered_404_at_once_is_still_not_found()
    {
        var (session, account) = ConnectedWith(null);

        var result = session.Run("Remove-EsBlockedSender -Id 'no-such-entry' -Confirm:$false");

        Assert.StartsWith("EsApiNotFound,", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.Single(account.Requests());
    }

    [Fact]
    public void A_DELETE_answered_404_after_a_429_is_still_not_found_because_a_429_was_not_carried_out()
    {
        var (session, account) = ConnectedWith(null);
        account.SetFaults(new FaultRule("status") { Method = "DELETE", Status = 429, RetryAfter = "0" });

        var result = session.Run("Remove-EsBlockedSender -Id 'no-such-entry' -Confirm:$false");

        Assert.StartsWith("EsApiNotFound,", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.Equal(new[] { 429, 404 }, account.Requests().Select(r => r.Status));
    }

    [Fact]
    public void A_read_answered_404_after_a_503_is_still_not_found()
    {
        var (session, account) = ConnectedWith(null);
        account.SetFaults(new FaultRule("status") { Method = "GET", Status = 503, RetryAfter = "0" });

        var result = session.Run("Get-EsBlockedSender -Id 'no-such-entry'");

        Assert.StartsWith("EsApiNotFound,", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.Equal(new[] { 503, 404 }, account.Requests().Select(r => r.Status));
    }

    private static string FirstId(EngineSession session, string noun) => Ids(session, noun).First();

    private static List<string> Ids(EngineSession session, string noun) =>
        session.Run($"Get-{noun}").Output.Select(o => ((SettingsObject)o.BaseObject).Id!).ToList();
}
