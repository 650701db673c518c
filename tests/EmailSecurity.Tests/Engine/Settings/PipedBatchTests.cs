using System.Management.Automation;
using System.Reflection;
using EmailSecurity.Models;
using EmailSecurity.Tests.Emulator;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine.Settings;

/// <summary>
/// Piped input to New- and Remove- of a list with a batch endpoint: batch requests of at most -BatchSize per
/// connection on the 2026-10 API, one request each on the seed API (after its refused batch), a lone entry in a request
/// of its own, and every entry accounted for in the output or in an error that names it, also when a batch fails.
/// </summary>
[Collection("Emulator")]
public sealed class PipedBatchTests : SettingsTest
{
    private const string Resource = "block_senders";
    private const string Batch = "POST /settings/block_senders/batch";

    public PipedBatchTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    public static TheoryData<string> Batched() =>
        new(SettingsNoun.All.Where(n => n.Collection.Batch != null).Select(n => n.Resource));

    [Theory]
    [InlineData(5, 2)]
    [InlineData(4, 2)]
    [InlineData(3, 100)]
    public void Piped_entries_go_in_batch_requests_of_BatchSize_and_each_is_written_in_order(int count, int size)
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        session.Run(NewSenders(count)).ShouldSucceed();
        account.ClearRequests();

        var result = session.Run("$new | New-EsBlockedSender" + (size == 100 ? string.Empty : $" -BatchSize {size}"));

        result.ShouldSucceed();
        var changes = Changes(account);
        Assert.Equal((count + size - 1) / size, changes.Count);
        Assert.All(changes, r => Assert.Equal(Batch, $"{r.Method} {r.Path}"));
        Assert.All(changes.Select(Wire.Body), b => Assert.InRange(b.GetProperty("posts").GetArrayLength(), 1, size));
        Assert.Equal(Patterns(count), Wire.Created(changes).Select(p => p.GetProperty("pattern").GetString()));
        var written = result.Objects<BlockedSender>();
        Assert.Equal(Patterns(count), written.Select(s => s.Pattern));
        Assert.All(written, s => Assert.False(string.IsNullOrEmpty(s.Id)));
        var stored = Stored(account, Resource).Select(e => e.GetProperty("id").GetString()).ToHashSet();
        Assert.All(written, s => Assert.Contains(s.Id, stored));
    }

    [Theory]
    [MemberData(nameof(Batched))]
    public void Piped_entries_are_removed_in_batch_requests_each_said_in_verbose(string resource)
    {
        var noun = SettingsNoun.Of(resource);
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        var ids = Stored(account, resource).Take(5).Select(e => e.GetProperty("id").GetString()!).ToList();
        Assert.True(ids.Count >= 3, $"the demo {resource} hold {ids.Count} entries");
        account.ClearRequests();

        var result = session.Run(
            $"{noun.Get} -Id $ids | {noun.Remove} -BatchSize 2 -Force -Verbose", Vars(("ids", ids.ToArray())));

        result.ShouldSucceed();
        Assert.Empty(result.Output);
        var changes = Changes(account);
        Assert.All(changes, r => Assert.Equal($"POST /settings/{resource}/batch", $"{r.Method} {r.Path}"));
        Assert.Equal((ids.Count + 1) / 2, changes.Count);
        Assert.Equal(ids, changes.SelectMany(r => Wire.Body(r).GetProperty("deletes").EnumerateArray())
            .Select(d => d.GetProperty("id").GetString()));
        Assert.All(changes.Select(Wire.Body), b => Assert.Equal(0, b.GetProperty("posts").GetArrayLength()));
        Assert.All(ids, id => Assert.Null(StoredEntry(account, resource, id)));
        Assert.All(ids, id =>
            Assert.Contains(result.Verbose, v => v.Message.EndsWith($" {id}.", StringComparison.Ordinal)));
    }

    [Fact]
    public void On_the_seed_API_the_refused_batch_is_followed_by_one_request_per_entry_and_tried_once()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.Seed);
        session.Run(NewSenders(5)).ShouldSucceed();
        account.ClearRequests();

        var created = session.Run("$new | New-EsBlockedSender -BatchSize 2 -Verbose");
        var posts = Wire.AfterRefusedBatch(account.Requests());
        var ids = created.Objects<BlockedSender>().Select(s => s.Id!).ToArray();
        account.ClearRequests();
        var removed = session.Run("$ids | Remove-EsBlockedSender -BatchSize 2 -Force -Verbose", Vars(("ids", ids)));
        var deletes = Wire.AfterRefusedBatch(account.Requests());

        created.ShouldSucceed();
        removed.ShouldSucceed();
        Assert.All(posts, r => Assert.Equal("POST /settings/block_senders", $"{r.Method} {r.Path}"));
        Assert.Equal(Patterns(5), posts.Select(r => Wire.Body(r).GetProperty("pattern").GetString()));
        Assert.Equal(Patterns(5), created.Objects<BlockedSender>().Select(s => s.Pattern));
        Assert.Equal(
            ids.Select(id => $"DELETE /settings/block_senders/{id}"), deletes.Select(r => $"{r.Method} {r.Path}"));
        Assert.All(ids, id => Assert.Null(StoredEntry(account, Resource, id)));
        const string NoBatch = "The API has no batch endpoint for /settings/block_senders";
        Assert.All(new[] { created, removed }, result =>
            Assert.Single(result.Verbose, v => v.Message.StartsWith(NoBatch, StringComparison.Ordinal)));
    }

    [Fact]
    public void One_entry_alone_keeps_its_own_request()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        session.Run(NewSenders(1)).ShouldSucceed();
        account.ClearRequests();

        session.Run("""
            $made = $new | New-EsBlockedSender
            $made | Remove-EsBlockedSender -Force
            $alone = New-EsBlockedSender -Pattern 'alone.test' -PatternType DOMAIN
            Remove-EsBlockedSender -Id $alone.Id -Force
            """).ShouldSucceed();

        Assert.Equal(
            ["POST /settings/block_senders", $"DELETE /settings/block_senders/{Value(session, "$made.Id")}",
                "POST /settings/block_senders", $"DELETE /settings/block_senders/{Value(session, "$alone.Id")}"],
            Changes(account).Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public void Entries_of_two_accounts_go_in_batches_of_their_own_account()
    {
        var (session, a, b) = TwoAccounts(3, "$fromA[0], $fromB[0], $fromA[1], $fromB[1], $fromB[2]");
        var idsA = Ids(session, "$fromA");
        var idsB = Ids(session, "$fromB");

        session.Run("$mixed | Remove-EsBlockedSender -BatchSize 2 -Force").ShouldSucceed();

        Assert.Equal(new[] { idsA }, Deleted(a));
        Assert.Equal(new[] { idsB[..2], idsB[2..] }, Deleted(b));
        Assert.All(idsA, id => Assert.Null(StoredEntry(a, Resource, id)));
        Assert.All(idsB, id => Assert.Null(StoredEntry(b, Resource, id)));
    }

    [Fact]
    public void A_batch_with_no_answer_names_each_of_its_entries_and_the_other_batches_go_on()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        session.Run(NewSenders(5)).ShouldSucceed();
        account.ClearRequests();
        account.SetFaults(new FaultRule("dropAfterProcessing") { Method = "POST", Path = "/batch" });

        var result = session.Run("$new | New-EsBlockedSender -BatchSize 2");

        Assert.Equal(3, Changes(account).Count);
        Assert.Equal(Patterns(5)[2..], result.Objects<BlockedSender>().Select(s => s.Pattern));
        Assert.Equal(Patterns(5)[..2], result.Errors.Select(e => (string)e.TargetObject));
        Assert.All(result.Errors, e =>
        {
            Assert.StartsWith("EsChangeOutcomeUnknown", e.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.StartsWith(
                $"The outcome of 'Create blocked sender' for blocked sender '{e.TargetObject}' is unknown: it may have "
                    + "been applied. It went in one atomic batch request with 1 other change(s).",
                e.ToString(),
                StringComparison.Ordinal);
            var advice = e.ErrorDetails.RecommendedAction;
            var check = $"Check with Get-EsBlockedSender -Pattern '{e.TargetObject}' whether";
            Assert.StartsWith(check, advice, StringComparison.Ordinal);
            Assert.DoesNotContain("command again", advice, StringComparison.OrdinalIgnoreCase);
        });
        var outcomes = ((EsChangeException)result.Errors[^1].Exception).Outcomes;
        Assert.Equal(
            [
                .. Patterns(5)[..2].Select(p => $"{p}: Unknown (no answer)"),
                .. Patterns(5)[2..].Select(p => $"{p}: Applied"),
            ],
            outcomes.Select(o => o.ToString()));
    }

    [Fact]
    public void A_batch_refused_for_one_gone_id_is_sent_again_id_by_id_and_the_others_are_removed()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        var ids = StoredIds(account, 5);
        var gone = ids[3];
        var notFound = NotFoundMessage(account, Resource, MissingId);
        session.Run("$listed = @(Get-EsBlockedSender -Id $ids)", Vars(("ids", ids))).ShouldSucceed();
        Delete(account, gone);
        account.ClearRequests();

        var result = session.Run("$listed | Remove-EsBlockedSender -BatchSize 2 -Force");

        Assert.Equal(
            [Batch + " 200", Batch + " 404", .. ids[2..4].Select(id => $"DELETE /settings/{Resource}/{id} "
                + (id == gone ? "404" : "200")), Batch + " 200"],
            Changes(account).Select(r => $"{r.Method} {r.Path} {r.Status}"));
        var warning = Assert.Single(result.Warnings).Message;
        Assert.StartsWith(
            "The API refused batch 2 (2 blocked sender changes) as a whole, so none of it was applied: ", warning);
        Assert.EndsWith("Sending its 2 changes one by one, so each gets its own outcome.", warning);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsApiNotFound", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(gone, error.TargetObject);
        Assert.Contains(notFound, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("batch", error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.All(ids, id => Assert.Null(StoredEntry(account, Resource, id)));
    }

    [Fact]
    public void On_the_seed_API_a_gone_id_among_piped_ones_is_its_own_error_and_the_others_are_removed()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.Seed);
        var ids = StoredIds(account, 5);
        Delete(account, ids[1]);
        account.ClearRequests();

        var result = session.Run("$ids | Remove-EsBlockedSender -Force", Vars(("ids", ids)));

        Assert.Equal(
            ids.Select(id => $"DELETE /settings/{Resource}/{id} " + (id == ids[1] ? "404" : "200")),
            Wire.AfterRefusedBatch(Changes(account)).Select(r => $"{r.Method} {r.Path} {r.Status}"));
        Assert.Empty(result.Warnings);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ids[1], error.TargetObject);
        Assert.StartsWith("EsApiNotFound", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.All(ids, id => Assert.Null(StoredEntry(account, Resource, id)));
    }

    [Fact]
    public void A_batch_refused_for_one_entry_the_API_will_not_take_creates_the_others_in_order()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        session.Run(NewSenders(5) + "; $new[2].Pattern = 'bad(regex'; $new[2].PatternType = 'EMAIL'; "
            + "$new[2] | Add-Member IsRegex $true").ShouldSucceed();
        account.ClearRequests();

        var result = session.Run("$new | New-EsBlockedSender");

        var changes = Changes(account);
        Assert.Equal(
            [(Batch, 400), .. Enumerable.Repeat(("POST /settings/block_senders", 200), 2),
                ("POST /settings/block_senders", 400), .. Enumerable.Repeat(("POST /settings/block_senders", 200), 2)],
            changes.Select(r => ($"{r.Method} {r.Path}", r.Status)));
        string[] good = [.. Patterns(5).Where((_, i) => i != 2)];
        Assert.Equal(good, result.Objects<BlockedSender>().Select(s => s.Pattern));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsApiBadRequest", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal("bad(regex", error.TargetObject);
        Assert.Contains("pattern: is not a valid regular expression", error.ToString(), StringComparison.Ordinal);
        Assert.Single(result.Warnings, w => w.Message.StartsWith(
            "The API refused batch 1 (5 blocked sender changes) as a whole", StringComparison.Ordinal));
        var stored = Stored(account, Resource).Select(e => e.GetProperty("pattern").GetString()).ToList();
        Assert.All(good, p => Assert.Contains(p, stored));
        Assert.DoesNotContain("bad(regex", stored);
    }

    public static TheoryData<string, int> UnknownOutcomes() => new()
    {
        { "statusAfterProcessing", 500 },
        { "status", 503 },
        { "dropAfterProcessing", 0 },
        { "drop", 0 },
    };

    [Theory]
    [MemberData(nameof(UnknownOutcomes))]
    public void A_batch_whose_outcome_is_unknown_is_not_sent_again_id_by_id(string fault, int status)
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        var ids = StoredIds(account, 3);
        account.ClearRequests();
        account.SetFaults(new FaultRule(fault) { Method = "POST", Path = "/batch", Status = status == 0 ? null : status });

        var result = session.Run("$ids | Remove-EsBlockedSender -Force", Vars(("ids", ids)));

        Assert.Equal([Batch], Changes(account).Select(r => $"{r.Method} {r.Path}"));
        Assert.Empty(result.Warnings);
        Assert.Equal(ids, result.Errors.Select(e => (string)e.TargetObject));
        Assert.All(result.Errors, e =>
        {
            Assert.StartsWith("EsChangeOutcomeUnknown", e.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.DoesNotContain("command again", e.ErrorDetails.RecommendedAction, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void A_batch_refused_for_the_credential_fails_each_of_its_ids_which_stay_and_the_rest_are_removed()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        var ids = StoredIds(account, 3);
        account.ClearRequests();
        account.SetFaults(new FaultRule("status")
        {
            Method = "POST", Path = "/batch", Status = 403, ErrorMessage = "not allowed to batch",
        });

        var result = session.Run("$ids | Remove-EsBlockedSender -BatchSize 2 -Force", Vars(("ids", ids)));

        Assert.Empty(result.Warnings);
        Assert.Equal(ids[..2], result.Errors.Select(e => (string)e.TargetObject));
        Assert.All(result.Errors, e =>
        {
            Assert.StartsWith("EsApiForbidden", e.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.StartsWith(
                $"'Remove blocked sender' failed for blocked sender '{e.TargetObject}': It went in one atomic batch "
                    + "request with 1 other change(s). ",
                e.ToString(),
                StringComparison.Ordinal);
            Assert.Contains("not allowed to batch", e.ToString(), StringComparison.Ordinal);
        });
        Assert.Equal(new[] { ids[..2], ids[2..] }, Deleted(account));
        Assert.NotNull(StoredEntry(account, Resource, ids[0]));
        Assert.NotNull(StoredEntry(account, Resource, ids[1]));
        Assert.Null(StoredEntry(account, Resource, ids[2]));
    }

    [Fact]
    public void A_stop_at_a_failed_batch_sends_nothing_after_it_and_names_the_ids_never_sent()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        var ids = StoredIds(account, 5);
        account.ClearRequests();
        account.SetFaults(new FaultRule("status") { Method = "POST", Path = "/batch", Status = 403 });

        var result = session.Run("""
            try { Remove-EsBlockedSender -Id $ids -BatchSize 2 -Force -ErrorAction Stop }
            catch { $_.Exception.Outcomes | ForEach-Object { "$($_.Target)=$($_.Outcome)" } }
            """, Vars(("ids", ids)));

        result.ShouldSucceed();
        Assert.Equal(
            [.. ids[..2].Select(id => $"{id}=Failed"), .. ids[2..].Select(id => $"{id}=NotSent")],
            result.Output.Select(o => o.ToString()));
        Assert.Single(Changes(account));
        Assert.All(ids, id => Assert.NotNull(StoredEntry(account, Resource, id)));
    }

    [Fact]
    public void A_stop_at_an_id_of_a_refused_batch_sent_again_names_the_ids_never_sent()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        var ids = StoredIds(account, 5);
        Delete(account, ids[1]);
        account.ClearRequests();

        var result = session.Run("""
            try { Remove-EsBlockedSender -Id $ids -BatchSize 3 -Force -ErrorAction Stop }
            catch { $_.Exception.Outcomes | ForEach-Object { "$($_.Target)=$($_.Outcome)" } }
            """, Vars(("ids", ids)));

        result.ShouldSucceed();
        Assert.Equal(
            [$"{ids[0]}=Applied", $"{ids[1]}=Failed", .. ids[2..].Select(id => $"{id}=NotSent")],
            result.Output.Select(o => o.ToString()));
        Assert.Equal(
            [Batch, $"DELETE /settings/{Resource}/{ids[0]}", $"DELETE /settings/{Resource}/{ids[1]}"],
            Changes(account).Select(r => $"{r.Method} {r.Path}"));
        Assert.Null(StoredEntry(account, Resource, ids[0]));
        Assert.All(ids[2..], id => Assert.NotNull(StoredEntry(account, Resource, id)));
    }

    [Fact]
    public void A_stop_names_the_entries_held_for_another_account_as_never_sent()
    {
        var (session, a, b) = TwoAccounts(1, "$fromA[0], $fromB[0], $fromA[1]");
        var idsA = Ids(session, "$fromA");
        var idB = Ids(session, "$fromB").Single();
        a.SetFaults(new FaultRule("dropAfterProcessing") { Method = "POST", Path = "/batch" });

        var result = session.Run("""
            try { $mixed | Remove-EsBlockedSender -BatchSize 2 -Force -ErrorAction Stop }
            catch { $_.Exception.Outcomes | ForEach-Object { "$($_.Target)=$($_.Outcome)" } }
            """);

        result.ShouldSucceed();
        Assert.Equal(
            [$"{idsA[0]}=Unknown", $"{idsA[1]}=Unknown", $"{idB}=NotSent"], result.Output.Select(o => o.ToString()));
        Assert.Single(Changes(a));
        Assert.Empty(b.Requests());
    }

    [Fact]
    public void A_piped_New_that_stops_at_a_failed_batch_sends_nothing_after_it()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        session.Run(NewSenders(5)).ShouldSucceed();
        var before = Stored(account, Resource).Count;
        account.ClearRequests();
        account.SetFaults(new FaultRule("status") { Method = "POST", Path = "/batch", Status = 403 });

        var result = session.Run("$new | New-EsBlockedSender -BatchSize 2 -ErrorAction Stop");

        var stopped = Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating).ErrorRecord;
        Assert.Equal("piped1.test", stopped.TargetObject);
        Assert.Equal(["piped1.test: Failed (HTTP 403)", "piped2.test: Failed (HTTP 403)"],
            ((EsChangeException)stopped.Exception).Outcomes.Select(o => o.ToString()));
        Assert.Single(Changes(account));
        Assert.Equal(before, Stored(account, Resource).Count);
    }

    [Fact]
    public void WhatIf_names_each_entry_and_sends_nothing()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        session.Run(NewSenders(3)).ShouldSucceed();
        account.ClearRequests();

        var created = session.Run("$new | New-EsBlockedSender -BatchSize 2 -WhatIf");
        var removed = session.Run("Get-EsBlockedSender -First 3 | Remove-EsBlockedSender -BatchSize 2 -WhatIf");

        created.ShouldSucceed();
        removed.ShouldSucceed();
        Assert.All(account.Requests(), r => Assert.Equal("GET", r.Method));
        Assert.All(Patterns(3), p =>
            Assert.Contains($"Performing the operation \"Create blocked sender\" on target \"{p}\"", created.HostText));
        Assert.Equal(3, removed.HostText.Split("Performing the operation \"Remove blocked sender\"").Length - 1);
        Assert.Empty(created.Output);
    }

    [Fact]
    public void A_bad_entry_among_piped_ones_is_refused_alone_and_the_others_go_in_one_batch()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        session.Run(NewSenders(3) + "; $new[1].Pattern = 'bad@evil.test'").ShouldSucceed();
        account.ClearRequests();

        var result = session.Run("$new | New-EsBlockedSender");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsInvalidSettingValue", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal("bad@evil.test", error.TargetObject);
        var batch = Assert.Single(Changes(account));
        Assert.Equal(
            ["piped1.test", "piped3.test"], Wire.Created([batch]).Select(p => p.GetProperty("pattern").GetString()));
        Assert.Equal(["piped1.test", "piped3.test"], result.Objects<BlockedSender>().Select(s => s.Pattern));
    }

    [Fact]
    public void A_batch_answer_that_lists_no_new_entries_says_where_to_see_each()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        session.Run(NewSenders(2)).ShouldSucceed();
        account.ClearRequests();
        account.SetFaults(
            new FaultRule("retypedFields") { Method = "POST", Path = "/batch", Fields = new() { ["posts"] = null } });

        var result = session.Run("$new | New-EsBlockedSender");

        result.ShouldSucceed();
        Assert.Empty(result.Output);
        Assert.Equal(
            Patterns(2).Select(p => $"The API created blocked sender '{p}' but did not return it; "
                + $"see it with Get-EsBlockedSender -Pattern '{p}'."),
            result.Warnings.Select(w => w.Message));
        var stored = Stored(account, Resource).Select(e => e.GetProperty("pattern").GetString()).ToList();
        Assert.All(Patterns(2), p => Assert.Contains(p, stored));
    }

    [Fact]
    public void Only_New_and_Remove_of_a_list_with_a_batch_endpoint_take_BatchSize_from_1_to_1000()
    {
        foreach (var noun in SettingsNoun.All)
        {
            foreach (var command in new[] { noun.New, noun.Remove }.OfType<string>())
            {
                var parameter = SettingsNoun.CmdletType(command).GetProperty("BatchSize");
                var declared = parameter?.GetCustomAttribute<ParameterAttribute>() != null;
                Assert.True((noun.Collection.Batch != null) == declared, command);
            }
        }

        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        account.ClearRequests();
        var zero = session.Run("'x' | Remove-EsBlockedSender -BatchSize 0 -Force");
        var tooMany = session.Run("New-EsBlockedSender -Pattern x.test -PatternType DOMAIN -BatchSize 1001");

        Assert.All(new[] { zero, tooMany }, r =>
            Assert.StartsWith("ParameterArgumentValidationError", Assert.Single(AllErrors(r)).FullyQualifiedErrorId));
        Assert.Empty(account.Requests());
    }

    /// <summary>
    /// A session connected to accounts A (the session's) and B ($b), both 2026-10, with $fromA (A's first two blocked
    /// senders), $fromB (B's last <paramref name="fromB"/>) and $mixed, the two as <paramref name="mixed"/> lists them.
    /// </summary>
    private (EngineSession Session, EmulatorAccount A, EmulatorAccount B) TwoAccounts(int fromB, string mixed)
    {
        var (session, a) = Connected(apiVersion: ApiVersionNames.V2026_10);
        var b = Emulator.NewAccount(apiVersion: ApiVersionNames.V2026_10);
        session.Run($"""
            $b = Connect-EsAccount -AccountId '{b.Id}' -ApiToken $EsTestToken -BaseUri '{Emulator.ApiBaseUri}' -PassThru
            Connect-EsAccount -AccountId '{a.Id}' -ApiToken $EsTestToken -BaseUri '{Emulator.ApiBaseUri}'
            # The demo lists of two accounts hold the same ids: B's last ones differ from A's first.
            $fromA = @(Get-EsBlockedSender -First 2)
            $fromB = @(Get-EsBlockedSender -Connection $b | Select-Object -Last {fromB})
            $mixed = {mixed}
            """).ShouldSucceed();
        a.ClearRequests();
        b.ClearRequests();
        return (session, a, b);
    }

    /// <summary>$new: <paramref name="count"/> new blocked domains, piped1.test, piped2.test, ...</summary>
    private static string NewSenders(int count) =>
        $"$new = @(1..{count} | ForEach-Object {{ [pscustomobject]@{{ Pattern = \"piped$_.test\"; "
            + "PatternType = 'DOMAIN' } })";

    private static string[] Patterns(int count) => Enumerable.Range(1, count).Select(i => $"piped{i}.test").ToArray();

    private static List<RecordedRequest> Changes(EmulatorAccount account) =>
        account.Requests().Where(r => r.Method != "GET").ToList();

    /// <summary>The ids each change request of the account deleted: one list per request.</summary>
    private static List<string[]> Deleted(EmulatorAccount account) => Changes(account)
        .Select(r => r.Path.EndsWith("/batch", StringComparison.Ordinal)
            ? Wire.Body(r).GetProperty("deletes").EnumerateArray().Select(d => d.GetProperty("id").GetString()!)
                .ToArray()
            : [r.Path.Split('/')[^1]])
        .ToList();

    /// <summary>The ids of the account's first <paramref name="count"/> blocked senders.</summary>
    private string[] StoredIds(EmulatorAccount account, int count) =>
        Stored(account, Resource).Take(count).Select(e => e.GetProperty("id").GetString()!).ToArray();

    /// <summary>Deletes an entry straight through the API, as a colleague would meanwhile.</summary>
    private void Delete(EmulatorAccount account, string id) =>
        new AccountApi(Emulator, account).Delete($"/settings/{Resource}/{id}").GetAwaiter().GetResult().ShouldSucceed();

    private static string[] Ids(EngineSession session, string entries) =>
        session.Run($"{entries} | ForEach-Object Id").Output.Select(o => o.ToString()).ToArray();

    private static string Value(EngineSession session, string expression) =>
        session.Run(expression).Output.Single().ToString();
}
