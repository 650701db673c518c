using System.Management.Automation;
using System.Reflection;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

/// <summary>
/// The changes that cannot be taken back ask first, as their Exchange Online twins do: Unblock-EsMessage (as
/// Release-QuarantineMessage) and every settings Remove- cmdlet are ConfirmImpact High, and -Force skips the question.
/// -WhatIf and -Confirm name a piped message by its subject and sender, not only by its opaque id.
/// </summary>
[Collection("Emulator")]
public sealed class ConfirmationTests : ModuleTest
{
    private const int Yes = 0;
    private const int No = 2;

    public ConfirmationTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    /// <summary>Each cmdlet that asks first, with what to pipe to it ($item) and the request it sends.</summary>
    public static TheoryData<string, string, string> AskingCmdlets()
    {
        var rows = new TheoryData<string, string, string>
        {
            { "Get-EsMessage | Where-Object IsQuarantined | Select-Object -First 1", "Unblock-EsMessage",
                "POST /investigate/release" },
        };
        foreach (var noun in SettingsNoun.All)
        {
            rows.Add($"{noun.Get} -First 1", noun.Remove, $"DELETE /settings/{noun.Resource}/");
        }

        return rows;
    }

    /// <summary>
    /// The oldest API version with the settings list a DELETE goes to (lists of 2026-10 only); the default otherwise.
    /// </summary>
    private string? VersionFor(string request) =>
        request.StartsWith("DELETE /settings/", StringComparison.Ordinal)
            ? Emulator.FirstVersionServing(request["DELETE ".Length..].TrimEnd('/'))
            : null;

    [Theory]
    [MemberData(nameof(AskingCmdlets))]
    public void Asks_before_each_change_and_No_sends_nothing(string read, string cmdlet, string request)
    {
        var (session, account) =
            Connected(apiVersion: VersionFor(request), configure: o => o.PromptAnswers.Enqueue(No));
        session.Run($"$item = {read}").ShouldSucceed();
        account.ClearRequests();

        var refused = session.Run($"$item | {cmdlet}");

        refused.ShouldSucceed();
        Assert.Single(session.Prompts.Asked);
        Assert.Empty(account.Requests());
        Assert.Equal(ConfirmImpact.High, session.Run($"Get-Command {cmdlet}").Objects<CmdletInfo>()
            .Single().ImplementingType.GetCustomAttribute<CmdletAttribute>()!.ConfirmImpact);

        session.Prompts.Enqueue(Yes);
        var confirmed = session.Run($"$item | {cmdlet}");

        confirmed.ShouldSucceed();
        Assert.Equal(2, session.Prompts.Asked.Count);
        var sent = Assert.Single(account.Requests());
        Assert.StartsWith(request, $"{sent.Method} {sent.Path}", StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AskingCmdlets))]
    public void Force_changes_without_asking_and_still_honours_WhatIf_and_Confirm(
        string read,
        string cmdlet,
        string request)
    {
        var (session, account) =
            Connected(apiVersion: VersionFor(request), configure: o => o.PromptAnswers.Enqueue(No));
        session.Run($"$item = {read}").ShouldSucceed();
        account.ClearRequests();

        var whatIf = session.Run($"$item | {cmdlet} -Force -WhatIf");
        var confirm = session.Run($"$item | {cmdlet} -Force -Confirm");
        Assert.Empty(account.Requests());
        var forced = session.Run($"$item | {cmdlet} -Force");

        whatIf.ShouldSucceed();
        confirm.ShouldSucceed();
        forced.ShouldSucceed();
        Assert.Contains("What if: Performing the operation", whatIf.HostText, StringComparison.Ordinal);
        Assert.Single(session.Prompts.Asked);
        var sent = Assert.Single(account.Requests());
        Assert.StartsWith(request, $"{sent.Method} {sent.Path}", StringComparison.Ordinal);
    }

    [Fact]
    public void A_ConfirmPreference_of_None_asks_nothing_as_scripts_and_help_examples_expect()
    {
        var (session, account) = Connected();
        session.Run("$item = Get-EsAllowPolicy -First 1").ShouldSucceed();
        account.ClearRequests();

        var result = session.Run("$ConfirmPreference = 'None'; $item | Remove-EsAllowPolicy");

        result.ShouldSucceed();
        Assert.Empty(session.Prompts.Asked);
        Assert.Single(account.Requests(), r => r.Method == "DELETE");
    }

    public static TheoryData<string, string> MessageChanges() => new()
    {
        { "Move-EsMessage -Destination JunkEmail -WhatIf", "Move to JunkEmail" },
        { "Unblock-EsMessage -WhatIf", "Release from quarantine" },
        { "Submit-EsReclassification -ExpectedDisposition NONE -WhatIf", "Submit for reclassification as NONE" },
        { "Get-EsMessageRaw -OutFile ./message.eml -WhatIf", "Save the raw email of message" },
    };

    [Theory]
    [MemberData(nameof(MessageChanges))]
    public void WhatIf_names_a_piped_message_by_subject_and_sender_and_an_id_by_itself_without_asking_the_API(
        string command,
        string action)
    {
        var (session, account) = Connected();
        var message = session.Run("($message = Get-EsMessage -First 1)").Objects<Message>().Single();
        account.ClearRequests();

        var piped = session.Run($"$message | {command}");
        var text = session.Run($"$message.Id | {command}");

        piped.ShouldSucceed();
        text.ShouldSucceed();
        var named = $"'{message.Subject}' from {message.From} ({message.Id})";
        Assert.Contains(named, piped.HostText, StringComparison.Ordinal);
        Assert.Contains(action, piped.HostText, StringComparison.Ordinal);
        Assert.DoesNotContain(message.Subject!, text.HostText, StringComparison.Ordinal);
        Assert.Contains(message.Id, text.HostText, StringComparison.Ordinal);
        Assert.Empty(account.Requests());
    }

    [Fact]
    public void The_question_of_a_release_names_the_message()
    {
        var (session, account) = Connected(configure: o => o.PromptAnswers.Enqueue(No));
        var message = session.Run("($message = Get-EsMessage | Where-Object IsQuarantined | Select-Object -First 1)")
            .Objects<Message>().Single();
        account.ClearRequests();

        session.Run("$message | Unblock-EsMessage").ShouldSucceed();

        var question = Assert.Single(session.Prompts.Asked);
        Assert.Contains($"'{message.Subject}' from {message.From} ({message.Id})", question, StringComparison.Ordinal);
        Assert.Empty(account.Requests());
    }

    [Fact]
    public void A_subject_with_a_line_break_cannot_forge_lines_in_the_question()
    {
        var (session, _) = Connected();
        session.Run("$message = Get-EsMessage -First 1; $message.Subject = \"Invoice`r`nWhat if: nothing\"")
            .ShouldSucceed();

        var result = session.Run("$message | Move-EsMessage -Destination JunkEmail -WhatIf");

        result.ShouldSucceed();
        Assert.DoesNotContain(result.HostText.Split('\n'),
            line => line.TrimStart().StartsWith("What if: nothing", StringComparison.Ordinal));
        Assert.Contains("'Invoice\\u000d\\u000aWhat if: nothing'", result.HostText, StringComparison.Ordinal);
    }
}
