using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Reliability;

/// <summary>
/// An API that sends other JSON types than documented (retypedFields): ids as numbers, as older versions send allow
/// policy ids, "yes" for a flag, text for a list, null for a list. Nothing is rejected: every object is written,
/// what can be read is read, what cannot is kept in AdditionalFields with one warning, and a create is done once.
/// </summary>
[Collection("Emulator")]
public sealed class TypeDriftTests : ReliabilityTest
{
    public TypeDriftTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void New_EsAllowPolicy_answered_with_a_numeric_id_writes_the_policy_with_that_id_and_creates_it_once()
    {
        var (session, account) = ConnectedWith(null);
        var before = session.Run("Get-EsAllowPolicy").Objects<AllowPolicy>().Length;
        account.ClearRequests();
        account.SetFaults(new FaultRule("retypedFields") { Method = "POST", Path = "/settings/allow_policies", Fields =
            new() { ["id"] = 4711 } });

        var result = session.Run(
            "New-EsAllowPolicy -Pattern 'partner.example' -PatternType DOMAIN -IsAcceptableSender -Confirm:$false");

        result.ShouldSucceed();
        Assert.Empty(result.Warnings);
        var policy = Assert.Single(result.Objects<AllowPolicy>());
        Assert.Equal("4711", policy.Id);
        Assert.Equal("partner.example", policy.Pattern);
        Assert.True(policy.IsAcceptableSender);
        Assert.Single(account.Requests(), r => r.Method == "POST");
        var after = session.Run("Get-EsAllowPolicy").Objects<AllowPolicy>();
        Assert.Equal(before + 1, after.Length);
        Assert.Single(after, p => p.Pattern == "partner.example");
    }

    [Fact]
    public void Get_EsAllowPolicy_with_numeric_ids_and_a_yes_flag_writes_every_policy_with_one_warning()
    {
        var (session, account) = ConnectedWith(null);
        var clean = session.Run("Get-EsAllowPolicy").Objects<AllowPolicy>();
        account.SetFaults(new FaultRule("retypedFields") { Method = "GET", Path = "/settings/allow_policies", Fields =
            new() { ["id"] = 12, ["is_trusted_sender"] = "yes" } });

        var result = session.Run("Get-EsAllowPolicy");

        Assert.Empty(result.Errors);
        var policies = result.Objects<AllowPolicy>();
        Assert.Equal(clean.Select(p => p.Pattern), policies.Select(p => p.Pattern));
        Assert.All(policies, p =>
        {
            Assert.Equal("12", p.Id);
            Assert.Null(p.IsTrustedSender);
            Assert.Equal("yes", p.AdditionalFields!["is_trusted_sender"]);
        });
        var warning = Assert.Single(result.Warnings).Message;
        Assert.StartsWith("GET /settings/allow_policies: 'is_trusted_sender' of AllowPolicy is text (\"yes\") where " +
            "true or false was expected", warning);
        Assert.EndsWith("kept as sent in AdditionalFields, the property left empty.", warning);
    }

    [Fact]
    public void A_message_search_with_text_for_a_list_and_null_for_a_list_writes_every_message_without_a_warning()
    {
        var (session, account) = ConnectedWith(null, messages: 150);
        var clean = session.Run("Get-EsMessage -PageSize 100").Objects<Message>();
        account.SetFaults(new FaultRule("retypedFields") { Method = "GET", Path = "/investigate", Times = 0, Fields =
            new() { ["to"] = "ceo@contoso.example", ["detection_reasons"] = null } });

        var result = session.Run("Get-EsMessage -PageSize 100");

        result.ShouldSucceed();
        Assert.Empty(result.Warnings);
        var messages = result.Objects<Message>();
        Assert.Equal(clean.Select(m => m.Id), messages.Select(m => m.Id));
        Assert.All(messages, m =>
        {
            Assert.Equal(new[] { "ceo@contoso.example" }, m.To);
            Assert.Null(m.DetectionReasons);
        });
    }
}
