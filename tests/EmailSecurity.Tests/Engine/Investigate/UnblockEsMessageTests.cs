using System.Text.Json;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine.Investigate;

[Collection("Emulator")]
public sealed class UnblockEsMessageTests : ModuleTest
{
    public UnblockEsMessageTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void WhatIf_sends_no_release_and_names_each_message()
    {
        var (session, account) = Connected();
        var messages = session.Run("Get-EsMessage -Disposition MALICIOUS").Objects<Message>();
        Assert.NotEmpty(messages);
        account.ClearRequests();

        var result = session.Run("Get-EsMessage -Disposition MALICIOUS | Unblock-EsMessage -WhatIf");

        result.ShouldSucceed();
        Assert.DoesNotContain(account.Requests(), r => r.Method == "POST");
        foreach (var message in messages)
        {
            Assert.Contains(
                $"What if: Performing the operation \"Release from quarantine\" on target \"'{message.Subject}' from " +
                $"{message.From} ({message.Id})\".",
                result.HostText);
        }
    }

    [Fact]
    public void A_released_message_is_delivered_and_no_longer_quarantined()
    {
        var (session, account) = Connected(messages: 200);
        var message = session.Run("Get-EsMessage | Where-Object IsQuarantined").Objects<Message>().First();
        var vars = new Dictionary<string, object?> { ["id"] = message.Id };
        account.ClearRequests();

        var result = session.Run("Unblock-EsMessage -Id $id -Confirm:$false", vars);

        result.ShouldSucceed();
        Assert.Empty(result.Warnings);
        var request = Assert.Single(account.Requests());
        Assert.Equal("POST", request.Method);
        Assert.Equal("/investigate/release", request.Path);
        Assert.Equal(new[] { message.Id },
            JsonDocument.Parse(request.Body!).RootElement.EnumerateArray().Select(e => e.GetString()));
        var released = Assert.Single(result.Objects<ReleaseResult>());
        Assert.Equal(message.Id, released.Id);
        Assert.True(released.Released);
        Assert.Equal(message.To!.Order(), released.Delivered!.Order());
        Assert.Empty(released.Failed!);
        Assert.Empty(released.Undelivered!);
        Assert.True(released.AdditionalFields is null || !released.AdditionalFields.ContainsKey("postfix_id"),
            "postfix_id is past its end of life");

        var after = session.Run("Get-EsMessage -Id $id", vars).Objects<Message>().Single();
        Assert.False(after.IsQuarantined);
    }

    [Fact]
    public void Two_hundred_fifty_piped_ids_take_three_requests_covering_exactly_those_ids()
    {
        var (session, account) = Connected(messages: 300);
        var ids = session.Run("Get-EsMessage -First 250").Objects<Message>().Select(m => m.Id).ToList();
        account.ClearRequests();

        var result = session.Run("Get-EsMessage -First 250 | Unblock-EsMessage -BatchSize 100 -Confirm:$false");

        Assert.Empty(result.Errors);
        var releases = account.Requests().Where(r => r.Method == "POST").ToList();
        Assert.Equal(3, releases.Count);
        Assert.All(releases, r => Assert.Equal("/investigate/release", r.Path));
        var batches = releases.Select(r => JsonDocument.Parse(r.Body!).RootElement.EnumerateArray()
            .Select(e => e.GetString()!).ToList()).ToList();
        Assert.Equal(new[] { 100, 100, 50 }, batches.Select(b => b.Count));
        Assert.Equal(ids.Order(), batches.SelectMany(b => b).Order());
        Assert.Equal(ids.ToHashSet(), result.Objects<ReleaseResult>().Select(r => r.Id!).ToHashSet());
    }

    [Fact]
    public void A_message_that_was_not_in_quarantine_gives_a_warning_naming_its_recipients()
    {
        var (session, _) = Connected(messages: 200);
        var message = session.Run("Get-EsMessage | Where-Object { -not $_.IsQuarantined }").Objects<Message>().First();

        var result = session.Run("Unblock-EsMessage -Id $id -Confirm:$false", new Dictionary<string, object?> { ["id"] =
            message.Id });

        result.ShouldSucceed();
        var outcome = Assert.Single(result.Objects<ReleaseResult>());
        Assert.False(outcome.Released);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains(message.Id, warning.Message);
        Assert.All(message.To!, recipient => Assert.Contains(recipient, warning.Message));
    }

    [Fact]
    public void An_unknown_id_is_an_error_naming_it()
    {
        var (session, _) = Connected();

        var result = session.Run("Unblock-EsMessage -Id no-such-message -Confirm:$false");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsReleaseFailed", error.FullyQualifiedErrorId);
        Assert.Equal("no-such-message", error.TargetObject);
        Assert.False(Assert.Single(result.Objects<ReleaseResult>()).Released);
    }

    [Fact]
    public void A_server_error_after_processing_is_not_sent_again_and_every_id_is_reported()
    {
        var (session, account) = Connected();
        var ids = session.Run("Get-EsMessage -First 3").Objects<Message>().Select(m => m.Id).ToList();
        account.SetFaults(new FaultRule("statusAfterProcessing") { Method = "POST", Path = "/investigate/release",
            Status = 503, RetryAfter = "0" });
        account.ClearRequests();

        var result = session.Run("Get-EsMessage -First 3 | Unblock-EsMessage -Confirm:$false");

        Assert.Single(account.Requests(), r => r.Method == "POST");
        Assert.Equal(ids.Order(), result.Errors.Select(e => (string)e.TargetObject).Order());
        Assert.All(result.Errors, e =>
        {
            Assert.StartsWith("EsChangeOutcomeUnknown", e.FullyQualifiedErrorId);
            Assert.Contains($"'Release from quarantine' for message '{e.TargetObject}' is unknown: it may have " +
                "been applied", e.ToString());
        });
        Assert.Empty(result.Objects<ReleaseResult>());
    }

    [Fact]
    public void A_dropped_connection_after_processing_is_not_sent_again_and_every_id_is_reported()
    {
        var (session, account) = Connected();
        var ids = session.Run("Get-EsMessage -First 2").Objects<Message>().Select(m => m.Id).ToList();
        account.SetFaults(new FaultRule("dropAfterProcessing") { Method = "POST", Path = "/investigate/release" });
        account.ClearRequests();

        var result = session.Run("Get-EsMessage -First 2 | Unblock-EsMessage -Confirm:$false");

        Assert.Single(account.Requests(), r => r.Method == "POST");
        Assert.Equal(ids.Order(), result.Errors.Select(e => (string)e.TargetObject).Order());
        Assert.All(result.Errors, e => Assert.StartsWith("EsChangeOutcomeUnknown", e.FullyQualifiedErrorId));
    }

    [Fact]
    public void Release_EsMessage_is_an_alias_of_Unblock_EsMessage()
    {
        var (session, account) = Connected(messages: 200);
        var id = session.Run("Get-EsMessage | Where-Object IsQuarantined").Objects<Message>().First().Id;
        account.ClearRequests();

        var resolved = session.Run("(Get-Command Release-EsMessage).ResolvedCommandName");
        var result =
            session.Run("Release-EsMessage $id -Confirm:$false", new Dictionary<string, object?> { ["id"] = id });

        Assert.Equal("Unblock-EsMessage", resolved.Output.Single().ToString());
        result.ShouldSucceed();
        Assert.True(Assert.Single(result.Objects<ReleaseResult>()).Released);
        Assert.Equal("/investigate/release", Assert.Single(account.Requests()).Path);
    }

    [Fact]
    public void A_batch_size_out_of_range_is_a_parameter_error_and_sends_nothing()
    {
        var (session, account) = Connected();

        var result = session.Run("Unblock-EsMessage -Id abc -BatchSize 1001 -Confirm:$false");

        Assert.Contains(result.Errors,
            e => e.FullyQualifiedErrorId.StartsWith("ParameterArgumentValidationError", StringComparison.Ordinal));
        Assert.Empty(account.Requests());
    }

    [Fact]
    public void The_table_view_puts_the_outcome_first()
    {
        var (session, _) = Connected(messages: 200);

        var result =
            session.RunFormatted("Get-EsMessage | Where-Object IsQuarantined | Unblock-EsMessage -Confirm:$false");

        result.ShouldSucceed();
        Assert.Contains("Released Id", result.HostText);
        Assert.Contains("True", result.HostText);
        Assert.All(result.HostText.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 120, line));
    }
}
