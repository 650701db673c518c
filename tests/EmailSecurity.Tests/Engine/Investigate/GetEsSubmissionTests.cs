using EmailSecurity.Models;
using EmailSecurity.Tests.Emulator;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine.Investigate;

[Collection("Emulator")]
public sealed class GetEsSubmissionTests : ModuleTest
{
    public GetEsSubmissionTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public async Task Every_page_is_read_in_order_by_page_number()
    {
        var (session, account) = Connected(messages: 300);
        var total = await new AccountApi(Emulator, account).TotalCount("/submissions");
        Assert.True(total > 10, $"the demo account has only {total} submissions");
        account.ClearRequests();

        var result = session.Run("Get-EsSubmission -PageSize 5");

        result.ShouldSucceed();
        var submissions = result.Objects<Submission>();
        Assert.Equal(total, submissions.Length);
        Assert.Equal(total, submissions.Select(s => s.SubmissionId).Distinct().Count());
        var pages = account.Requests();
        Assert.All(pages, r => Assert.Equal("/submissions", r.Path));
        Assert.Equal(Enumerable.Range(1, (total + 4) / 5).Select(n => n.ToString()),
            pages.Select(r => r.QueryParameters["page"]));
        Assert.All(pages, r => Assert.Equal("5", r.QueryParameters["per_page"]));
        Assert.Equal(submissions.Select(s => s.RequestedAt).OrderDescending(), submissions.Select(s => s.RequestedAt));
    }

    [Fact]
    public void Every_filter_goes_into_the_query_string_in_the_APIs_spelling()
    {
        var (session, account) = Connected();

        session.Run(
            "Get-EsSubmission 'invoice' -SubmissionId sub-1 -Type user -Status pending -RequestedDisposition " +
            "malicious -OriginalDisposition None -OutcomeDisposition spoof -EscalatedFromUser $false " +
            "-Start '2026-11-01T00:00:00Z' -End '2026-11-20T12:30:00Z' -PageSize 50").ShouldSucceed();

        var query = Assert.Single(account.Requests()).QueryParameters;
        Assert.Equal("invoice", query["query"]);
        Assert.Equal("sub-1", query["submission_id"]);
        Assert.Equal("USER", query["type"]);
        Assert.Equal("pending", query["status"]);
        Assert.Equal("MALICIOUS", query["requested_disposition"]);
        Assert.Equal("NONE", query["original_disposition"]);
        Assert.Equal("SPOOF", query["outcome_disposition"]);
        Assert.Equal("false", query["escalated_from_user"]);
        Assert.Equal("2026-11-01T00:00:00Z", query["start"]);
        Assert.Equal("2026-11-20T12:30:00Z", query["end"]);
        Assert.Equal("50", query["per_page"]);
        Assert.Equal("1", query["page"]);
    }

    [Fact]
    public void Unused_filters_are_not_sent()
    {
        var (session, account) = Connected();

        session.Run("Get-EsSubmission").ShouldSucceed();

        var query = account.Requests().First().QueryParameters;
        Assert.Equal(new[] { "page", "per_page" }, query.Keys.Order());
    }

    [Fact]
    public async Task Submissions_carry_the_fields_of_the_response()
    {
        var (session, account) = Connected(messages: 200);
        var json = (await new AccountApi(Emulator, account).Get("/submissions?per_page=1000")).Result.EnumerateArray()
            .ToList();

        var submissions = session.Run("Get-EsSubmission").Objects<Submission>();

        Assert.Equal(json.Count, submissions.Length);
        foreach (var (expected, actual) in json.Zip(submissions))
        {
            Assert.Equal(expected.GetProperty("submission_id").GetString(), actual.SubmissionId);
            Assert.Equal(expected.GetProperty("requested_at").GetDateTimeOffset(), actual.RequestedAt);
            Assert.Equal(expected.GetProperty("type").GetString(), actual.Type);
            Assert.Equal(expected.GetProperty("status").GetString(), actual.Status);
            Assert.Equal(expected.GetProperty("customer_status").GetString(), actual.CustomerStatus);
            Assert.Equal(expected.GetProperty("requested_by").GetString(), actual.RequestedBy);
            Assert.Equal(expected.GetProperty("requested_disposition").GetString(), actual.RequestedDisposition);
            Assert.Equal(expected.GetProperty("original_disposition").GetString(), actual.OriginalDisposition);
            Assert.Equal(expected.GetProperty("outcome_disposition").GetString(), actual.OutcomeDisposition);
            Assert.Equal(expected.GetProperty("outcome").GetString(), actual.Outcome);
            Assert.Equal(expected.GetProperty("subject").GetString(), actual.Subject);
            Assert.Equal(expected.GetProperty("original_postfix_id").GetString(), actual.OriginalPostfixId);
            Assert.Equal(expected.GetProperty("original_edf_hash").GetString(), actual.OriginalEdfHash);
            Assert.Equal(expected.GetProperty("escalated_submission_id").GetString(), actual.EscalatedSubmissionId);
            Assert.Equal(expected.GetProperty("escalated_as").GetString(), actual.EscalatedAs);
            Assert.Equal(expected.GetProperty("escalated_by").GetString(), actual.EscalatedBy);
            Assert.Equal(
                expected.GetProperty("escalated_at").ValueKind == System.Text.Json.JsonValueKind.Null
                    ? null
                    : expected.GetProperty("escalated_at").GetDateTimeOffset(),
                actual.EscalatedAt);
            Assert.Equal(new[] { "requested_ts" }, actual.AdditionalFields!.Keys);
        }
    }

    [Fact]
    public async Task First_stops_after_one_small_page_and_IncludeTotalCount_reports_the_total()
    {
        var (session, account) = Connected(messages: 300);
        var total = (ulong)await new AccountApi(Emulator, account).TotalCount("/submissions");
        account.ClearRequests();

        var result = session.Run("Get-EsSubmission -First 3 -IncludeTotalCount");

        result.ShouldSucceed();
        Assert.Equal(3, result.Objects<Submission>().Length);
        var request = Assert.Single(account.Requests());
        Assert.Equal("3", request.QueryParameters["per_page"]);
        Assert.Equal(total, Assert.IsType<ulong>(result.Output[0].BaseObject));
    }

    [Theory]
    [InlineData("Get-EsSubmission", "/submissions")]
    [InlineData("Get-EsMessage", "/investigate")]
    [InlineData("Get-EsAllowPolicy", "/settings/allow_policies")]
    public async Task IncludeTotalCount_with_First_0_counts_with_one_request_of_one_item(string command, string path)
    {
        var (session, account) = Connected(messages: 300);
        var total = (ulong)await new AccountApi(Emulator, account).TotalCount(path);
        account.ClearRequests();

        var result = session.Run($"{command} -IncludeTotalCount -First 0");

        result.ShouldSucceed();
        Assert.Equal(total, Assert.IsType<ulong>(Assert.Single(result.Output).BaseObject));
        var request = Assert.Single(account.Requests());
        Assert.Equal(path, request.Path);
        Assert.Equal("1", request.QueryParameters["per_page"]);
    }

    [Theory]
    [InlineData("-Type ADMIN")]
    [InlineData("-OutcomeDisposition EVIL")]
    [InlineData("-RequestedDisposition MALICIOUS-BEC")]
    [InlineData("-PageSize 0")]
    public void Bad_values_are_parameter_errors_and_send_nothing(string parameters)
    {
        var (session, account) = Connected();

        var result = session.Run($"Get-EsSubmission {parameters}");

        Assert.Contains(result.Errors,
            e => e.FullyQualifiedErrorId.StartsWith("ParameterArgumentValidationError", StringComparison.Ordinal));
        Assert.Empty(account.Requests());
    }

    [Fact]
    public void Start_after_end_is_refused_before_any_request()
    {
        var (session, account) = Connected();

        var result = session.Run("Get-EsSubmission -Start '2026-11-10' -End '2026-11-01'");

        Assert.Contains(result.Errors,
            e => e.FullyQualifiedErrorId.StartsWith("EsInvalidDateRange", StringComparison.Ordinal));
        Assert.Empty(account.Requests());
    }

    [Fact]
    public void The_table_view_fits_120_columns()
    {
        var (session, _) = Connected(messages: 200);

        var result = session.RunFormatted("Get-EsSubmission -First 5");

        result.ShouldSucceed();
        Assert.Contains("RequestedAt", result.HostText);
        Assert.Contains("Result", result.HostText);
        Assert.All(result.HostText.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 120, line));
    }
}
