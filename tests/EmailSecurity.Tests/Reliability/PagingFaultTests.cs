using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Reliability;

/// <summary>
/// Paging faults at full page size (1,000): a cursor that leads back to the first page is caught before that page's
/// messages are written again, and a full page without result_info ends the search with a warning, not silently.
/// </summary>
[Collection("Emulator")]
public sealed class PagingFaultTests : ReliabilityTest
{
    public PagingFaultTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void A_cursor_back_to_the_first_page_stops_the_search_before_its_messages_are_written_twice()
    {
        var (session, account) = ConnectedWith(null, messages: 2500);
        account.SetFaults(new FaultRule("staleCursor") { Method = "GET", Path = "/investigate", Times = 0 });

        var result = session.Run("Get-EsMessage");

        var ids = result.Objects<Message>().Select(m => m.Id).ToList();
        Assert.Equal(1000, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsApiPagingLoop,", error.FullyQualifiedErrorId);
        Assert.Contains("page 2 holds exactly the results of a page already read", error.ToString());
        Assert.Equal(2, account.Requests().Count);
    }

    [Fact]
    public void A_full_search_page_without_result_info_ends_the_search_with_a_warning_that_results_may_be_missing()
    {
        var (session, account) = ConnectedWith(null, messages: 2500);
        account.SetFaults(new FaultRule("noResultInfo") { Method = "GET", Path = "/investigate" });

        var result = session.Run("Get-EsMessage");

        result.ShouldSucceed();
        Assert.Equal(1000, result.Objects<Message>().Length);
        var warning = Assert.Single(result.Warnings).Message;
        Assert.Contains("page 1 was full (1000 results) but came without result_info", warning);
        Assert.Contains("may be incomplete", warning);
        Assert.Single(account.Requests());
    }

    [Fact]
    public void A_short_last_page_without_result_info_ends_the_search_quietly()
    {
        var (session, account) = ConnectedWith(null, messages: 150);
        account.SetFaults(new FaultRule("noResultInfo") { Method = "GET", Path = "/investigate" });

        var result = session.Run("Get-EsMessage");

        result.ShouldSucceed();
        Assert.Equal(150, result.Objects<Message>().Length);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void A_full_settings_page_without_result_info_goes_on_to_the_next_page()
    {
        var (session, account) = ConnectedWith(null);
        var all = session.Run("Get-EsBlockedSender").Objects<BlockedSender>().Select(b => b.Id).ToList();
        account.ClearRequests();
        account.SetFaults(new FaultRule("noResultInfo") { Method = "GET", Path = "/settings/block_senders" });

        var result = session.Run("Get-EsBlockedSender -PageSize 2");

        result.ShouldSucceed();
        Assert.Equal(all, result.Objects<BlockedSender>().Select(b => b.Id));
        Assert.True(account.Requests().Count > 1);
    }
}
