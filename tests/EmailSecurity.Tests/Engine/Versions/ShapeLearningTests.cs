using System.Text.Json;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine.Versions;

/// <summary>
/// The request shapes an operation is declared with (release, non-detection preview, PhishGuard paging), sent to
/// either API version: the core learns the one the API takes, once per connection, and never switches on any
/// failure other than a validation refusal.
/// </summary>
[Collection("Emulator")]
public sealed class ShapeLearningTests : ModuleTest
{
    private const string QuarantinedIds = "Get-EsMessage | Where-Object IsQuarantined | Select-Object -First 4 " +
        "-ExpandProperty Id";

    public ShapeLearningTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    public static TheoryData<string> Versions() => new(ApiVersionNames.All);

    private static bool IsArray(RecordedRequest request) =>
        JsonDocument.Parse(request.Body!).RootElement.ValueKind == JsonValueKind.Array;

    [Theory]
    [MemberData(nameof(Versions))]
    public void Release_works_in_either_version_with_at_most_one_refused_request_per_connection(string version)
    {
        var (session, account) = Connected(messages: 200, apiVersion: version);
        var ids = session.Run(QuarantinedIds).Output.Select(o => o.BaseObject.ToString()!).ToList();
        Assert.Equal(4, ids.Count);
        account.ClearRequests();

        var first = session.Run("$ids[0..1] | Unblock-EsMessage -BatchSize 1 -Confirm:$false -Verbose",
            new Dictionary<string, object?> { ["ids"] = ids.ToArray() });
        var second = session.Run("$ids[2..3] | Unblock-EsMessage -Confirm:$false",
            new Dictionary<string, object?> { ["ids"] = ids.ToArray() });

        first.ShouldSucceed();
        second.ShouldSucceed();
        Assert.Equal(ids.ToHashSet(),
            first.Objects<ReleaseResult>().Concat(second.Objects<ReleaseResult>()).Select(r => r.Id!).ToHashSet());
        var releases = account.Requests().Where(r => r.Path == "/investigate/release").ToList();
        var refused = releases.Where(r => r.Status == 400).ToList();
        var taken = releases.Where(r => r.Status == 200).ToList();
        Assert.Equal(3, taken.Count);
        Assert.All(taken, r => Assert.Equal(version == ApiVersionNames.Seed, IsArray(r)));
        if (version == ApiVersionNames.Seed)
        {
            Assert.Empty(refused);
        }
        else
        {
            Assert.True(IsArray(Assert.Single(refused)), "only the first release, in the seed's shape, is refused");
            Assert.Contains(first.Verbose,
                v => v.Message.Contains("the API took ids in 'ids'", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_shape_learned_in_one_runspace_serves_every_runspace_that_shares_the_connection()
    {
        var (first, account) = Connected(messages: 200, apiVersion: ApiVersionNames.V2026_10);
        var ids = first.Run(QuarantinedIds).Output.Select(o => o.BaseObject.ToString()!).ToArray();
        var connection = first.Run("Get-EsConnection").Output.Single().BaseObject;
        var second = NewSession();
        second.SetVariable("c", connection);
        account.ClearRequests();

        first.Run("Unblock-EsMessage -Id $ids[0] -Confirm:$false", new Dictionary<string, object?> { ["ids"] = ids })
            .ShouldSucceed();
        second.Run("Unblock-EsMessage -Id $ids[1] -Connection $c -Confirm:$false",
            new Dictionary<string, object?> { ["ids"] = ids }).ShouldSucceed();

        Assert.Equal(new[] { 400, 200, 200 }, account.Requests().Select(r => r.Status));
    }

    [Fact]
    public void Domains_of_one_status_over_several_pages_are_refused_once()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        var status = session.Run("Get-EsDomain | Group-Object Status | Sort-Object Count -Descending | Select-Object " +
            "-First 1").Output.Single();
        var name = status.Properties["Name"].Value.ToString()!;
        var count = (int)status.Properties["Count"].Value;
        Assert.True(count >= 2, $"{count} domains of the commonest status: too few for two pages");
        account.ClearRequests();

        var result = session.Run("Get-EsDomain -Status $s -PageSize 1", new Dictionary<string, object?> { ["s"] =
            name.ToLowerInvariant() });

        result.ShouldSucceed();
        Assert.Equal(count, result.Objects<EmailDomain>().Length);
        Assert.Equal(new[] { 400 }.Concat(Enumerable.Repeat(200, count)), account.Requests().Select(r => r.Status));
    }

    [Fact]
    public void A_service_that_changes_shape_under_a_connection_is_followed_with_one_refusal_each_way()
    {
        var (session, account) = Connected(messages: 200, apiVersion: ApiVersionNames.Seed);
        var ids = session.Run(QuarantinedIds).Output.Select(o => o.BaseObject.ToString()!).ToArray();
        var vars = new Dictionary<string, object?> { ["ids"] = ids };
        account.ClearRequests();

        session.Run("Unblock-EsMessage -Id $ids[0] -Confirm:$false", vars).ShouldSucceed();
        account.SetApiVersion(ApiVersionNames.V2026_10);
        session.Run("Unblock-EsMessage -Id $ids[1] -Confirm:$false", vars).ShouldSucceed();
        session.Run("Unblock-EsMessage -Id $ids[2] -Confirm:$false", vars).ShouldSucceed();
        account.SetApiVersion(ApiVersionNames.Seed);
        session.Run("Unblock-EsMessage -Id $ids[3] -Confirm:$false", vars).ShouldSucceed();

        var releases = account.Requests().Where(r => r.Path == "/investigate/release").ToList();
        Assert.Equal(new[] { 200, 400, 200, 200, 400, 200 }, releases.Select(r => r.Status));
        Assert.Equal(new[] { true, true, false, false, false, true }, releases.Select(IsArray));
    }

    /// <summary>
    /// A message without a detection: the detection preview is refused (the emulator renders every message, so a
    /// fault rule plays the refusal), and the cmdlet asks for the other preview with the same -Id.
    /// </summary>
    [Theory]
    [MemberData(nameof(Versions))]
    public void Preview_by_id_of_a_message_without_a_detection_works_in_either_version(string version)
    {
        var (session, account) = Connected(apiVersion: version);
        var messages = session.Run("Get-EsMessage -Disposition NONE -First 3").Objects<Message>();
        Assert.Equal(3, messages.Length);
        var vars = new Dictionary<string, object?> { ["ids"] = messages.Select(m => m.Id).ToArray() };
        account.SetFaults(new FaultRule("status") { Method = "GET", Path = "/preview", Status = 404, Times = 0,
            ErrorCode = 1003, ErrorMessage = "No detection preview" });
        account.ClearRequests();

        var typed = session.Run("Get-EsMessagePreview -Id $ids[0] -Verbose; Get-EsMessagePreview -Id $ids[1]", vars);
        var piped = session.Run("Get-EsMessage -Id $ids[2] | Get-EsMessagePreview", vars);

        typed.ShouldSucceed();
        piped.ShouldSucceed();
        Assert.Equal(messages.Select(m => m.Id),
            typed.Objects<MessagePreview>().Concat(piped.Objects<MessagePreview>()).Select(p => p.MessageId));
        Assert.All(typed.Objects<MessagePreview>().Concat(piped.Objects<MessagePreview>()),
            p => Assert.NotEmpty(p.GetImageBytes()));
        Assert.Contains(typed.Verbose,
            v => v.Message.Contains("no detection preview of this message", StringComparison.Ordinal));
        var posts = account.Requests().Where(r => r.Method == "POST" && r.Path == "/investigate/preview").ToList();
        Assert.True(posts.Count(r => r.Status == 400) <= 1, "at most one refused preview request per connection");
        var fields = posts.Where(r => r.Status == 200)
            .Select(r => JsonDocument.Parse(r.Body!).RootElement.EnumerateObject().Single().Name).ToList();
        Assert.Equal(Enumerable.Repeat(version == ApiVersionNames.Seed ? "postfix_id" : "id", 3), fields);
        Assert.DoesNotContain(account.Requests(), r => r.Status != 200 && r.Status != 404 && r.Status != 400);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Preview_of_a_message_with_a_detection_is_one_request(string version)
    {
        var (session, account) = Connected(apiVersion: version);
        var id = session.Run("Get-EsMessage -Disposition MALICIOUS -First 1").Objects<Message>().Single().Id;
        account.ClearRequests();

        session.Run("Get-EsMessagePreview -Id $id", new Dictionary<string, object?> { ["id"] = id }).ShouldSucceed();

        var request = Assert.Single(account.Requests());
        Assert.Equal(("GET", $"/investigate/{id}/preview"), (request.Method, request.Path));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(401)]
    [InlineData(403)]
    public void The_detection_preview_failing_otherwise_is_the_answer_without_a_second_request(int status)
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        var id = session.Run("Get-EsMessage -Disposition NONE -First 1").Objects<Message>().Single().Id;
        account.SetFaults(new FaultRule("status") { Method = "GET", Path = "/preview", Status = status, Times = 0,
            RetryAfter = status == 429 ? "0" : null });
        account.ClearRequests();

        var result = session.Run("Get-EsMessagePreview -Id $id", new Dictionary<string, object?> { ["id"] = id });

        Assert.NotEmpty(result.Errors);
        Assert.DoesNotContain(account.Requests(), r => r.Method == "POST");
    }

    [Fact]
    public void PostfixId_warns_that_postfix_ids_are_past_their_end_of_life()
    {
        var (session, _) = Connected(apiVersion: ApiVersionNames.Seed);
        var postfixId = session.Run("Get-EsMessage -Disposition NONE -First 1").Objects<Message>().Single().PostfixId;

        var result =
            session.Run("Get-EsMessagePreview -PostfixId $p", new Dictionary<string, object?> { ["p"] = postfixId });

        result.ShouldSucceed();
        Assert.Contains(result.Warnings,
            w => w.Message.Contains("end of life (1 November 2026)", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void PhishGuard_reports_are_all_read_in_either_version_without_a_refused_request(string version)
    {
        var (session, account) = Connected(messages: 600, apiVersion: version);
        account.ClearRequests();

        var result = session.Run("Get-EsPhishGuardReport -Start ([datetime]::UtcNow.AddDays(-60)) -Verbose");
        var again = session.Run("Get-EsPhishGuardReport -Start ([datetime]::UtcNow.AddDays(-60))");

        result.ShouldSucceed();
        var reports = result.Objects<PhishGuardReport>();
        Assert.True(reports.Length > 20, $"{reports.Length} reports: too few to span pages of 20");
        Assert.Equal(reports.Length, reports.Select(r => r.Id).Distinct().Count());
        Assert.Equal(reports.Select(r => r.Id), again.Objects<PhishGuardReport>().Select(r => r.Id));
        var requests = account.Requests();
        Assert.All(requests, r => Assert.Equal(200, r.Status));
        if (version == ApiVersionNames.Seed)
        {
            Assert.Equal(2, requests.Count);
            Assert.All(requests, r => Assert.False(r.QueryParameters.ContainsKey("page")));
        }
        else
        {
            Assert.Contains(result.Verbose,
                v => v.Message.Contains("on this connection from now on", StringComparison.Ordinal));
            Assert.Equal("1000", requests.Last().QueryParameters["per_page"]);
        }
    }

    /// <summary>
    /// Each failure that is not a validation refusal, on the first release of a seed connection: the core reports it
    /// and never sends the other shape, then or later.
    /// </summary>
    [Theory]
    [InlineData("status", 500, null)]
    [InlineData("statusAfterProcessing", 502, null)]
    [InlineData("status", 429, null)]
    [InlineData("status", 401, null)]
    [InlineData("status", 403, null)]
    [InlineData("status", 404, null)]
    [InlineData("status", 400, 1000)]
    [InlineData("status", 422, 1004)]
    [InlineData("drop", null, null)]
    [InlineData("dropAfterProcessing", null, null)]
    [InlineData("malformed", null, null)]
    public void No_failure_but_a_validation_refusal_switches_the_shape(string kind, int? status, int? errorCode)
    {
        var (session, account) = Connected(messages: 200, apiVersion: ApiVersionNames.Seed);
        var ids = session.Run(QuarantinedIds).Output.Select(o => o.BaseObject.ToString()!).ToArray();
        var vars = new Dictionary<string, object?> { ["ids"] = ids };
        account.SetFaults(new FaultRule(kind) { Method = "POST", Path = "/investigate/release", Status = status,
            ErrorCode = errorCode, RetryAfter = status == 429 ? "0" : null });
        account.ClearRequests();

        session.Run("Unblock-EsMessage -Id $ids[0] -Confirm:$false", vars);
        session.Run("Unblock-EsMessage -Id $ids[1] -Confirm:$false", vars).ShouldSucceed();

        var releases = account.Requests().Where(r => r.Path == "/investigate/release").ToList();
        Assert.True(releases.Count >= 2);
        Assert.All(releases, r => Assert.True(IsArray(r), $"{r.Body} is not in the seed's shape"));
    }

    [Fact]
    public void A_validation_refusal_of_both_shapes_reports_both_answers_and_learns_nothing()
    {
        var (session, account) = Connected(messages: 200, apiVersion: ApiVersionNames.Seed);
        var ids = session.Run(QuarantinedIds).Output.Select(o => o.BaseObject.ToString()!).ToArray();
        var vars = new Dictionary<string, object?> { ["ids"] = ids };
        account.SetFaults(new FaultRule("status") { Method = "POST", Path = "/investigate/release", Status = 400,
            ErrorCode = 1004, ErrorMessage = "ids: too many" });
        account.ClearRequests();

        var refused = session.Run("Unblock-EsMessage -Id $ids[0] -Confirm:$false", vars);
        session.Run("Unblock-EsMessage -Id $ids[1] -Confirm:$false", vars).ShouldSucceed();

        var error = Assert.Single(refused.Errors);
        Assert.Contains("ids: too many", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("body: must be a JSON array", error.Exception.Message, StringComparison.Ordinal);
        var releases = account.Requests().Where(r => r.Path == "/investigate/release").ToList();
        Assert.Equal(new[] { true, false, true }, releases.Select(IsArray));
    }
}
