using System.Management.Automation;
using System.Text.Json;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine.Settings;

/// <summary>
/// Settings as code (Sync-Es*): the plan -WhatIf prints, the one atomic batch request that applies it, the fallback to
/// one request per change where the API has no batch endpoint, and a batch whose outcome is unknown.
/// </summary>
[Collection("Emulator")]
public sealed class SyncTests : SettingsTest
{
    private const string Resource = "allow_policies";

    /// <summary>
    /// The account's allow policies, minus the first (to delete), with the second's comments changed and a new one
    /// added; UNKNOWN pattern types cannot be created, so they are not desired (and are deleted).
    /// </summary>
    private const string Desired = """
        $held = @(Get-EsAllowPolicy | Where-Object PatternType -ne 'UNKNOWN')
        $gone = $held[0]; $changed = $held[1]
        $desired = @($held | Select-Object -Skip 1 | Select-Object Pattern, PatternType, IsRegex, IsTrustedSender, IsAcceptableSender, IsExemptRecipient, VerifySender, Comments)
        $desired[0].Comments = 'Reviewed by a test'
        $desired += [pscustomobject]@{ Pattern = 'sync-new.test'; PatternType = 'domain'; IsTrustedSender = 'True'; Comments = '' }
        """;

    public SyncTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void WhatIf_prints_the_plan_with_old_and_new_values_and_sends_no_change()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        session.Run(Desired).ShouldSucceed();
        account.ClearRequests();

        var result = session.Run("$desired | Sync-EsAllowPolicy -WhatIf");

        result.ShouldSucceed();
        Assert.Empty(result.Output);
        Assert.All(account.Requests(), r => Assert.Equal("GET", r.Method));
        var gone = Value(session, "$gone.Id");
        var changed = Value(session, "$changed.Id");
        var oldComments = Value(session, "$changed.Comments");
        Assert.Contains($"Delete allow policy {gone}\" on target \"{Value(session, "$gone.Pattern")} " +
            $"({Value(session, "$gone.PatternType")})\"", result.HostText);
        Assert.Contains($"Change allow policy {changed}: comments: '{oldComments}' → 'Reviewed by a test'\"",
            result.HostText);
        var create =
            result.HostText.Split('\n').Single(l => l.Contains("Create allow policy: ", StringComparison.Ordinal));
        Assert.Contains("on target \"sync-new.test (DOMAIN)\"", create);
        Assert.All(["pattern: 'sync-new.test'", "pattern_type: " +
            "'DOMAIN'", "is_trusted_sender: true", "verify_sender: false", "comments: (none)"],
            part => Assert.Contains(part, create));
    }

    [Fact]
    public void For_real_one_batch_request_leaves_the_list_equal_to_the_input_and_each_step_is_written()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        session.Run(Desired).ShouldSucceed();
        var unknown = Stored(account, Resource).Count(e => e.GetProperty("pattern_type").GetString() == "UNKNOWN");
        account.ClearRequests();

        var result = session.Run("$desired | Sync-EsAllowPolicy -Force");

        result.ShouldSucceed();
        var changes = account.Requests().Where(r => r.Method != "GET").ToList();
        var batch = Assert.Single(changes);
        Assert.Equal("POST /settings/allow_policies/batch", $"{batch.Method} {batch.Path}");
        var body = Wire.Body(batch);
        Assert.Equal(1 + unknown, body.GetProperty("deletes").GetArrayLength());
        var patch = Assert.Single(body.GetProperty("patches").EnumerateArray());
        Assert.Equal(["comments", "id"], patch.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(1, body.GetProperty("posts").GetArrayLength());

        var desired = session.Run("$desired | ForEach-Object { '{0}|{1}|{2}' -f $_.Pattern, " +
            "$_.PatternType.ToUpper(), $_.Comments }").Output.Select(o => o.ToString()).ToList();
        var stored = Stored(account, Resource)
            .Select(
                e =>
                    $"{e.GetProperty("pattern").GetString()}|{e.GetProperty("pattern_type").GetString()}|{e.GetProperty("comments").GetString()}");
        Assert.Equal(desired.Order(), stored.Order());
        var results = result.Objects<SettingsSyncResult>();
        Assert.Equal(["Changed", "Created", .. Enumerable.Repeat("Deleted", 1 + unknown)],
            results.Select(r => r.Action).Order());
        Assert.All(results, r => Assert.False(string.IsNullOrEmpty(r.Id)));
        Assert.Equal("sync-new.test",
            Assert.IsType<AllowPolicy>(results.Single(r => r.Action == "Created").Result).Pattern);

        // Run again: nothing differs, nothing is sent.
        account.ClearRequests();
        session.Run("$desired | Sync-EsAllowPolicy -Force").ShouldSucceed();
        Assert.All(account.Requests(), r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public void A_plan_larger_than_BatchSize_goes_in_several_batches_deletes_first()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        session.Run(Desired).ShouldSucceed();
        var steps = Stored(account, Resource).Count(e => e.GetProperty("pattern_type").GetString() == "UNKNOWN") + 3;
        account.ClearRequests();

        session.Run("$desired | Sync-EsAllowPolicy -Force -BatchSize 2").ShouldSucceed();

        var batches = account.Requests().Where(r => r.Method != "GET").Select(Wire.Body).ToList();
        Assert.Equal((steps + 1) / 2, batches.Count);
        Assert.All(batches,
            b => Assert.True(new[] { "deletes", "patches", "posts" }.Sum(k => b.GetProperty(k).GetArrayLength()) <= 2));
        Assert.True(batches[0].GetProperty("deletes").GetArrayLength() > 0);
        Assert.Equal(1, batches[^1].GetProperty("posts").GetArrayLength());
    }

    [Fact]
    public void On_the_seed_API_the_refused_batch_is_followed_by_one_request_per_change_each_sent_once()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.Seed);
        session.Run(Desired).ShouldSucceed();
        var unknown = Stored(account, Resource).Count(e => e.GetProperty("pattern_type").GetString() == "UNKNOWN");
        account.ClearRequests();

        var result = session.Run("$desired | Sync-EsAllowPolicy -Force -Verbose");

        result.ShouldSucceed();
        var changes = account.Requests().Where(r => r.Method != "GET").ToList();
        Assert.Equal(("POST", "/settings/allow_policies/batch", 404),
            (changes[0].Method, changes[0].Path, changes[0].Status));
        Assert.Equal([.. Enumerable.Repeat("DELETE", 1 + unknown), "PATCH", "POST"],
            changes.Skip(1).Select(r => r.Method));
        Assert.Equal(changes.Count - 1, changes.Skip(1).Select(r => r.Method + r.Path + r.Body).Distinct().Count());
        Wire.BodyIs(changes.Single(r => r.Method == "PATCH"), ("comments", "\"Reviewed by a test\""));
        Assert.Contains(result.Verbose, v => v.Message.Contains("no batch endpoint", StringComparison.Ordinal));
        Assert.Equal(3 + unknown, result.Objects<SettingsSyncResult>().Length);
        var desired = session.Run("$desired | ForEach-Object { '{0}|{1}' -f $_.Pattern, " +
            "$_.PatternType.ToUpper() }").Output.Select(o => o.ToString()).ToList();
        Assert.Equal(desired.Order(), Stored(account, Resource).Select(
            e => $"{e.GetProperty("pattern").GetString()}|{e.GetProperty("pattern_type").GetString()}").Order());
    }

    /// <summary>
    /// Unlike piped New-/Remove-, a refused plan is not sent again step by step: its steps were planned from the list
    /// as it was read, and a refusal (a step's entry gone meanwhile, say) means that list has changed. The plan
    /// stays atomic: nothing applied, each step failed, and a new Sync plans from the list as it is now.
    /// </summary>
    [Fact]
    public void A_plan_the_API_refuses_as_a_whole_is_not_sent_again_step_by_step()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        session.Run(Desired).ShouldSucceed();
        var before = Stored(account, Resource).Select(e => e.GetRawText()).ToList();
        account.ClearRequests();
        account.SetFaults(new FaultRule("status")
        {
            Method = "POST", Path = "/batch", Status = 404, ErrorMessage = "deletes[0].id: Allow policy not found",
        });

        var result = session.Run("$desired | Sync-EsAllowPolicy -Force");

        Assert.Single(account.Requests(), r => r.Method != "GET");
        Assert.Empty(result.Warnings);
        Assert.Empty(result.Output);
        Assert.True(result.Errors.Count >= 3);
        Assert.All(result.Errors, e =>
        {
            Assert.StartsWith("EsApiNotFound", e.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("deletes[0].id: Allow policy not found", e.ToString(), StringComparison.Ordinal);
        });
        Assert.Equal(before, Stored(account, Resource).Select(e => e.GetRawText()));
    }

    [Fact]
    public void A_batch_with_no_answer_is_not_sent_again_and_each_of_its_entries_is_named_with_an_unknown_outcome()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        session.Run(Desired).ShouldSucceed();
        account.ClearRequests();
        account.SetFaults(new FaultRule("dropAfterProcessing") { Method = "POST", Path = "/batch", Times = 0 });

        var result = session.Run("$desired | Sync-EsAllowPolicy -Force");

        account.ClearFaults();
        Assert.Single(account.Requests(), r => r.Method != "GET");
        var errors = result.Errors;
        var steps = result.Errors.Count;
        Assert.True(steps >= 3);
        Assert.All(errors,
            e => Assert.StartsWith("EsChangeOutcomeUnknown", e.FullyQualifiedErrorId, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Contains("one atomic batch request", e.ToString(), StringComparison.Ordinal));
        Assert.All(errors, e => Assert.StartsWith("Check with Get-EsAllowPolicy", e.ErrorDetails.RecommendedAction,
            StringComparison.Ordinal));
        Assert.All(errors, e => Assert.DoesNotContain("command again", e.ErrorDetails.RecommendedAction,
            StringComparison.OrdinalIgnoreCase));
        Assert.Contains(errors, e => e.ToString().StartsWith("The outcome of 'Create allow policy sync-new.test " +
            "(DOMAIN)' for allow policy 'sync-new.test (DOMAIN)' is unknown", StringComparison.Ordinal));
        Assert.Contains(errors, e => (string)e.TargetObject == Value(session, "$gone.Id")
            && e.ErrorDetails.RecommendedAction.StartsWith(
                $"Check with Get-EsAllowPolicy -Id '{e.TargetObject}' whether", StringComparison.Ordinal));
        Assert.Contains(errors, e => (string)e.TargetObject == "sync-new.test (DOMAIN)"
            && e.ErrorDetails.RecommendedAction.StartsWith("Check with Get-EsAllowPolicy | Where-Object Pattern -eq " +
                "'sync-new.test' whether", StringComparison.Ordinal));
        var outcomes = ((EsChangeException)errors[0].Exception).Outcomes;
        Assert.Equal(steps, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(ChangeOutcome.Unknown, o.Outcome));
        Assert.Empty(result.Output);
    }

    [Fact]
    public void The_same_entry_twice_in_the_input_is_refused_before_any_request()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        account.ClearRequests();

        var result = session.Run("""
            [pscustomobject]@{ Pattern = 'twice.test'; PatternType = 'DOMAIN' },
            [pscustomobject]@{ Pattern = 'TWICE.test'; PatternType = 'domain'; Comments = 'again' } | Sync-EsAllowPolicy -Force
            """);

        var error = Assert.Single(AllErrors(result));
        Assert.Equal("EsInvalidSyncInput,EmailSecurity.Cmdlets.Settings.SyncEsAllowPolicyCommand",
            error.FullyQualifiedErrorId);
        Assert.Contains("'twice.test (DOMAIN)' is given 2 times", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(account.Requests());
    }

    [Fact]
    public void Bad_values_and_an_empty_input_are_refused_before_any_request()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        account.ClearRequests();

        var bad = session.Run("[pscustomobject]@{ Pattern = 'x.test'; PatternType = 'DOMAIN'; IsTrustedSender = " +
            "'maybe' } | Sync-EsAllowPolicy -Force");
        var empty = session.Run("@() | Sync-EsAllowPolicy -Force");
        var array = session.Run("[pscustomobject]@{ Name = 'n'; Pattern = 'p'; Targets = 'System.String[]' } | " +
            "Sync-EsContentPolicy -Force");

        Assert.Contains("IsTrustedSender 'maybe' is not a true or false value",
            Assert.Single(AllErrors(bad)).ToString(), StringComparison.Ordinal);
        Assert.Contains("No desired allow policy entries were piped in", Assert.Single(AllErrors(empty)).ToString(),
            StringComparison.Ordinal);
        Assert.Contains("-join ';'", Assert.Single(AllErrors(array)).ToString(), StringComparison.Ordinal);
        Assert.Empty(account.Requests());
    }

    [Fact]
    public void NoDelete_only_creates_and_changes()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        session.Run(Desired).ShouldSucceed();
        var before = Stored(account, Resource).Count;
        account.ClearRequests();

        var result = session.Run("$desired | Sync-EsAllowPolicy -NoDelete");

        result.ShouldSucceed();
        var body = Wire.Body(Assert.Single(account.Requests(), r => r.Method != "GET"));
        Assert.Equal(0, body.GetProperty("deletes").GetArrayLength());
        Assert.Equal(before + 1, Stored(account, Resource).Count);
    }

    [Fact]
    public void Content_policies_from_CSV_text_match_by_name_and_compare_targets_as_a_set()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        var csv = session.Run("""
            Get-EsContentPolicy | Select-Object Name, Enabled, @{ n = 'Targets'; e = { $_.Targets -join ';' } }, Pattern, Notes | ConvertTo-Csv | ConvertFrom-Csv
            """);
        csv.ShouldSucceed();
        account.ClearRequests();

        var same = session.Run("$rows | ForEach-Object { $_.Targets = (($_.Targets -split ';') | Sort-Object " +
            "-Descending) -join ';'; $_ } | Sync-EsContentPolicy -Force",
            Vars(("rows", csv.Output.ToArray())));
        var disabled = session.Run("$rows[0].Enabled = 'False'; $rows | Sync-EsContentPolicy -Force",
            Vars(("rows", csv.Output.ToArray())));

        same.ShouldSucceed();
        disabled.ShouldSucceed();
        var batch = Wire.Body(Assert.Single(account.Requests(), r => r.Method != "GET"));
        var patch = Assert.Single(batch.GetProperty("patches").EnumerateArray());
        Assert.False(patch.GetProperty("enabled").GetBoolean());
        Assert.Equal(0, batch.GetProperty("deletes").GetArrayLength() + batch.GetProperty("posts").GetArrayLength());
    }

    [Theory]
    [InlineData("AllowPolicy")]
    [InlineData("BlockedSender")]
    public void A_list_holding_UNKNOWN_pattern_types_synced_to_itself_sends_no_change(string noun)
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        account.ClearRequests();

        var result = session.Run($"Get-Es{noun} | Sync-Es{noun} -Force");

        result.ShouldSucceed();
        Assert.Empty(result.Warnings);
        Assert.All(account.Requests(), r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public void Copied_to_another_account_UNKNOWN_entries_are_left_out_with_one_warning_and_the_rest_is_created()
    {
        var (session, a) = Connected(apiVersion: ApiVersionNames.V2026_10);
        var b = Emulator.NewAccount(apiVersion: ApiVersionNames.V2026_10);
        Empty(b, Resource);
        session.Run($"""
            $new = Connect-EsAccount -AccountId '{b.Id}' -ApiToken $EsTestToken -BaseUri '{Emulator.ApiBaseUri}' -PassThru
            $old = Connect-EsAccount -AccountId '{a.Id}' -ApiToken $EsTestToken -BaseUri '{Emulator.ApiBaseUri}' -PassThru
            """).ShouldSucceed();
        var source = Stored(a, Resource);
        b.ClearRequests();

        var whatIf = session.Run("Get-EsAllowPolicy -Connection $old | Sync-EsAllowPolicy -Connection $new -WhatIf");
        var result = session.Run("Get-EsAllowPolicy -Connection $old | Sync-EsAllowPolicy -Connection $new -Force");

        whatIf.ShouldSucceed();
        result.ShouldSucceed();
        Assert.Contains("Create allow policy: ", whatIf.HostText, StringComparison.Ordinal);
        Assert.DoesNotContain(whatIf.HostText.Split('\n'),
            l => l.Contains("Create", StringComparison.Ordinal) && l.Contains("legacy", StringComparison.Ordinal));
        foreach (var run in new[] { whatIf, result })
        {
            var warning = Assert.Single(run.Warnings).Message;
            Assert.Contains("'legacy-scanner.contoso.example (UNKNOWN)'", warning, StringComparison.Ordinal);
            Assert.Contains("New-EsAllowPolicy -Pattern 'legacy-scanner.contoso.example' -PatternType DOMAIN",
                warning, StringComparison.Ordinal);
        }

        var batch = Assert.Single(b.Requests(), r => r.Method != "GET");
        Assert.DoesNotContain("UNKNOWN", batch.Body, StringComparison.Ordinal);
        Assert.Equal(
            source.Where(e => e.GetProperty("pattern_type").GetString() != "UNKNOWN")
                .Select(e => e.GetProperty("pattern").GetString()).Order(),
            Stored(b, Resource).Select(e => e.GetProperty("pattern").GetString()).Order());
    }

    [Fact]
    public void An_UNKNOWN_entry_matches_the_same_pattern_of_any_type_and_UNKNOWN_is_never_sent()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        session.Run("""
            $desired = @(Get-EsAllowPolicy)
            $legacy = $desired | Where-Object PatternType -eq 'UNKNOWN'
            $legacy.Comments = 'Still needed'
            """).ShouldSucceed();
        var id = Value(session, "$legacy.Id");

        // The account's entry got a real type since: it is the same entry, so only the comments change.
        session.Run("Set-EsAllowPolicy -Id $legacy.Id -PatternType DOMAIN -Confirm:$false").ShouldSucceed();
        account.ClearRequests();
        var typed = session.Run("$desired | Sync-EsAllowPolicy -Force");

        typed.ShouldSucceed();
        Assert.Empty(typed.Warnings);
        var batch = Wire.Body(Assert.Single(account.Requests(), r => r.Method != "GET"));
        Assert.Equal(0, batch.GetProperty("deletes").GetArrayLength() + batch.GetProperty("posts").GetArrayLength());
        var patch = Assert.Single(batch.GetProperty("patches").EnumerateArray());
        Assert.Equal(["comments", "id"], patch.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(id, patch.GetProperty("id").GetString());
        Assert.Equal("DOMAIN", StoredEntry(account, Resource, id)!.Value.GetProperty("pattern_type").GetString());

        // The other way round: an UNKNOWN entry of the account given a real type in the input gets it, in place.
        var (fresh, held) = Connected(apiVersion: ApiVersionNames.V2026_10);
        var legacyId = Value(fresh, "(Get-EsAllowPolicy -PatternType UNKNOWN).Id");
        held.ClearRequests();
        var retyped = fresh.Run("Get-EsAllowPolicy | ForEach-Object { if ($_.PatternType -eq 'UNKNOWN') { " +
            "$_.PatternType = 'DOMAIN' }; $_ } | Sync-EsAllowPolicy -Force");

        retyped.ShouldSucceed();
        var body = Wire.Body(Assert.Single(held.Requests(), r => r.Method != "GET"));
        Assert.Equal(0, body.GetProperty("deletes").GetArrayLength() + body.GetProperty("posts").GetArrayLength());
        var retype = Assert.Single(body.GetProperty("patches").EnumerateArray());
        Assert.Equal((legacyId, "DOMAIN"),
            (retype.GetProperty("id").GetString(), retype.GetProperty("pattern_type").GetString()));
        Assert.Equal("DOMAIN",
            StoredEntry(held, Resource, legacyId)!.Value.GetProperty("pattern_type").GetString());
    }

    [Fact]
    public void An_UNKNOWN_entry_not_desired_is_deleted_like_any_other_and_kept_with_NoDelete()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        session.Run("$desired = @(Get-EsAllowPolicy | Where-Object PatternType -ne 'UNKNOWN')").ShouldSucceed();
        var legacy = Value(session, "(Get-EsAllowPolicy -PatternType UNKNOWN).Id");
        account.ClearRequests();

        session.Run("$desired | Sync-EsAllowPolicy -NoDelete -Force").ShouldSucceed();
        Assert.All(account.Requests(), r => Assert.Equal("GET", r.Method));
        var result = session.Run("$desired | Sync-EsAllowPolicy -Force");

        result.ShouldSucceed();
        var deleted = Assert.Single(result.Objects<SettingsSyncResult>());
        Assert.Equal(("Deleted", legacy), (deleted.Action, deleted.Id));
        Assert.Null(StoredEntry(account, Resource, legacy));
    }

    private static string Value(EngineSession session, string expression) =>
        session.Run(expression).Output.Single().ToString();
}
