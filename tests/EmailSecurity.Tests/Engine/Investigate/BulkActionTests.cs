using System.Management.Automation;
using System.Reflection;
using System.Text.Json;
using EmailSecurity.Cmdlets;
using EmailSecurity.Cmdlets.Investigate;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine.Investigate;

/// <summary>
/// The bulk action job cmdlets on a 2026-10 account (the API version that has the jobs): a job acts on exactly what
/// Get-EsMessage finds with the same filters, -WhatIf counts and sends nothing, waiting shows progress and reports a
/// timeout per job, and the API's refusals (removing or stopping a job at the wrong time) are explained.
/// </summary>
[Collection("Emulator")]
public sealed class BulkActionTests : ModuleTest
{
    public BulkActionTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private (EngineSession Session, EmulatorAccount Account) Connected2026(int messages = 80) =>
        Connected(messages, apiVersion: ApiVersionNames.V2026_10);

    [Theory]
    [InlineData("Move -Destination JunkEmail", "-Disposition MALICIOUS")]
    [InlineData("Move -Destination DeletedItems", "-Disposition SPAM -DetectionsOnly")]
    [InlineData("Release", "-Disposition SPAM")]
    [InlineData("Move -Destination Inbox", "-DetectionsOnly")]
    public void A_job_acts_on_exactly_the_messages_Get_EsMessage_finds_with_the_same_filters(
        string action,
        string filters)
    {
        var (session, _) = Connected2026();
        var found =
            session.Run($"Get-EsMessage {filters} | ForEach-Object Id").Output.Select(o => o.ToString()!).ToHashSet();
        Assert.NotEmpty(found);

        var result = session.Run(
            $"Start-EsBulkAction -Action {action} {filters} -Wait -Confirm:$false | Get-EsBulkActionMessage");

        result.ShouldSucceed();
        var entries = result.Objects<BulkActionMessage>();
        Assert.Equal(found.Order(StringComparer.Ordinal),
            entries.Select(e => e.InvestigateId).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(entries, e => e.Status is "PENDING" or "PROCESSING");
    }

    [Fact]
    public void Start_Wait_writes_the_finished_job_with_counters_that_add_up_and_shows_its_progress()
    {
        var (session, account) = Connected2026();
        account.Reset(80, 1, apiVersion: ApiVersionNames.V2026_10, bulkJobMessagesPerStep: 2);

        var result = session.Run(
            "Start-EsBulkAction Move -Destination JunkEmail -DetectionsOnly -Comment 'test wave' -Wait -Force");

        result.ShouldSucceed();
        var job = Assert.Single(result.Objects<BulkAction>());
        Assert.Equal("COMPLETED", job.Status);
        Assert.Equal("test wave", job.Comment);
        Assert.Equal("JunkEmail", job.Destination);
        Assert.True(job.TotalMessagesDiscovered > 2);
        Assert.Equal(job.TotalMessagesDiscovered,
            job.MessagesPending + job.MessagesSuccessful + job.MessagesFailed + job.MessagesSkipped + job.MessagesCancelled);
        var progress =
            result.ProgressRecords.Where(p => p.Activity == $"Bulk action job {job.Id}: Move to JunkEmail").ToList();
        var processing = progress.Where(p => p.RecordType == ProgressRecordType.Processing).ToList();
        Assert.Contains(processing, p => p.CurrentOperation == "PROCESSING" && p.PercentComplete is > 0 and < 100);
        Assert.Equal(processing.Select(p => p.PercentComplete).Order(), processing.Select(p => p.PercentComplete));
        Assert.Equal(ProgressRecordType.Completed, progress.Last().RecordType);
    }

    [Fact]
    public void WhatIf_shows_the_search_and_how_many_messages_it_finds_now_and_sends_no_change()
    {
        var (session, account) = Connected2026();
        var count = session.Run(
            "Get-EsMessage -Disposition MALICIOUS | Measure-Object | ForEach-Object Count").Output.Single().ToString();
        account.ClearRequests();

        var result = session.Run("Start-EsBulkAction -Action Move -Destination JunkEmail -Disposition malicious " +
            "-Sender '*@contoso.com' -WhatIf");
        var all = session.Run("Start-EsBulkAction -Action Release -Disposition MALICIOUS -WhatIf");

        result.ShouldSucceed();
        Assert.Empty(result.Output);
        Assert.Contains("sender=contoso.com, final_disposition=MALICIOUS (", result.HostText);
        Assert.Contains($"(0 now)", result.HostText);
        Assert.Contains($"every message matching final_disposition=MALICIOUS ({count} now)", all.HostText);
        Assert.Contains("releases every matching message from quarantine", all.HostText);
        var requests = account.Requests();
        Assert.Equal(2, requests.Count);
        Assert.All(requests,
            r => Assert.Equal(("GET", "/investigate", "1"), (r.Method, r.Path, r.QueryParameters["per_page"])));
        Assert.Equal("contoso.com", requests[0].QueryParameters["sender"]);
        Assert.Empty(session.Run("Get-EsBulkAction").Output);
    }

    [Fact]
    public void The_job_is_sent_with_the_search_by_the_APIs_names_and_an_exact_subject_only_a_job_has()
    {
        var (session, account) = Connected2026();
        account.ClearRequests();

        var result = session.Run("Start-EsBulkAction -Action Move -Destination deleteditems -Subject 'Invoice' " +
            "-ExactSubject 'Invoice overdue' -DeliveryStatus delivered -Start " +
            "([datetimeoffset]'2026-01-01T00:00:00Z') -Comment 'c' -Confirm:$false");

        result.ShouldSucceed();
        var post = Assert.Single(account.Requests(), r => r.Method == "POST");
        Assert.Equal("/investigate/bulk", post.Path);
        using var body = JsonDocument.Parse(post.Body!);
        Assert.Equal(
            """{"action":"MOVE","destination":"DeletedItems","comment":"c","search_params":{"subject":"Invoice","delivery_status":"delivered","start":"2026-01-01T00:00:00Z","exact_subject":"Invoice overdue"}}""",
            JsonSerializer.Serialize(body.RootElement));
        var job = Assert.Single(result.Objects<BulkAction>());
        Assert.Equal("PENDING", job.Status);
        Assert.Equal("subject=Invoice, exact_subject=Invoice overdue, delivery_status=delivered, " +
            "start=2026-01-01T00:00:00Z", job.SearchParameters!.ToString());
    }

    [Theory]
    [InlineData("Start-EsBulkAction -Action Move -Disposition SPAM", "EsBulkActionNeedsDestination")]
    [InlineData("Start-EsBulkAction -Action Release -Destination Inbox -Disposition SPAM",
        "EsBulkActionNeedsNoDestination")]
    [InlineData("Start-EsBulkAction -Action Release", "EsBulkActionWithoutSearch")]
    [InlineData("Start-EsBulkAction -Action Release -Sender 'ceo*@contoso.com'", "EsWildcardNotSupported")]
    [InlineData("Start-EsBulkAction -Action Release -Start '2026-02-01' -End '2026-01-01'", "EsInvalidDateRange")]
    public void A_job_that_cannot_be_what_was_meant_is_refused_before_any_request(string command, string errorId)
    {
        var (session, account) = Connected2026();
        account.ClearRequests();

        var result = session.Run(command + " -Confirm:$false");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith(errorId, error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Empty(account.Requests());
    }

    [Fact]
    public void Started_jobs_pipe_through_Wait_to_their_messages_and_the_messages_into_the_message_cmdlets()
    {
        var (session, _) = Connected2026();

        var result = session.Run("""
            $jobs = @(
                Start-EsBulkAction -Action Release -Disposition SPAM -Confirm:$false
                Start-EsBulkAction -Action Move -Destination JunkEmail -Disposition MALICIOUS -Confirm:$false)
            $finished = $jobs | Wait-EsBulkAction
            $finished | ForEach-Object { "$($_.Id) $($_.Status)" }
            $entries = $finished | Get-EsBulkActionMessage
            ($entries | Select-Object -First 1 | Get-EsMessageTrace) -ne $null
            """);

        result.ShouldSucceed();
        var ids = session.Run("$jobs | ForEach-Object Id").Output.Select(o => o.ToString()).ToList();
        // A move of messages in quarantine fails (they are in no mailbox): the job ends FAILED when none could be
        // moved.
        Assert.Equal(ids.Order(), result.Output.Take(2).Select(o => o.ToString()!.Split(' ')[0]).Order());
        Assert.All(result.Output.Take(2), o => Assert.Matches(" (COMPLETED|FAILED)$", o.ToString()));
        Assert.Equal("True", result.Output.Last().ToString());
    }

    [Fact]
    public void A_wait_that_times_out_writes_an_error_for_each_job_still_running_and_the_ended_ones()
    {
        var (session, account) = Connected2026();
        account.Reset(80, 1, apiVersion: ApiVersionNames.V2026_10, bulkJobsAdvanceOnGet: false);
        session.Run("""
            $a = Start-EsBulkAction -Action Release -Disposition SPAM -Confirm:$false
            $b = Start-EsBulkAction -Action Move -Destination JunkEmail -Disposition MALICIOUS -Confirm:$false
            $c = Start-EsBulkAction -Action Move -Destination JunkEmail -Disposition BULK -Confirm:$false
            """).ShouldSucceed();
        session.Run("$c | Stop-EsBulkAction").ShouldSucceed();
        var started = DateTimeOffset.UtcNow;

        var result = session.Run("$a, $b, $c | Wait-EsBulkAction -Timeout 1");

        var waited = DateTimeOffset.UtcNow - started;
        Assert.InRange(waited, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        Assert.Equal("CANCELLED", Assert.Single(result.Objects<BulkAction>()).Status);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e =>
        {
            Assert.StartsWith(BulkActionWaiter.TimeoutErrorId, e.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.OperationTimeout, e.CategoryInfo.Category);
            Assert.Contains("had not ended after 1 s: it is PENDING", e.ToString(), StringComparison.Ordinal);
            Assert.Contains("Wait-EsBulkAction -Id", e.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        });
        var expected = session.Run("$a, $b | ForEach-Object Id").Output.Select(o => o.ToString());
        Assert.Equal(expected, result.Errors.Select(e => ((BulkAction)e.TargetObject).Id));
        Assert.All(result.ProgressRecords.GroupBy(p => p.Activity),
            g => Assert.Equal(ProgressRecordType.Completed, g.Last().RecordType));
    }

    [Fact]
    public void A_job_that_has_not_ended_is_not_removed_and_the_error_says_how_to_end_it()
    {
        var (session, account) = Connected2026();
        account.Reset(80, 1, apiVersion: ApiVersionNames.V2026_10, bulkJobsAdvanceOnGet: false);
        session.Run("$job = Start-EsBulkAction -Action Release -Disposition SPAM -Confirm:$false").ShouldSucceed();

        var refused = session.Run("$job | Remove-EsBulkAction -Confirm:$false");
        account.AdvanceBulkJobs();
        var removed = session.Run(
            "$job | Remove-EsBulkAction -Confirm:$false; Get-EsBulkAction | Measure-Object | ForEach-Object Count");

        var error = Assert.Single(refused.Errors);
        Assert.StartsWith("EsBulkActionNotFinished", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("has not ended: only a COMPLETED, FAILED or CANCELLED job can be removed", error.ToString(),
            StringComparison.Ordinal);
        Assert.Contains("Stop-EsBulkAction -Id", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Equal(ChangeOutcome.Failed, ((EsChangeException)error.Exception).Outcome);
        removed.ShouldSucceed();
        Assert.Equal("0", removed.Output.Single().ToString());
    }

    [Fact]
    public void Stop_cancels_a_running_job_and_explains_why_an_ended_one_cannot_be_stopped()
    {
        var (session, account) = Connected2026();
        account.Reset(80, 1, apiVersion: ApiVersionNames.V2026_10, bulkJobsAdvanceOnGet: false,
            bulkJobMessagesPerStep: 1);
        session.Run("$job = Start-EsBulkAction -Action Move -Destination JunkEmail -DetectionsOnly -Confirm:$false")
            .ShouldSucceed();
        account.AdvanceBulkJobs(steps: 2);
        account.ClearRequests();

        var whatIf = session.Run("$job | Stop-EsBulkAction -WhatIf");
        var stopped = session.Run("$job | Stop-EsBulkAction -PassThru");
        var again = session.Run("$job | Stop-EsBulkAction");

        whatIf.ShouldSucceed();
        Assert.Contains("Cancel the bulk job", whatIf.HostText);
        stopped.ShouldSucceed();
        var job = Assert.Single(stopped.Objects<BulkAction>());
        Assert.Equal("CANCELLED", job.Status);
        Assert.True(job.MessagesCancelled > 0);
        Assert.Equal(2, account.Requests().Count(r => r.Method == "POST"));
        Assert.StartsWith("EsBulkActionAlreadyFinished", Assert.Single(again.Errors).FullyQualifiedErrorId,
            StringComparison.Ordinal);
        Assert.Equal(
            session.Run("$job | Get-EsBulkActionMessage -Status CANCELLED | Measure-Object | " +
                "ForEach-Object Count").Output.Single().ToString(),
            job.MessagesCancelled.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Get_lists_jobs_by_status_and_action_and_reads_piped_jobs_again()
    {
        var (session, account) = Connected2026();
        account.Reset(80, 1, apiVersion: ApiVersionNames.V2026_10, bulkJobsAdvanceOnGet: false);
        session.Run("""
            $release = Start-EsBulkAction -Action Release -Disposition SPAM -Confirm:$false
            $move = Start-EsBulkAction -Action Move -Destination JunkEmail -Disposition MALICIOUS -Confirm:$false
            """).ShouldSucceed();
        account.ClearRequests();

        var moves = session.Run("Get-EsBulkAction -Action move -Status pending | ForEach-Object Id");
        var again = session.Run("$release, $move | Get-EsBulkAction | ForEach-Object Id");

        Assert.Equal(session.Run("$move.Id").Output.Single().ToString(), moves.Output.Single().ToString());
        Assert.Equal(session.Run("$release.Id; $move.Id").Output.Select(o => o.ToString()),
            again.Output.Select(o => o.ToString()));
        var list = account.Requests()[0];
        Assert.Equal(("MOVE", "PENDING"), (list.QueryParameters["action_type"], list.QueryParameters["status"]));
    }

    [Fact]
    public void A_job_whose_start_was_answered_503_after_it_started_is_not_sent_again_and_the_error_names_the_check()
    {
        var (session, account) = Connected2026();
        account.SetFaults(new FaultRule("statusAfterProcessing") { Method = "POST", Path = "/investigate/bulk", Status =
            503 });

        var result = session.Run("Start-EsBulkAction -Action Move -Destination JunkEmail -Disposition MALICIOUS " +
            "-Comment 'once' -Wait -Confirm:$false");

        account.ClearFaults();
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsChangeOutcomeUnknown", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ChangeOutcome.Unknown, ((EsChangeException)error.Exception).Outcome);
        Assert.Empty(result.Output);
        Assert.Single(account.Requests(), r => r.Method == "POST");
        var check = error.ErrorDetails.RecommendedAction;
        Assert.StartsWith("Check with Get-EsBulkAction | Where-Object", check, StringComparison.Ordinal);
        var shown = session.Run(
            check["Check with ".Length..check.IndexOf(" whether it was applied", StringComparison.Ordinal)]);
        Assert.Equal("once", Assert.Single(shown.Objects<BulkAction>()).Comment);
    }

    [Fact]
    public void A_job_removed_while_waited_for_is_an_error_of_its_own_and_the_others_are_still_waited_for()
    {
        var (session, account) = Connected2026();
        account.Reset(80, 1, apiVersion: ApiVersionNames.V2026_10, bulkJobsAdvanceOnGet: false);
        session.Run("""
            $a = Start-EsBulkAction -Action Release -Disposition SPAM -Confirm:$false
            $b = Start-EsBulkAction -Action Release -Disposition BULK -Confirm:$false
            $a | Stop-EsBulkAction; $a | Remove-EsBulkAction
            $b | Stop-EsBulkAction
            """).ShouldSucceed();

        var result = session.Run("$a, $b | Wait-EsBulkAction -Timeout 5");

        Assert.Equal(session.Run("$b.Id").Output.Single().ToString(), Assert.Single(result.Objects<BulkAction>()).Id);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsApiNotFound", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(session.Run("$a.Id").Output.Single().ToString(), error.TargetObject);
    }

    [Fact]
    public void A_message_id_or_a_settings_entry_is_refused_as_a_job_id_before_any_request()
    {
        var (session, account) = Connected2026();
        account.ClearRequests();

        var result = session.Run("Get-EsMessage -First 1 | Get-EsBulkActionMessage");

        Assert.Contains("cannot be used as the id of a BulkAction", Assert.Single(result.Errors).ToString(),
            StringComparison.Ordinal);
        Assert.DoesNotContain(account.Requests(),
            r => r.Path.StartsWith("/investigate/bulk", StringComparison.Ordinal));
    }

    /// <summary>Start-EsBulkAction repeats Get-EsMessage's filters; they must stay the same parameters.</summary>
    [Fact]
    public void The_search_filters_of_Start_EsBulkAction_are_Get_EsMessage_s_parameters()
    {
        var start = typeof(StartEsBulkActionCommand);
        var get = typeof(GetEsMessageCommand);
        var filters = new[] { "Query", "Sender", "Recipient", "Subject", "Domain", "Disposition", "MessageAction",
            "AlertId", "MessageId", "DetectionsOnly", "Start", "End" };
        foreach (var name in filters.Concat(get.GetProperties()
            .Where(p => p.GetCustomAttribute<ApiQueryAttribute>() is { Name: "delivery_status" }).Select(p => p.Name)))
        {
            var mine = start.GetProperty(name)!;
            var theirs = get.GetProperty(name)!;
            Assert.Equal(theirs.PropertyType, mine.PropertyType);
            Assert.Equal(theirs.GetCustomAttribute<ApiQueryAttribute>()?.Name,
                mine.GetCustomAttribute<ApiQueryAttribute>()?.Name);
            Assert.Equal(theirs.GetCustomAttribute<AliasAttribute>()?.AliasNames ?? [],
                mine.GetCustomAttribute<AliasAttribute>()?.AliasNames ?? []);
            Assert.Equal(theirs.GetCustomAttribute<ValidateSetAttribute>()?.ValidValues ?? [],
                mine.GetCustomAttribute<ValidateSetAttribute>()?.ValidValues ?? []);
            Assert.Equal(
                theirs.GetCustomAttributes().Select(a => a.GetType().Name)
                    .Where(n => n.StartsWith("Validate") || n.EndsWith("InputAttribute")).Order(),
                mine.GetCustomAttributes().Select(a => a.GetType().Name)
                    .Where(n => n.StartsWith("Validate") || n.EndsWith("InputAttribute")).Order());
        }

        Assert.Equal(
            get.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic)
                .Where(p => p.GetCustomAttribute<ApiQueryAttribute>() != null).Select(p => p.Name).Order(),
            start.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic)
                .Where(p => p.GetCustomAttribute<ApiQueryAttribute>() != null).Select(p => p.Name).Order());
    }

    /// <summary>
    /// A session whose connection is 2026-10 account A, with a kept connection to 2026-10 account B ($b), of another
    /// seed: job ids come from each account's own random source, the same for the same seed.
    /// </summary>
    private (EngineSession Session, EmulatorAccount A, EmulatorAccount B) TwoAccounts2026()
    {
        var (session, a) = Connected2026();
        var b = Emulator.NewAccount(80, seed: 2, apiVersion: ApiVersionNames.V2026_10);
        session.Run($"""
            $b = Connect-EsAccount -AccountId '{b.Id}' -ApiToken $EsTestToken -BaseUri '{Emulator.ApiBaseUri}' -PassThru
            Connect-EsAccount -AccountId '{a.Id}' -ApiToken $EsTestToken -BaseUri '{Emulator.ApiBaseUri}'
            """).ShouldSucceed();
        Assert.Equal(a.Id, session.Run("(Get-EsConnection).AccountId").Output.Single().ToString());
        return (session, a, b);
    }

    /// <summary>
    /// Each job cmdlet fed a job started in account B, while the session's connection is account A: (how the job is
    /// given, the request expected in B).
    /// </summary>
    public static TheoryData<string, string> JobFromB() => new()
    {
        { "$job | Get-EsBulkAction", "GET /investigate/bulk/*" },
        { "Get-EsBulkAction -Id $job", "GET /investigate/bulk/*" },
        { "$job | Wait-EsBulkAction -Timeout 30", "GET /investigate/bulk/*" },
        { "Wait-EsBulkAction -Id $job -Timeout 30", "GET /investigate/bulk/*" },
        { "$job | Get-EsBulkActionMessage", "GET /investigate/bulk/*/messages" },
        { "Get-EsBulkActionMessage -Id $job", "GET /investigate/bulk/*/messages" },
        { "$job | Stop-EsBulkAction -Confirm:$false", "POST /investigate/bulk/*/cancel" },
        { "$job | Wait-EsBulkAction | Remove-EsBulkAction -Confirm:$false", "DELETE /investigate/bulk/*" },
    };

    [Theory]
    [MemberData(nameof(JobFromB))]
    public void A_job_is_worked_on_in_the_account_it_was_started_in(string script, string expected)
    {
        var (session, a, b) = TwoAccounts2026();
        session.Run("$job = Start-EsBulkAction Move -Destination JunkEmail -DetectionsOnly -Connection $b -Force")
            .ShouldSucceed();
        a.ClearRequests();
        b.ClearRequests();

        var result = session.Run(script);

        result.ShouldSucceed();
        Assert.Empty(a.Requests());
        var (method, path) = (expected.Split(' ')[0], expected.Split(' ')[1]);
        var pattern = new System.Text.RegularExpressions.Regex("^" + path.Replace("*", "[^/]+") + "$");
        Assert.Contains(b.Requests(), r => r.Method == method && pattern.IsMatch(r.Path));
    }

    [Fact]
    public void Jobs_of_two_accounts_are_waited_for_together_each_in_its_own_account()
    {
        var (session, a, b) = TwoAccounts2026();
        session.Run("""
            $jobs = @(
                Start-EsBulkAction Move -Destination JunkEmail -DetectionsOnly -Force
                Start-EsBulkAction Move -Destination JunkEmail -DetectionsOnly -Connection $b -Force)
            """).ShouldSucceed();
        var ids = session.Run("$jobs.Id").Output.Select(o => o.ToString()!).ToList();
        Assert.NotEqual(ids[0], ids[1]);

        var result = session.Run("$jobs | Wait-EsBulkAction -Timeout 60");

        result.ShouldSucceed();
        var ended = result.Objects<BulkAction>();
        Assert.Equal(ids.Order(), ended.Select(j => j.Id).Order());
        Assert.All(ended, j => Assert.Equal("COMPLETED", j.Status));
        Assert.Contains(a.Requests(), r => r.Path == $"/investigate/bulk/{ids[0]}");
        Assert.DoesNotContain(a.Requests(), r => r.Path.Contains(ids[1], StringComparison.Ordinal));
        Assert.Contains(b.Requests(), r => r.Path == $"/investigate/bulk/{ids[1]}");
    }
}
