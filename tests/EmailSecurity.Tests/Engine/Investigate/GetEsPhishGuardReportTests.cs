using EmailSecurity.Models;
using EmailSecurity.Tests.Emulator;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine.Investigate;

[Collection("Emulator")]
public sealed class GetEsPhishGuardReportTests : ModuleTest
{
    public GetEsPhishGuardReportTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void Start_and_end_go_into_the_query_and_the_deprecated_dates_never_do()
    {
        var (session, account) = Connected();

        session.Run("Get-EsPhishGuardReport -Start '2026-10-01T00:00:00Z' -End '2026-11-01T06:00:00Z'").ShouldSucceed();

        var request = Assert.Single(account.Requests());
        Assert.Equal("GET", request.Method);
        Assert.Equal("/phishguard/reports", request.Path);
        Assert.Equal(new[] { "end", "start" }, request.QueryParameters.Keys.Order());
        Assert.Equal("2026-10-01T00:00:00Z", request.QueryParameters["start"]);
        Assert.Equal("2026-11-01T06:00:00Z", request.QueryParameters["end"]);
    }

    [Fact]
    public void Without_a_range_nothing_is_sent_and_the_API_picks_the_last_30_days()
    {
        var (session, account) = Connected(messages: 300);

        var result = session.Run("Get-EsPhishGuardReport");

        result.ShouldSucceed();
        Assert.True(string.IsNullOrEmpty(Assert.Single(account.Requests()).Query));
        Assert.NotEmpty(result.Objects<PhishGuardReport>());
    }

    [Fact]
    public async Task Reports_carry_the_fields_of_the_response()
    {
        var (session, account) = Connected(messages: 300);
        var json =
            (await new AccountApi(Emulator, account).Get("/phishguard/reports")).Result.EnumerateArray().ToList();

        var reports = session.Run("Get-EsPhishGuardReport").Objects<PhishGuardReport>();

        Assert.NotEmpty(json);
        Assert.Equal(json.Count, reports.Length);
        foreach (var (expected, actual) in json.Zip(reports))
        {
            Assert.Equal(expected.GetProperty("id").GetInt64(), actual.Id);
            Assert.Equal(expected.GetProperty("title").GetString(), actual.Title);
            Assert.Equal(expected.GetProperty("content").GetString(), actual.Content);
            Assert.Equal(expected.GetProperty("disposition").GetString(), actual.Disposition);
            Assert.Equal(expected.GetProperty("priority").GetString(), actual.Priority);
            Assert.Equal(expected.GetProperty("created_at").GetDateTimeOffset(), actual.CreatedAt);
            Assert.Equal(expected.GetProperty("updated_at").GetDateTimeOffset(), actual.UpdatedAt);
            var fields = expected.GetProperty("fields");
            Assert.Equal(fields.GetProperty("from").GetString(), actual.Fields!.From);
            Assert.Equal(fields.GetProperty("to").EnumerateArray().Select(t => t.GetString()), actual.Fields.To!);
            Assert.Equal(fields.GetProperty("occurred_at").GetDateTimeOffset(), actual.Fields.OccurredAt);
            Assert.Equal(fields.GetProperty("postfix_id").GetString(), actual.Fields.PostfixId);
            Assert.Equal(expected.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("category")
                .GetString() + ":" + t.GetProperty("value").GetString()), actual.Tags!.Select(t => t.ToString()));
            Assert.Equal(new[] { "ts" }, actual.AdditionalFields!.Keys);
            Assert.Equal(new[] { "ts" }, actual.Fields.AdditionalFields!.Keys);
        }
    }

    [Fact]
    public void Start_after_end_is_refused_before_any_request()
    {
        var (session, account) = Connected();

        var result = session.Run("Get-EsPhishGuardReport '2026-11-10' '2026-11-01'");

        Assert.Contains(result.Errors,
            e => e.FullyQualifiedErrorId.StartsWith("EsInvalidDateRange", StringComparison.Ordinal));
        Assert.Empty(account.Requests());
    }

    [Fact]
    public void The_table_view_fits_120_columns()
    {
        var (session, _) = Connected(messages: 300);

        var result = session.RunFormatted("Get-EsPhishGuardReport");

        result.ShouldSucceed();
        Assert.Contains("Priority", result.HostText);
        Assert.All(result.HostText.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 120, line));
    }
}
