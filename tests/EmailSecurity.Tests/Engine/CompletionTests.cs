using System.Management.Automation;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

[Collection("Emulator")]
public sealed class CompletionTests : ModuleTest
{
    public CompletionTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void Message_ids_complete_from_the_newest_messages_and_are_cached()
    {
        var (session, account) = Connected();
        var newest = session.Run("Get-EsMessage -First 1").Objects<Message>().Single();
        account.ClearRequests();

        var first = Complete(session, "Move-EsMessage -Destination Inbox -Id ");
        var again = Complete(session, "Get-EsMessage -Id " + newest.Id.Substring(0, 6));

        Assert.Contains(first,
            c => c.CompletionText == newest.Id && c.ToolTip.Contains(newest.Subject!, StringComparison.Ordinal));
        Assert.Contains(again, c => c.CompletionText == newest.Id);
        Assert.Single(account.Requests());
    }

    [Fact]
    public void Settings_ids_complete_for_the_noun_being_typed()
    {
        var (session, _) = Connected();
        var senders = session.Run("Get-EsBlockedSender").Objects<BlockedSender>();

        var completions = Complete(session, "Remove-EsBlockedSender -Id ");

        Assert.Equal(senders.Select(s => s.Id).OrderBy(i => i),
            completions.Select(c => c.CompletionText).OrderBy(i => i));
        Assert.All(completions, c => Assert.Contains(senders.Single(s => s.Id == c.CompletionText).Pattern!,
            c.ListItemText, StringComparison.Ordinal));
    }

    [Fact]
    public void Bulk_action_job_ids_complete_with_their_status_action_and_comment()
    {
        var (session, _) = Connected(apiVersion: ApiVersionNames.V2026_10);
        var job = session.Run("Start-EsBulkAction -Action Release -Disposition SPAM -Comment 'Fabrikam false " +
            "positives' -Force").Objects<BulkAction>().Single();

        var completions = Complete(session, "Wait-EsBulkAction -Id ");
        var byComment = Complete(session, "Get-EsBulkActionMessage -Id fabrikam");

        var completion = Assert.Single(completions);
        Assert.Equal(job.Id, completion.CompletionText);
        Assert.Equal("PENDING RELEASE Fabrikam false positives", completion.ListItemText);
        Assert.Equal(job.Id, Assert.Single(byComment).CompletionText);
    }

    [Fact]
    public void Part_of_a_name_completes_to_the_id_and_a_name_given_as_the_id_says_so()
    {
        var (session, _) = Connected();
        var domain = session.Run("Get-EsDomain").Objects<EmailDomain>().First();

        var completions = Complete(session, $"Get-EsDomain {domain.Domain}");
        var byName = session.Run($"Get-EsDomain '{domain.Domain}'");

        Assert.Contains(completions, c => c.CompletionText == domain.Id);
        var error = Assert.Single(byName.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("not a name", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slow_API_does_not_hold_up_completion()
    {
        var (session, account) = Connected();
        account.SetFaults(new FaultRule("delay") { DelayMs = 10_000, Times = 0 });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var completions = Complete(session, "Get-EsMessage -Id ");

        Assert.Empty(completions);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"completion took {clock.Elapsed}");
    }

    private static IReadOnlyList<CompletionResult> Complete(EngineSession session, string input)
    {
        var result = session.Run("(TabExpansion2 -inputScript $s -cursorColumn $s.Length).CompletionMatches",
            new Dictionary<string, object?> { ["s"] = input });
        result.ShouldSucceed();
        return result.Objects<CompletionResult>();
    }
}
