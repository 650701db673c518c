using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine.Versions;

/// <summary>
/// Parameters for what the 2026-10 API added: -DeliveryStatus, -Cursor, milliseconds, submission order.
/// </summary>
[Collection("Emulator")]
public sealed class NewParameterTests : ModuleTest
{
    public NewParameterTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    public static TheoryData<string> Versions() => new(ApiVersionNames.All);

    [Fact]
    public void DeliveryStatus_finds_the_messages_in_that_status()
    {
        var (session, account) = Connected(messages: 200, apiVersion: ApiVersionNames.V2026_10);
        account.ClearRequests();

        var result = session.Run("Get-EsMessage -DeliveryStatus Quarantined");

        result.ShouldSucceed();
        var messages = result.Objects<Message>();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Contains("quarantined", m.DeliveryStatus!));
        Assert.Equal("quarantined", Assert.Single(account.Requests()).QueryParameters["delivery_status"]);
    }

    [Fact]
    public void DeliveryStatus_on_the_older_API_is_its_error_after_one_request()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.Seed);
        account.ClearRequests();

        var result = session.Run("Get-EsMessage -DeliveryStatus delivered");

        Assert.Contains("delivery_status", Assert.Single(result.Errors).Exception.Message, StringComparison.Ordinal);
        Assert.Single(account.Requests());
    }

    [Fact]
    public void DeliveryStatus_completes_its_values()
    {
        var (session, _) = Connected();

        var matches = session.Run("(TabExpansion2 'Get-EsMessage -DeliveryStatus mo' " +
            "32).CompletionMatches.CompletionText").Output.Select(o => o.ToString());

        Assert.Equal(new[] { "move_failed", "moved" }, matches.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void A_search_stopped_by_an_error_says_which_cursor_resumes_it_and_Cursor_reads_on_from_there(string version)
    {
        var (session, account) = Connected(messages: 300, apiVersion: version);
        var all = session.Run("Get-EsMessage").Objects<Message>().Select(m => m.Id).ToList();
        Assert.Equal(300, all.Count);
        account.SetFaults(new FaultRule("status") { Method = "GET", Path = "/investigate", Skip = 2, Times = 0, Status =
            503 });

        var stopped = session.Run("Get-EsMessage -PageSize 100 -Verbose");
        account.ClearFaults();

        var read = stopped.Objects<Message>().Select(m => m.Id).ToList();
        Assert.Equal(all.Take(200), read);
        var error = Assert.Single(stopped.Errors).Exception.Message;
        var cursor = System.Text.RegularExpressions.Regex.Match(error, "-Cursor '(?<c>[^']+)'").Groups["c"].Value;
        Assert.NotEmpty(cursor);
        Assert.Contains(stopped.Verbose,
            v => v.Message.Contains($"page 3 is at -Cursor '{cursor}'", StringComparison.Ordinal));

        var resumed =
            session.Run("Get-EsMessage -PageSize 100 -Cursor $c", new Dictionary<string, object?> { ["c"] = cursor });

        resumed.ShouldSucceed();
        Assert.Equal(all.Skip(200), resumed.Objects<Message>().Select(m => m.Id));
    }

    /// <summary>
    /// Half a second after a message was scanned: with the milliseconds cut off, the message would be found.
    /// </summary>
    [Theory]
    [MemberData(nameof(Versions))]
    public void Start_and_End_keep_their_milliseconds(string version)
    {
        var (session, account) = Connected(apiVersion: version);
        var message = session.Run("Get-EsMessage -First 1").Objects<Message>().Single();
        var vars = new Dictionary<string, object?> { ["t"] = message.ScannedAt!.Value };
        account.ClearRequests();

        var after = session.Run("Get-EsMessage -Start $t.AddMilliseconds(500) -End $t.AddMinutes(1)", vars);
        var around = session.Run("Get-EsMessage -Start $t.AddMilliseconds(-250) -End $t.AddMilliseconds(250)", vars);

        after.ShouldSucceed();
        around.ShouldSucceed();
        Assert.DoesNotContain(after.Objects<Message>(), m => m.Id == message.Id);
        Assert.Contains(around.Objects<Message>(), m => m.Id == message.Id);
        var start = account.Requests()[0].QueryParameters["start"];
        Assert.Equal(message.ScannedAt.Value.AddMilliseconds(500).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
            start);
    }

    [Fact]
    public void Submissions_sort_by_Order_and_Direction()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        account.ClearRequests();

        var ascending = session.Run("Get-EsSubmission -Order requested_at -Direction asc").Objects<Submission>();
        var descending = session.Run("Get-EsSubmission -Order requested_at -Direction desc").Objects<Submission>();

        Assert.True(ascending.Length > 2);
        Assert.Equal(ascending.Select(s => s.RequestedAt).Order(), ascending.Select(s => s.RequestedAt));
        Assert.Equal(ascending.Select(s => s.SubmissionId).Reverse(), descending.Select(s => s.SubmissionId));
        Assert.All(account.Requests(), r => Assert.Equal("requested_at", r.QueryParameters["order"]));
    }

    [Fact]
    public void Submission_order_on_the_older_API_is_its_error()
    {
        var (session, _) = Connected(apiVersion: ApiVersionNames.Seed);

        var result = session.Run("Get-EsSubmission -Order subject");

        Assert.Contains("order", Assert.Single(result.Errors).Exception.Message, StringComparison.Ordinal);
    }
}
