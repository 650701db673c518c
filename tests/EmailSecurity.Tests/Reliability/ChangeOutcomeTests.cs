using System.Management.Automation;
using System.Text.RegularExpressions;
using EmailSecurity.Client;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Reliability;

/// <summary>
/// What a change whose outcome is unknown tells the user, for every change cmdlet, and what a runbook that stops at
/// the first error (-ErrorAction Stop, $ErrorActionPreference = 'Stop') can still learn of every id: the scripts here
/// are what a runbook would write, run in the engine.
/// </summary>
[Collection("Emulator")]
public sealed partial class ChangeOutcomeTests : ReliabilityTest
{
    public ChangeOutcomeTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    /// <summary>
    /// Every change cmdlet with a run that changes the first object of its kind ($message, or $entry of its list): the
    /// message cmdlets here, the settings lists' from their cmdlet types (New copies the list's first entry it can
    /// create again). A change cmdlet added to the module and not found here fails the coverage test below.
    /// </summary>
    private static readonly Dictionary<string, (string Run, ApiOperation? Sends)> ChangeRuns =
        new Dictionary<string, (string, ApiOperation?)>
    {
        ["Move-EsMessage"] = ("Move-EsMessage -Id $message -Destination JunkEmail", null),
        ["Unblock-EsMessage"] = ("Unblock-EsMessage -Id $message", null),
        ["Submit-EsReclassification"] = ("Submit-EsReclassification -Id $message -ExpectedDisposition NONE", null),
        ["Start-EsBulkAction"] =
            ("Start-EsBulkAction -Action Move -Destination JunkEmail -Disposition MALICIOUS", BulkActions.Create),
        ["Stop-EsBulkAction"] = ("Stop-EsBulkAction -Id $entry", ApiCatalog.Investigate.CancelBulkAction),
        ["Remove-EsBulkAction"] = ("Remove-EsBulkAction -Id $entry", BulkActions.Delete),
    }.Concat(SettingsNoun.All.SelectMany(noun => new[]
    {
        (noun.New, $"@({noun.Get} | Where-Object {{ $_.PatternType -ne 'UNKNOWN' }})[0] | {noun.New}",
            noun.Collection.Create),
        (noun.Set, $"{noun.Set} -Id $entry {noun.SetField}", noun.Collection.Edit),
        (noun.Remove, $"{noun.Remove} -Id $entry", noun.Collection.Delete),
    }.Where(run => run.Item1 is not null).Select(run => KeyValuePair.Create(run.Item1!, (run.Item2, run.Item3)))))
    .Concat(SettingsNoun.All.Where(noun => noun.Collection.Batch is not null).Select(noun => KeyValuePair.Create(
        $"Sync-Es{noun.Noun}",
        (
            $"{noun.Get} | Where-Object {{ $_.Id -eq $entry }} | ForEach-Object {{ " +
            $"$_.{(noun.Noun == "ContentPolicy" ? "Notes" : "Comments")} = 'Synced'; $_ }} | Sync-Es{noun.Noun} " +
            "-NoDelete",
            noun.Collection.Batch))))
    .ToDictionary();

    private static ApiCollection BulkActions => ApiCatalog.CollectionOf<BulkAction>();

    /// <summary>Cmdlets that support -WhatIf for writing files, not for changing anything through the API.</summary>
    private static readonly string[] NotChanges = ["Get-EsMessagePreview", "Get-EsMessageRaw"];

    [Fact]
    public void Every_cmdlet_that_supports_WhatIf_is_a_change_cmdlet_with_a_run_here()
    {
        var session = NewSession();

        var whatIf = session.Run("Get-Command -Module EmailSecurity -CommandType Cmdlet | Where-Object { " +
            "$_.Parameters.ContainsKey('WhatIf') } | ForEach-Object Name")
            .Output.Select(o => o.ToString()!).ToList();
        var changes = session.Run("Get-Command -Module EmailSecurity -CommandType Cmdlet | Where-Object { " +
            "$_.ImplementingType.IsSubclassOf([EmailSecurity.Cmdlets.EsChangeCmdlet]) } | ForEach-Object Name")
            .Output.Select(o => o.ToString()!).ToList();

        Assert.Equal(whatIf.Except(NotChanges).Order(), changes.Order());
        Assert.Equal(changes.Order(), ChangeRuns.Keys.Order());
    }

    public static TheoryData<string> ChangeCmdlets() => new(ChangeRuns.Keys);

    [Theory]
    [MemberData(nameof(ChangeCmdlets))]
    public void A_change_answered_200_with_an_unreadable_body_may_have_been_applied_and_the_advice_names_a_check_that_works(
        string cmdlet)
    {
        var (run, sends) = ChangeRuns[cmdlet];
        // On the oldest API version that has the operation the run sends.
        var (session, account) = Connected(apiVersion: sends is null ? null : Emulator.FirstVersionServing(sends));
        var noun = cmdlet[(cmdlet.IndexOf('-') + 1)..];
        var listOf = noun is "EsMessage" or "EsReclassification" ? "EsMessage" : noun;
        if (listOf == "EsBulkAction")
        {
            // A job for Stop and Remove to change (Remove takes only a job that has ended).
            session.Run("Start-EsBulkAction -Action Release -Disposition SPAM -Force").ShouldSucceed();
            if (cmdlet.StartsWith("Remove-", StringComparison.Ordinal))
            {
                account.AdvanceBulkJobs();
            }
        }

        session.Run($"$message = (Get-EsMessage -First 1).Id; $entry = @(Get-{listOf} -First 1)[0].Id").ShouldSucceed();
        account.SetFaults(new FaultRule("malformed") { Method = MethodOf(cmdlet), Times = 0 });

        var result = session.Run(run + " -Confirm:$false");

        account.ClearFaults();
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsChangeOutcomeUnknown", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        var target = Assert.IsType<string>(error.TargetObject);
        Assert.Matches($"^The outcome of '[^']+' for [A-Za-z ]+ '{Regex.Escape(target)}' is unknown: it may have " +
            "been applied\\. ", error.ToString());
        Assert.Contains("not valid JSON", error.ToString(), StringComparison.Ordinal);
        var advice = error.ErrorDetails.RecommendedAction;
        Assert.DoesNotContain("command again", advice, StringComparison.OrdinalIgnoreCase);
        var check = CheckCommand().Match(advice);
        Assert.True(check.Success, advice);

        // The check names the Get- cmdlet of what was changed, and shows it.
        Assert.StartsWith($"Get-{listOf}", check.Groups[1].Value, StringComparison.Ordinal);
        var shown = session.Run(check.Groups[1].Value);
        if (cmdlet.StartsWith("Remove-", StringComparison.Ordinal))
        {
            Assert.StartsWith("EsApiNotFound", Assert.Single(shown.Errors).FullyQualifiedErrorId,
                StringComparison.Ordinal);
        }
        else
        {
            shown.ShouldSucceed();
            Assert.NotEmpty(shown.Output);
        }
    }

    private static string MethodOf(string cmdlet) =>
        cmdlet.StartsWith("Set-", StringComparison.Ordinal)
            ? "PATCH"
            : cmdlet.StartsWith("Remove-", StringComparison.Ordinal)
            ? "DELETE"
            : "POST";

    [GeneratedRegex("^Check with (.+) whether it was applied\\. ")]
    private static partial Regex CheckCommand();

    public static TheoryData<string, bool> StopStyles() => new()
    {
        { "-ErrorAction Stop", true },
        { "-ErrorAction Stop", false },
        { "$ErrorActionPreference = 'Stop'", true },
        { "$ErrorActionPreference = 'Stop'", false },
    };

    /// <summary>
    /// Five ids in batches of two; the second batch is answered 503 after the API moved it. The runbook's catch block
    /// gets every id: the first batch applied, the second unknown, and (when the ids were given to -Id, so the cmdlet
    /// held them) the fifth never sent. Ids piped in after the stop never reached the cmdlet, and are not named.
    /// </summary>
    [Theory]
    [MemberData(nameof(StopStyles))]
    public void A_runbook_that_stops_at_the_first_error_learns_what_happened_to_every_id(
        string stop,
        bool idsAsParameter)
    {
        var (session, account) = ConnectedWith(null, messages: 200);
        var ids = session.Run("Get-EsMessage -First 5 | ForEach-Object Id").Output.Select(o => o.ToString()!).ToArray();
        account.ClearRequests();
        account.SetFaults(new FaultRule("statusAfterProcessing") { Method = "POST", Path = "/investigate/move",
            Skip = 1, Status = 503 });
        var move = idsAsParameter
            ? "Move-EsMessage -Id $ids -Destination JunkEmail -BatchSize 2 -Confirm:$false"
            : "$ids | Move-EsMessage -Destination JunkEmail -BatchSize 2 -Confirm:$false";
        var (preference, parameter) = stop.StartsWith('$') ? (stop + "; ", string.Empty) : (string.Empty, " " + stop);

        var result = session.Run($$"""
            {{preference}}try {
                {{move}}{{parameter}} | Out-Null
                'not reached'
            }
            catch {
                $_.FullyQualifiedErrorId
                $_.Exception.GetType().FullName
                $_.Exception.Outcomes | ForEach-Object { "$($_.Target)=$($_.Outcome)" }
                'unknown: ' + ($_.Exception.TargetsWith('Unknown') -join ',')
                'not sent: ' + ($_.Exception.TargetsWith('NotSent') -join ',')
            }
            """, Vars(("ids", ids)));

        result.ShouldSucceed();
        var expected = new List<string>
        {
            "EsChangeOutcomeUnknown,EmailSecurity.Cmdlets.Investigate.MoveEsMessageCommand",
            "EmailSecurity.EsChangeException",
            $"{ids[0]}=Applied", $"{ids[1]}=Applied", $"{ids[2]}=Unknown", $"{ids[3]}=Unknown",
        };
        if (idsAsParameter)
        {
            expected.Add($"{ids[4]}=NotSent");
        }

        expected.Add($"unknown: {ids[2]},{ids[3]}");
        expected.Add("not sent: " + (idsAsParameter ? ids[4] : string.Empty));
        Assert.Equal(expected, result.Output.Select(o => o.ToString()));
        // The emulator agrees: two requests, four messages moved once each, the fifth not at all.
        Assert.Equal(2, account.Requests().Count);
        var api = new Emulator.AccountApi(Emulator, account);
        Assert.Equal([1, 1, 1, 1, 0], ids.Select(id => api.TraceLines(id, "Moved to JunkEmail by API")));
    }

    [Fact]
    public void A_stop_nobody_catches_ends_the_run_with_the_same_error_and_its_outcomes()
    {
        var (session, account) = ConnectedWith(null);
        var ids = session.Run("Get-EsMessage -First 3 | ForEach-Object Id").Output.Select(o => o.ToString()!).ToArray();
        account.SetFaults(new FaultRule("dropAfterProcessing") { Method = "POST" });

        var stopped = session.Run("Move-EsMessage -Id $ids -Destination JunkEmail -BatchSize 2 -Confirm:$false " +
            "-ErrorAction Stop", Vars(("ids", ids)));

        // What the host of the runbook (an Azure Automation job, a scheduled task) is handed.
        var record = Assert.IsAssignableFrom<IContainsErrorRecord>(stopped.Terminating).ErrorRecord;
        Assert.Equal(ids[0], record.TargetObject);
        Assert.Contains($"for message '{ids[0]}' is unknown: it may have been applied. It went in one request with 1 " +
            "other message(s).", record.ToString());
        Assert.Equal(
            [$"{ids[0]}: Unknown (no answer)", $"{ids[1]}: Unknown (no answer)", $"{ids[2]}: NotSent (the command " +
                "stopped before sending it)"],
            ((EsChangeException)record.Exception).Outcomes.Select(o => o.ToString()));
        Assert.Single(account.Requests(), r => r.Method == "POST");
    }

    [Fact]
    public void Without_Stop_every_id_of_a_failed_batch_has_its_own_error_that_names_it()
    {
        var (session, account) = ConnectedWith(null);
        var ids = session.Run("@(Get-EsMessage | Where-Object IsQuarantined | ForEach-Object Id)[0..2]").Output.Select(
            o => o.ToString()!).ToArray();
        Assert.Equal(3, ids.Length);
        account.SetFaults(new FaultRule("statusAfterProcessing") { Method = "POST", Status = 500 });

        var result = session.Run("$ids | Unblock-EsMessage -Confirm:$false -ErrorVariable failed; $failed.Count",
            Vars(("ids", ids)));

        Assert.Equal(ids, result.Errors.Select(e => (string)e.TargetObject));
        Assert.Equal(3, result.Errors.Select(e => e.ToString()).Distinct().Count());
        Assert.All(result.Errors, e => Assert.StartsWith(
            $"The outcome of 'Release from quarantine' for message '{e.TargetObject}' is unknown", e.ToString()));
        Assert.All(result.Errors,
            e => Assert.Equal(ids, ((EsChangeException)e.Exception).TargetsWith(ChangeOutcome.Unknown)));
        Assert.Equal("3", result.Output.Single().ToString());
    }

    [Fact]
    public void A_delete_that_stops_names_the_ids_it_never_sent_and_they_are_still_there()
    {
        var (session, account) = ConnectedWith(null);
        var ids =
            session.Run("Get-EsBlockedSender -First 3 | ForEach-Object Id").Output.Select(o => o.ToString()!).ToArray();
        Assert.Equal(3, ids.Length);
        account.SetFaults(new FaultRule("status") { Method = "DELETE", Status = 400 });

        var result = session.Run("""
            try { Remove-EsBlockedSender -Id $ids -Confirm:$false -ErrorAction Stop }
            catch { $_.Exception.Outcomes | ForEach-Object { "$($_.Target)=$($_.Outcome)" } }
            """, Vars(("ids", ids)));

        result.ShouldSucceed();
        Assert.Equal([$"{ids[0]}=Failed", $"{ids[1]}=NotSent", $"{ids[2]}=NotSent"],
            result.Output.Select(o => o.ToString()));
        Assert.Equal(3, session.Run("Get-EsBlockedSender -Id $ids", Vars(("ids", ids))).Output.Count);
    }
}
