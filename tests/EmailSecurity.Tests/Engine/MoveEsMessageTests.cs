using System.Management.Automation;
using System.Text.Json;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

[Collection("Emulator")]
public sealed class MoveEsMessageTests : ModuleTest
{
    public MoveEsMessageTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void Piped_messages_are_moved_in_bulk_requests_covering_exactly_the_piped_ids()
    {
        var (session, account) = Connected(messages: 400);
        var sender = session.Run("Get-EsMessage -First 1").Objects<Message>().Single().From;
        var expected = session.Run("Get-EsMessage -Sender $s", new Dictionary<string, object?> { ["s"] = sender })
            .Objects<Message>().Select(m => m.Id).ToList();
        account.ClearRequests();

        var result = session.Run(
            "Get-EsMessage -Sender $s | Move-EsMessage -Destination JunkEmail -BatchSize 3 -Confirm:$false",
            new Dictionary<string, object?> { ["s"] = sender });

        result.ShouldSucceed();
        var moves = account.Requests().Where(r => r.Method == "POST").ToList();
        Assert.All(moves, r => Assert.Equal("/investigate/move", r.Path));
        var sentIds = moves.SelectMany(r => BulkIds(r.Body)).ToList();
        Assert.Equal(expected.OrderBy(x => x), sentIds.OrderBy(x => x));
        Assert.Equal((expected.Count + 2) / 3, moves.Count);
        Assert.All(moves, r => Assert.Equal("JunkEmail",
            JsonDocument.Parse(r.Body!).RootElement.GetProperty("destination").GetString()));
        var results = result.Objects<MessageMoveResult>();
        Assert.Equal(expected.ToHashSet(), results.Select(r => r.MessageId!).ToHashSet());
        Assert.All(results, r => Assert.True(r.Success));
    }

    [Fact]
    public void Five_thousand_piped_messages_take_fifty_bulk_requests()
    {
        var (session, account) = Connected(messages: 5000);

        var result = session.Run("Get-EsMessage | Move-EsMessage -Destination DeletedItems -Confirm:$false | " +
            "ForEach-Object -Begin { $n = 0 } -Process { $n++ } -End { $n }");

        result.ShouldSucceed();
        var requests = account.Requests();
        Assert.Equal(5, requests.Count(r => r.Method == "GET"));
        var moves = requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(50, moves.Count);
        Assert.Equal(5000, moves.SelectMany(r => BulkIds(r.Body)).Distinct().Count());
        Assert.True(Convert.ToInt32(result.Output.Last().BaseObject) >= 5000);
    }

    [Fact]
    public void One_id_uses_the_single_message_endpoint()
    {
        var (session, account) = Connected();
        var id = session.Run("Get-EsMessage -First 1").Objects<Message>().Single().Id;
        account.ClearRequests();

        var result = session.Run("Move-EsMessage -Id $id -Destination Inbox -Confirm:$false",
            new Dictionary<string, object?> { ["id"] = id });

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/investigate/{id}/move", request.Path);
        Assert.Equal("Inbox", JsonDocument.Parse(request.Body!).RootElement.GetProperty("destination").GetString());
        Assert.All(result.Objects<MessageMoveResult>(), r => Assert.Equal(id, r.MessageId));
    }

    [Fact]
    public void The_folder_is_sent_in_the_APIs_spelling_whatever_case_was_typed()
    {
        var (session, account) = Connected();
        var id = session.Run("Get-EsMessage -First 1").Objects<Message>().Single().Id;
        account.ClearRequests();

        session.Run("Move-EsMessage -Id $id -Destination junkemail -Confirm:$false",
            new Dictionary<string, object?> { ["id"] = id }).ShouldSucceed();

        Assert.Equal("JunkEmail", JsonDocument.Parse(Assert.Single(account.Requests()).Body!).RootElement.GetProperty(
            "destination").GetString());
    }

    [Fact]
    public void WhatIf_sends_nothing_and_names_each_message_and_the_folder()
    {
        var (session, account) = Connected();
        var messages = session.Run("Get-EsMessage -First 3").Objects<Message>();
        account.ClearRequests();

        var result = session.Run("Get-EsMessage -First 3 | Move-EsMessage -Destination DeletedItems -WhatIf");

        result.ShouldSucceed();
        Assert.All(account.Requests(), r => Assert.Equal("GET", r.Method));
        foreach (var m in messages)
        {
            Assert.Contains($"What if: Performing the operation \"Move to DeletedItems\" on target \"'{m.Subject}' " +
                $"from {m.From} ({m.Id})\".", result.HostText);
        }
    }

    [Fact]
    public void Confirm_asks_once_per_message_and_moves_only_the_accepted_ones()
    {
        var (session, account) = Connected(configure: o => { o.PromptAnswers.Enqueue(0); o.PromptAnswers.Enqueue(2); });
        var ids = session.Run("Get-EsMessage -First 2").Objects<Message>().Select(m => m.Id).ToList();
        account.ClearRequests();

        var result = session.Run("Get-EsMessage -First 2 | Move-EsMessage -Destination JunkEmail -Confirm");

        result.ShouldSucceed();
        var move = Assert.Single(account.Requests(), r => r.Method == "POST");
        Assert.Equal($"/investigate/{ids[0]}/move", move.Path);
    }

    [Fact]
    public void A_purge_asks_first_as_a_high_impact_change_does()
    {
        var (session, account) = Connected(configure: o => { o.PromptAnswers.Enqueue(0); o.PromptAnswers.Enqueue(2); });
        var ids = session.Run("Get-EsMessage -First 2").Objects<Message>().Select(m => m.Id).ToList();
        account.ClearRequests();

        var result = session.Run("Get-EsMessage -First 2 | Move-EsMessage -Destination RecoverableItemsPurges");

        result.ShouldSucceed();
        Assert.Equal(2, session.Prompts.Asked.Count);
        Assert.All(session.Prompts.Asked, p => Assert.Contains("Purge this message?", p, StringComparison.Ordinal));
        var move = Assert.Single(account.Requests(), r => r.Method == "POST");
        Assert.Equal($"/investigate/{ids[0]}/move", move.Path);
    }

    [Fact]
    public void A_purge_asks_once_when_the_preference_already_makes_every_move_ask()
    {
        var (session, account) = Connected(configure: o => { o.PromptAnswers.Enqueue(0); });
        var id = session.Run("Get-EsMessage -First 1").Objects<Message>().Single().Id;
        account.ClearRequests();

        var result = session.Run("$ConfirmPreference = 'Medium'; Move-EsMessage -Id $id -Destination " +
            "RecoverableItemsPurges", new Dictionary<string, object?> { ["id"] = id });

        result.ShouldSucceed();
        Assert.Single(session.Prompts.Asked);
        Assert.Single(account.Requests(), r => r.Method == "POST");
    }

    [Fact]
    public void With_ErrorAction_Stop_every_result_of_a_sent_batch_is_written_before_the_first_failure_stops_the_run()
    {
        var (session, account) = Connected();
        var ids = session.Run("Get-EsMessage -First 3").Objects<Message>().Select(m => m.Id).ToList();
        account.ClearRequests();

        var result = session.Run(
            "$moved = [System.Collections.Generic.List[object]]::new(); try { $ids | Move-EsMessage -Destination " +
            "JunkEmail -Confirm:$false -ErrorAction Stop | ForEach-Object { $moved.Add($_) } } catch { 'stopped' " +
            "}; $moved",
            new Dictionary<string, object?> { ["ids"] = ids.Prepend("doesnotexist-1").ToArray() });

        Assert.Equal("stopped", result.Output[0].ToString());
        var written = result.Output.Skip(1).Select(o => o.BaseObject).OfType<MessageMoveResult>().ToList();
        Assert.Contains(written, r => r.MessageId == "doesnotexist-1" && !r.Success);
        Assert.Equal(ids.Order(), written.Where(r => r.Success).Select(r => r.MessageId!).Distinct().Order());
    }

    [Theory]
    [InlineData("Get-EsMessage -First 2 | Move-EsMessage -Destination RecoverableItemsPurges -Confirm:$false")]
    [InlineData(
        "$ConfirmPreference = 'None'; Get-EsMessage -First 2 | Move-EsMessage -Destination RecoverableItemsPurges")]
    [InlineData("Get-EsMessage -First 2 | Move-EsMessage -Destination DeletedItems")]
    public void Other_folders_and_a_purge_with_Confirm_false_do_not_ask(string script)
    {
        var (session, account) = Connected();
        account.ClearRequests();

        var result = session.Run(script);

        result.ShouldSucceed();
        Assert.Empty(session.Prompts.Asked);
        Assert.Equal(2, account.Requests().Where(r => r.Method == "POST").SelectMany(r => BulkIds(r.Body)).Count());
    }

    [Fact]
    public void A_server_error_on_a_move_is_not_sent_again_and_every_id_of_the_batch_is_reported()
    {
        var (session, account) = Connected();
        var ids = session.Run("Get-EsMessage -First 4").Objects<Message>().Select(m => m.Id).ToList();
        account.SetFaults(new FaultRule("statusAfterProcessing") { Method = "POST", Path = "/investigate/move",
            Status = 503, Times = 1, RetryAfter = "0" });
        account.ClearRequests();

        var result = session.Run("Get-EsMessage -First 4 | Move-EsMessage -Destination JunkEmail -Confirm:$false");

        Assert.Single(account.Requests(), r => r.Method == "POST");
        Assert.Equal(ids.ToHashSet(), result.Errors.Select(e => (string)e.TargetObject).ToHashSet());
        Assert.All(result.Errors, e =>
        {
            Assert.StartsWith("EsChangeOutcomeUnknown", e.FullyQualifiedErrorId);
            Assert.Contains($"for message '{e.TargetObject}' is unknown: it may have been applied", e.ToString());
        });
    }

    [Fact]
    public void A_dropped_connection_on_a_move_is_not_sent_again()
    {
        var (session, account) = Connected();
        var ids = session.Run("Get-EsMessage -First 2").Objects<Message>().Select(m => m.Id).ToList();
        account.SetFaults(new FaultRule("dropAfterProcessing") { Method = "POST", Times = 1 });
        account.ClearRequests();

        var result = session.Run("Get-EsMessage -First 2 | Move-EsMessage -Destination JunkEmail -Confirm:$false");

        Assert.Single(account.Requests(), r => r.Method == "POST");
        Assert.Equal(ids.ToHashSet(), result.Errors.Select(e => (string)e.TargetObject).ToHashSet());
        Assert.All(result.Errors, e => Assert.StartsWith("EsChangeOutcomeUnknown", e.FullyQualifiedErrorId));
        Assert.All(result.Errors, e => Assert.Contains("No answer from the API", e.ToString()));
    }

    [Fact]
    public void A_rate_limited_move_is_sent_again_because_the_API_did_not_process_it()
    {
        var (session, account) = Connected();
        session.Run("Get-EsMessage -First 2").ShouldSucceed();
        account.SetFaults(new FaultRule("status") { Method = "POST", Status = 429, RetryAfter = "0", Times = 1 });
        account.ClearRequests();

        var result = session.Run("Get-EsMessage -First 2 | Move-EsMessage -Destination JunkEmail -Confirm:$false");

        result.ShouldSucceed();
        Assert.Equal(2, account.Requests().Count(r => r.Method == "POST"));
    }

    [Fact]
    public void Unknown_ids_in_a_bulk_move_are_errors_naming_the_id()
    {
        var (session, account) = Connected();
        var id = session.Run("Get-EsMessage -First 1").Objects<Message>().Single().Id;

        var result = session.Run("'no-such-message', $id | Move-EsMessage -Destination JunkEmail -Confirm:$false",
            new Dictionary<string, object?> { ["id"] = id });

        var error = Assert.Single(result.Errors);
        Assert.Equal("no-such-message", error.TargetObject);
        Assert.StartsWith("EsMoveFailed", error.FullyQualifiedErrorId);
        Assert.Equal("'Move to JunkEmail' failed for message 'no-such-message': Message not found.", error.ToString());
        Assert.Equal("Look it up with Get-EsMessage -Id 'no-such-message' (a wrong or expired id is not found), then " +
            "run the command again for it if it still needs it.", error.ErrorDetails.RecommendedAction);
        Assert.Contains(result.Objects<MessageMoveResult>(), r => r.MessageId == id && r.Success);
    }

    [Fact]
    public void Messages_a_bulk_answer_leaves_out_are_errors_naming_each_id_and_not_sent_again()
    {
        var (session, account) = Connected();
        var ids = session.Run("Get-EsMessage -First 4").Objects<Message>().Select(m => m.Id).ToList();
        account.SetFaults(new FaultRule("partialResults") { Method = "POST", Path = "/investigate/move" });
        account.ClearRequests();

        var result = session.Run("$ids | Move-EsMessage -Destination JunkEmail -Confirm:$false",
            new Dictionary<string, object?> { ["ids"] = ids.ToArray() });

        Assert.Single(account.Requests(), r => r.Method == "POST");
        var reported = result.Objects<MessageMoveResult>().Select(r => r.MessageId!).ToHashSet();
        var missing = result.Errors.Where(
            e => e.FullyQualifiedErrorId.StartsWith("EsChangeOutcomeUnknown", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reported);
        Assert.NotEmpty(missing);
        Assert.Equal(missing.Count, result.Errors.Count);
        Assert.Equal(ids.Order(), reported.Concat(missing.Select(e => (string)e.TargetObject)).Order());
        Assert.All(missing,
            e => Assert.Contains("reported nothing for this message", e.ToString(), StringComparison.Ordinal));
        Assert.All(missing, e => Assert.StartsWith($"Check with Get-EsMessage -Id '{e.TargetObject}' whether it was " +
            "applied.", e.ErrorDetails.RecommendedAction, StringComparison.Ordinal));
    }

    [Fact]
    public void Results_that_name_messages_by_another_id_are_written_with_one_warning_not_an_error_per_message()
    {
        var (session, account) = Connected();
        var ids = session.Run("Get-EsMessage -First 3").Objects<Message>().Select(m => m.Id).ToList();
        account.SetFaults(new FaultRule("foreignResultIds") { Method = "POST", Times = 2 });

        var bulk = session.Run("$ids | Move-EsMessage -Destination JunkEmail -Confirm:$false",
            new Dictionary<string, object?> { ["ids"] = ids.ToArray() });
        var single = session.Run("Move-EsMessage -Id $id -Destination Inbox -Confirm:$false",
            new Dictionary<string, object?> { ["id"] = ids[0] });

        bulk.ShouldSucceed();
        Assert.Equal(ids.Select(id => $"<{id}@emulator.invalid>").Order(),
            bulk.Objects<MessageMoveResult>().Select(r => r.MessageId!).Distinct().Order());
        var warning = Assert.Single(bulk.Warnings).Message;
        Assert.Contains("could not be matched to the 3 message(s)", warning, StringComparison.Ordinal);
        Assert.Matches(@"for example '<[^']+@emulator\.invalid>'", warning);

        // One message's own endpoint: its results are its outcome whatever they call it.
        single.ShouldSucceed();
        Assert.Empty(single.Warnings);
        Assert.All(single.Objects<MessageMoveResult>(), r => Assert.Equal($"<{ids[0]}@emulator.invalid>", r.MessageId));
        Assert.NotEmpty(single.Objects<MessageMoveResult>());
    }

    [Fact]
    public void A_bad_destination_is_a_parameter_error_and_sends_nothing()
    {
        var (session, account) = Connected();

        var result = session.Run("Move-EsMessage -Id abc -Destination Outbox -Confirm:$false");

        Assert.Contains(result.Errors,
            e => e.FullyQualifiedErrorId.StartsWith("ParameterArgumentValidationError", StringComparison.Ordinal));
        Assert.Empty(account.Requests());
    }

    [Fact]
    public void Destination_completes_with_the_folder_names()
    {
        var (session, _) = Connected();

        var result = session.Run("$s = 'Move-EsMessage -Destination Recov'; (TabExpansion2 -inputScript $s " +
            "-cursorColumn $s.Length).CompletionMatches | ForEach-Object CompletionText");

        result.ShouldSucceed();
        Assert.Equal(new[] { "RecoverableItemsDeletions", "RecoverableItemsPurges" },
            result.Output.Select(o => o.ToString()));
    }

    private static IEnumerable<string> BulkIds(string? body) =>
        JsonDocument.Parse(body!).RootElement.GetProperty("ids").EnumerateArray().Select(e => e.GetString()!);
}
