using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine.Versions;

/// <summary>Answers of either API version read into the same objects: the fields and values 2026-10 added.</summary>
[Collection("Emulator")]
public sealed class ResponseVersionTests : ModuleTest
{
    public ResponseVersionTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    public static TheoryData<string> Versions() => new(ApiVersionNames.All);

    [Fact]
    public void Messages_of_2026_10_carry_their_SMTP_addresses_and_no_field_past_its_end_of_life()
    {
        var (session, _) = Connected(apiVersion: ApiVersionNames.V2026_10);

        var result = session.Run("Get-EsMessage -First 60; Get-EsMessage -First 5 | Get-EsMessage");

        result.ShouldSucceed();
        var messages = result.Objects<Message>();
        Assert.Equal(65, messages.Length);
        Assert.All(messages,
            m => Assert.False(string.IsNullOrEmpty(m.SmtpHeloServerIp), $"{m.Id} has no smtp_helo_server_ip"));
        Assert.Contains(messages, m => m.XOriginatingIp != null);
        Assert.Contains(messages, m => m.SmtpPreviousHopIp != null);
        Assert.Empty(result.Warnings);
        var listed = session.Run("Get-EsMessage -First 1 | Format-List * | Out-String").Output.Single().ToString();
        Assert.Contains("SmtpHeloServerIp", listed, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_of_the_seed_leave_the_new_fields_empty()
    {
        var (session, _) = Connected(apiVersion: ApiVersionNames.Seed);

        var messages = session.Run("Get-EsMessage -First 20").Objects<Message>();

        Assert.Equal(20, messages.Length);
        Assert.All(messages, m => Assert.Null(m.SmtpHeloServerIp));
    }

    [Fact]
    public void A_move_failed_delivery_status_is_read_as_sent()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        account.SetFaults(new FaultRule("retypedFields")
        {
            Method = "GET",
            Path = "/investigate",
            Fields = new Dictionary<string, object?> { ["delivery_status"] = new[] { "delivered", "move_failed" } },
        });

        var result = session.Run("Get-EsMessage -First 3");

        result.ShouldSucceed();
        Assert.Empty(result.Warnings);
        Assert.All(result.Objects<Message>(),
            m => Assert.Equal(new[] { "delivered", "move_failed" }, m.DeliveryStatus));
    }

    /// <summary>The status filter is lower case in the seed, upper case in 2026-10: learned from one refusal.</summary>
    [Theory]
    [MemberData(nameof(Versions))]
    public void Domains_filtered_by_status_in_either_version_with_at_most_one_refused_request(string version)
    {
        var (session, account) = Connected(apiVersion: version);
        var all = session.Run("Get-EsDomain").Objects<EmailDomain>();
        Assert.NotEmpty(all);
        var status = all[0].Status!;
        Assert.Equal(version == ApiVersionNames.Seed ? status.ToLowerInvariant() : status.ToUpperInvariant(), status);
        account.ClearRequests();

        var first = session.Run("Get-EsDomain -Status $s", new Dictionary<string, object?> { ["s"] =
            status.ToLowerInvariant() });
        var second = session.Run("Get-EsDomain -Status $s", new Dictionary<string, object?> { ["s"] =
            status.ToLowerInvariant() });

        first.ShouldSucceed();
        second.ShouldSucceed();
        var expected =
            all.Where(d => string.Equals(d.Status, status, StringComparison.Ordinal)).Select(d => d.Id).ToList();
        Assert.Equal(expected, first.Objects<EmailDomain>().Select(d => d.Id));
        Assert.Equal(expected, second.Objects<EmailDomain>().Select(d => d.Id));
        var requests = account.Requests();
        Assert.Equal(version == ApiVersionNames.Seed ? 0 : 1, requests.Count(r => r.Status == 400));
        Assert.All(requests.Where(r => r.Status == 200), r => Assert.Equal(status, r.QueryParameters["status"]));
    }
}
