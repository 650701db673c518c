using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

/// <summary>
/// A piped move that needs more than 300 bulk requests says so once, with what they cost and how to spend fewer.
/// </summary>
[Collection("Emulator")]
public sealed class BigBulkRunTests : ModuleTest
{
    public BigBulkRunTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Theory]
    [InlineData(300, false)]
    [InlineData(301, true)]
    public void A_move_needing_more_than_300_bulk_requests_says_so_once_and_goes_on(int messages, bool warned)
    {
        var (session, account) = Connected(messages: messages);

        var result = session.Run(
            $"Get-EsMessage -ThrottleLimit 1 | Move-EsMessage -Destination JunkEmail -BatchSize 1 -Confirm:$false");

        result.ShouldSucceed();
        Assert.Equal(messages,
            result.Objects<MessageMoveResult>().Where(r => r.Success).Select(r => r.MessageId).Distinct().Count());
        Assert.Equal(messages, account.Requests().Count(r => r.Method == "POST"));
        var said = result.Warnings.Where(w => w.Message.Contains("bulk requests", StringComparison.Ordinal)).ToList();
        if (!warned)
        {
            Assert.Empty(said);
            return;
        }

        var warning = Assert.Single(said).Message;
        Assert.StartsWith(
            "Move to JunkEmail: more than 300 messages, so more than 300 bulk requests of 1 (-BatchSize).", warning);
        Assert.Contains("1,200 requests per five minutes", warning);
        Assert.Contains("-BatchSize 1000", warning);
        Assert.Contains("Start-EsBulkAction", warning);
    }
}
