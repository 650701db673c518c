using EmailSecurity.Tests.Emulator;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

/// <summary>
/// Lists against an API that puts fewer items on a page than asked (a lower cap than the documented 1000).
/// </summary>
[Collection("Emulator")]
public sealed class PagingTests : ModuleTest
{
    public PagingTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Theory]
    [InlineData("Get-EsSubmission", "/submissions")]
    [InlineData("Get-EsAllowPolicy", "/settings/allow_policies")]
    [InlineData("Get-EsMessage", "/investigate")]
    public async Task A_list_whose_pages_come_back_smaller_than_asked_is_still_read_to_the_end(
        string command,
        string path)
    {
        var (session, account) = Connected(messages: 300);
        const int cap = 3;
        account.Reset(messages: 300, seed: 1, maxPerPage: cap);
        var total = await new AccountApi(Emulator, account).TotalCount(path);
        Assert.True(total > 2 * cap, $"{path} needs more than two capped pages of demo data");
        account.ClearRequests();

        var result = session.Run($"{command} | ForEach-Object -Begin {{ $n = 0 }} -Process {{ $n++ }} -End {{ $n }}");

        result.ShouldSucceed();
        Assert.Equal(total, Convert.ToInt32(result.Output.Single().BaseObject));
        var pages = account.Requests().Where(r => r.Path == path).ToList();
        Assert.All(pages, r => Assert.Equal("1000", r.QueryParameters["per_page"]));
        Assert.Equal((total + cap - 1) / cap, pages.Count);
    }
}
