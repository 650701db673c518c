using System.Globalization;
using System.Management.Automation;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

[Collection("Emulator")]
public sealed class GetEsMessageTests : ModuleTest
{
    public GetEsMessageTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void Search_follows_the_cursor_across_every_page_in_order()
    {
        var (session, account) = Connected(messages: 250);

        var result = session.Run("Get-EsMessage -PageSize 100");

        result.ShouldSucceed();
        var messages = result.Objects<Message>();
        Assert.Equal(250, messages.Length);
        Assert.Equal(250, messages.Select(m => m.Id).Distinct().Count());
        var searches = account.Requests().Where(r => r.Path == "/investigate").ToList();
        Assert.Equal(3, searches.Count);
        Assert.All(searches, r => Assert.Equal("100", r.QueryParameters["per_page"]));
        Assert.False(searches[0].QueryParameters.ContainsKey("cursor"));
        Assert.False(searches.Any(r => r.QueryParameters.ContainsKey("page")),
            "page is past its end of life and must not be sent");
        Assert.NotEqual(searches[1].QueryParameters["cursor"], searches[2].QueryParameters["cursor"]);
    }

    [Fact]
    public void Search_writes_the_first_message_before_the_last_page_is_requested()
    {
        var (session, account) = Connected(messages: 1000);
        var probe = new RequestCountProbe(account);

        var result = session.Run(
            "Get-EsMessage -PageSize 100 | ForEach-Object -Begin { $n = 0 } -Process { if ($n -eq 0) { $probe.Take() " +
            "}; $n++ } -End { $n }",
            new Dictionary<string, object?> { ["probe"] = probe });

        result.ShouldSucceed();
        Assert.Equal(1000, Convert.ToInt32(result.Output.Last().BaseObject));
        Assert.Equal(10, account.Requests().Count(r => r.Path == "/investigate"));
        Assert.True(probe.SeenAtFirstObject <= 2, $"{probe.SeenAtFirstObject} pages had been requested when the " +
            "first message was written; streaming allows at most one page of prefetch");
    }

    [Fact]
    public void A_long_search_reports_progress_with_counts_and_the_total()
    {
        var (session, _) = Connected(messages: 450);

        var result = session.Run(
            "Get-EsMessage -PageSize 100 | Move-EsMessage -Destination JunkEmail -BatchSize 200 -Confirm:$false");

        result.ShouldSucceed();
        var search = result.ProgressRecords.Where(p => p.Activity.StartsWith("Get-EsMessage", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(new[] { "100 of 450", "200 of 450", "300 of 450", "400 of 450", "450 of 450" },
            search.Where(p => p.RecordType == ProgressRecordType.Processing).Select(p => p.StatusDescription));
        Assert.Equal(100, search.Last(p => p.RecordType == ProgressRecordType.Processing).PercentComplete);
        Assert.Equal(ProgressRecordType.Completed, search.Last().RecordType);
        var moves = result.ProgressRecords.Where(p => p.Activity.StartsWith("Move-EsMessage", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(new[] { "200 so far", "400 so far", "450 so far" },
            moves.Where(p => p.RecordType == ProgressRecordType.Processing).Select(p => p.StatusDescription));
        Assert.Equal(ProgressRecordType.Completed, moves.Last().RecordType);
    }

    [Fact]
    public void Every_search_filter_goes_into_the_query_string()
    {
        var (session, account) = Connected();

        session.Run(
            "Get-EsMessage -Query 'invoice overdue' -Sender a@evil.test -Recipient b@contoso.example -Subject " +
            "Invoice -Domain evil.test -Disposition malicious -MessageAction MOVED -AlertId alert-1 -MessageId " +
            "'<m1@evil.test>' -Metric spoof -DetectionsOnly -Start '2026-11-01T00:00:00Z' -End " +
            "'2026-11-20T00:00:00Z' -PageSize 50").ShouldSucceed();

        var query = account.Requests().Single(r => r.Path == "/investigate").QueryParameters;
        Assert.Equal("invoice overdue", query["query"]);
        Assert.Equal("a@evil.test", query["sender"]);
        Assert.Equal("b@contoso.example", query["recipient"]);
        Assert.Equal("Invoice", query["subject"]);
        Assert.Equal("evil.test", query["domain"]);
        Assert.Equal("MALICIOUS", query["final_disposition"]);
        Assert.Equal("MOVED", query["message_action"]);
        Assert.Equal("alert-1", query["alert_id"]);
        Assert.Equal("<m1@evil.test>", query["message_id"]);
        Assert.Equal("spoof", query["metric"]);
        Assert.Equal("true", query["detections_only"]);
        Assert.Equal("2026-11-01T00:00:00Z", query["start"]);
        Assert.Equal("2026-11-20T00:00:00Z", query["end"]);
        Assert.Equal("50", query["per_page"]);
    }

    [Fact]
    public void First_and_skip_stop_fetching_and_shrink_the_page()
    {
        var (session, account) = Connected(messages: 300);

        var all = session.Run("Get-EsMessage").Objects<Message>();
        account.ClearRequests();
        var some = session.Run("Get-EsMessage -Skip 2 -First 5").Objects<Message>();

        Assert.Equal(all.Skip(2).Take(5).Select(m => m.Id), some.Select(m => m.Id));
        var request = Assert.Single(account.Requests());
        Assert.Equal("7", request.QueryParameters["per_page"]);
    }

    [Fact]
    public void Messages_carry_the_fields_of_the_response_as_typed_properties()
    {
        var (session, account) = Connected();

        var message = session.Run("Get-EsMessage -Disposition MALICIOUS -First 1").Objects<Message>().Single();

        Assert.Equal("MALICIOUS", message.FinalDisposition);
        Assert.NotNull(message.ScannedAt);
        Assert.Equal(TimeSpan.Zero, message.ScannedAt!.Value.Offset);
        Assert.False(string.IsNullOrEmpty(message.PostfixId));
        Assert.NotNull(message.Validation);
        Assert.NotEmpty(message.To!);
        Assert.True(message.AdditionalFields is null || !message.AdditionalFields.ContainsKey("ts"),
            "the emulator follows the seed: ts is past its end of life");
    }

    [Fact]
    public void Id_reads_one_message_and_binds_from_the_pipeline_by_property_name()
    {
        var (session, account) = Connected();

        var result = session.Run("Get-EsMessage -First 3 | Get-EsMessage");

        result.ShouldSucceed();
        Assert.Equal(3, result.Objects<Message>().Length);
        var reads =
            account.Requests().Where(r => r.Path.StartsWith("/investigate/", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, reads.Count);
        Assert.All(reads, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public void An_unknown_id_is_an_error_record_with_the_APIs_message()
    {
        var (session, _) = Connected();

        var result = session.Run("Get-EsMessage -Id 'no-such-message'");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsApiNotFound", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("no-such-message", error.TargetObject);
        Assert.Contains("not found", error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("cf-ray", error.ToString());
        var exception = Assert.IsAssignableFrom<EmailSecurity.Client.EsApiException>(error.Exception);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, exception.StatusCode);
        Assert.NotEmpty(exception.Errors);
    }

    [Theory]
    [InlineData("a/b?c=d#e", "a%2Fb%3Fc%3Dd%23e")]
    [InlineData("../settings/domains", "..%2Fsettings%2Fdomains")]
    [InlineData("100%", "100%25")]
    public void An_id_stays_inside_its_path_segment(string id, string escaped)
    {
        var (session, account) = Connected();

        session.Run("Get-EsMessage -Id $id", new Dictionary<string, object?> { ["id"] = id });

        var request = Assert.Single(account.Requests());
        Assert.Contains("/email-security/investigate/" + escaped, request.RawTarget, StringComparison.Ordinal);
        Assert.Equal("/investigate/" + id, request.Path);
        Assert.Equal(404, request.Status);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("bad\r\nid")]
    public void An_id_that_cannot_be_a_path_segment_is_refused_before_any_request(string id)
    {
        var (session, account) = Connected();

        var result = session.Run("Get-EsMessage -Id $id", new Dictionary<string, object?> { ["id"] = id });

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ParameterArgumentValidationError", error.FullyQualifiedErrorId);
        Assert.Empty(account.Requests());
    }

    [Theory]
    [InlineData("Get-EsMessage", "/investigate")]
    [InlineData("Get-EsSubmission", "/submissions")]
    [InlineData("Get-EsPhishGuardReport", "/phishguard/reports")]
    public void Start_and_End_take_the_DateTimeOffset_timestamps_the_module_writes(string command, string path)
    {
        var (session, account) = Connected();
        var scanned = session.Run("Get-EsMessage -First 1").Objects<Message>().Single().ScannedAt!.Value;
        account.ClearRequests();

        var result = session.Run(
            $"{command} -Start $at.AddHours(-1) -End $at.ToOffset([timespan]::FromHours(5)).AddHours(1)",
            new Dictionary<string, object?> { ["at"] = scanned });

        result.ShouldSucceed();
        var query = account.Requests().First(r => r.Path == path).QueryParameters;
        Assert.Equal(scanned.UtcDateTime.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            query["start"]);
        Assert.Equal(scanned.UtcDateTime.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            query["end"]);
    }

    [Fact]
    public void A_range_error_shows_the_times_as_they_were_given()
    {
        var (session, _) = Connected();

        var local = session.Run("Get-EsMessage -Start '2026-11-10 08:30' -End '2026-11-01'");
        var utc = session.Run("Get-EsMessage -Start ([datetime]::SpecifyKind('2026-11-10 08:30', 'Utc')) -End " +
            "([datetime]::SpecifyKind('2026-11-01', 'Utc'))");

        Assert.Equal("-Start (2026-11-10 08:30:00 local time) is after -End (2026-11-01 00:00:00 local time).",
            Assert.Single(local.Errors).Exception.Message);
        Assert.Equal("-Start (2026-11-10 08:30:00Z) is after -End (2026-11-01 00:00:00Z).",
            Assert.Single(utc.Errors).Exception.Message);
    }

    [Fact]
    public void Start_after_end_is_refused_before_any_request()
    {
        var (session, account) = Connected();

        var result = session.Run("Get-EsMessage -Start '2026-11-10' -End '2026-11-01'");

        Assert.Contains(result.Errors,
            e => e.FullyQualifiedErrorId.StartsWith("EsInvalidDateRange", StringComparison.Ordinal));
        Assert.Empty(account.Requests());
    }

    [Fact]
    public void A_bad_disposition_is_a_parameter_error()
    {
        var (session, account) = Connected();

        var result = session.Run("Get-EsMessage -Disposition EVIL");

        Assert.Contains(result.Errors,
            e => e.FullyQualifiedErrorId.StartsWith("ParameterArgumentValidationError", StringComparison.Ordinal));
        Assert.Empty(account.Requests());
    }

    [Fact]
    public void Without_a_connection_the_error_says_how_to_connect()
    {
        var session = NewSession();

        var result = session.Run("Get-EsMessage -First 1");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsNotConnected", error.FullyQualifiedErrorId);
        Assert.Contains("Connect-EsAccount", error.ToString());
    }

    [Fact]
    public void An_investigate_id_given_to_MessageId_gets_a_hint_to_read_it_with_Id()
    {
        var (session, _) = Connected();
        var message = session.Run("Get-EsMessage -First 1").Objects<Message>().Single();

        var investigateId = session.Run($"Get-EsMessage -MessageId '{message.Id}'");
        var header = session.Run($"Get-EsMessage -MessageId '{message.MessageId}'");

        investigateId.ShouldSucceed();
        Assert.Empty(investigateId.Output);
        var hint = Assert.Single(investigateId.Warnings).Message;
        Assert.Contains("Message-ID header", hint, StringComparison.Ordinal);
        Assert.EndsWith($"read the message with Get-EsMessage -Id '{message.Id}'.", hint, StringComparison.Ordinal);
        Assert.Equal(message.Id, header.Objects<Message>().Single().Id);
        Assert.Empty(header.Warnings);
    }

    /// <summary>
    /// Called from the pipeline when the first message arrives; counts the searches the emulator has seen by then.
    /// </summary>
    public sealed class RequestCountProbe
    {
        private readonly EmulatorAccount account;

        public RequestCountProbe(EmulatorAccount account) => this.account = account;

        public int SeenAtFirstObject { get; private set; } = -1;

        public void Take() => SeenAtFirstObject = account.Requests().Count(r => r.Path == "/investigate");
    }
}
