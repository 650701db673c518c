using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine.Settings;

[Collection("Emulator")]
public sealed class AllowPolicyTests : SettingsTest
{
    private const string Resource = "allow_policies";

    public AllowPolicyTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void Get_lists_every_policy_with_every_field_the_API_sent()
    {
        var (session, account) = Connected();
        var stored = Stored(account, Resource);
        account.ClearRequests();

        var result = session.Run("Get-EsAllowPolicy");

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal("GET", request.Method);
        Assert.Equal("/settings/allow_policies", request.Path);
        Wire.QueryIs(request, ("per_page", "1000"), ("page", "1"));
        var policies = result.Objects<AllowPolicy>();
        Assert.Equal(stored.Count, policies.Length);
        for (var i = 0; i < stored.Count; i++)
        {
            ModelJson.AssertCarries(stored[i], policies[i]);
        }

        Assert.Contains(policies, p => p.PatternType == "UNKNOWN");
    }

    [Fact]
    public void Get_sends_each_filter_as_the_API_names_it()
    {
        var (session, account) = Connected();

        var result = session.Run(
            "Get-EsAllowPolicy -Pattern 'payroll@adatum.example' -PatternType email -IsAcceptableSender $false " +
            "-IsExemptRecipient $false -IsTrustedSender $true -VerifySender $true -Search payroll -Order pattern " +
            "-Direction desc -PageSize 50");

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Wire.QueryIs(
            request,
            ("pattern", "payroll@adatum.example"), ("pattern_type", "EMAIL"), ("is_acceptable_sender", "false"),
            ("is_exempt_recipient", "false"),
            ("is_trusted_sender", "true"), ("verify_sender", "true"), ("search", "payroll"), ("order", "pattern"),
            ("direction", "desc"),
            ("per_page", "50"), ("page", "1"));
        Assert.Equal("payroll@adatum.example", Assert.Single(result.Objects<AllowPolicy>()).Pattern);
    }

    [Fact]
    public void A_boolean_filter_returns_only_the_matching_policies()
    {
        var (session, account) = Connected();
        var expected = Stored(account, Resource).Count(p => p.GetProperty("is_trusted_sender").GetBoolean());

        var result = session.Run("Get-EsAllowPolicy -IsTrustedSender $true");

        result.ShouldSucceed();
        var policies = result.Objects<AllowPolicy>();
        Assert.NotEmpty(policies);
        Assert.Equal(expected, policies.Length);
        Assert.All(policies, p => Assert.True(p.IsTrustedSender));
    }

    [Fact]
    public void Get_by_id_reads_each_policy_with_its_own_request()
    {
        var (session, account) = Connected();
        var stored = Stored(account, Resource).Take(2).ToList();
        var ids = stored.Select(p => p.GetProperty("id").GetString()!).ToArray();
        account.ClearRequests();

        var result = session.Run("Get-EsAllowPolicy -Id $ids", Vars(("ids", ids)));

        result.ShouldSucceed();
        Assert.Equal(ids.Select(id => $"GET /settings/allow_policies/{id}"),
            account.Requests().Select(r => $"{r.Method} {r.Path}"));
        Assert.All(account.Requests(), r => Assert.True(string.IsNullOrEmpty(r.Query)));
        var policies = result.Objects<AllowPolicy>();
        Assert.Equal(2, policies.Length);
        ModelJson.AssertCarries(stored[0], policies[0]);
        ModelJson.AssertCarries(stored[1], policies[1]);
    }

    [Fact]
    public void New_sends_every_flag_the_API_requires_and_returns_the_created_policy()
    {
        var (session, account) = Connected();

        var result = session.Run(
            "New-EsAllowPolicy -Pattern 'notices@fabrikam.example' -PatternType email -IsAcceptableSender " +
            "-VerifySender -Comments 'Partner notices land in Bulk'");

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal("POST", request.Method);
        Assert.Equal("/settings/allow_policies", request.Path);
        Wire.BodyIs(
            request,
            ("pattern", "\"notices@fabrikam.example\""), ("pattern_type", "\"EMAIL\""),
            ("is_acceptable_sender", "true"),
            ("is_exempt_recipient", "false"), ("is_regex", "false"), ("is_trusted_sender", "false"),
            ("verify_sender", "true"),
            ("comments", "\"Partner notices land in Bulk\""));
        var created = Assert.Single(result.Objects<AllowPolicy>());
        Assert.False(string.IsNullOrEmpty(created.Id));
        ModelJson.AssertCarries(StoredEntry(account, Resource, created.Id!)!.Value, created);
        Assert.Equal("notices@fabrikam.example", created.Pattern);
        Assert.True(created.IsAcceptableSender);
        Assert.False(created.IsTrustedSender);
        Assert.NotNull(created.CreatedAt);
    }

    [Fact]
    public void New_creates_one_policy_per_piped_record()
    {
        var (session, account) = Connected();

        var result = session.Run(
            "[pscustomobject]@{ Pattern = 'a@partner.example'; PatternType = 'EMAIL'; Comments = 'A' }, " +
            "[pscustomobject]@{ Pattern = '192.0.2.10'; PatternType = 'IP'; Comments = 'B' } | New-EsAllowPolicy " +
            "-IsTrustedSender");

        result.ShouldSucceed();
        var posts = Wire.AfterRefusedBatch(account.Requests());
        Assert.Equal(2, posts.Count);
        Assert.Equal(new[] { "a@partner.example", "192.0.2.10" },
            posts.Select(r => Wire.Body(r).GetProperty("pattern").GetString()));
        Assert.Equal(new[] { "EMAIL", "IP" }, posts.Select(r => Wire.Body(r).GetProperty("pattern_type").GetString()));
        Assert.All(posts, r => Assert.True(Wire.Body(r).GetProperty("is_trusted_sender").GetBoolean()));
        Assert.Equal(new[] { "A", "B" }, result.Objects<AllowPolicy>().Select(p => p.Comments));
    }

    [Fact]
    public void Set_sends_only_the_bound_fields_and_PassThru_returns_the_edited_policy()
    {
        var (session, account) = Connected();
        var before = Stored(account, Resource).First(p => p.GetProperty("is_trusted_sender").GetBoolean());
        var id = before.GetProperty("id").GetString()!;
        account.ClearRequests();

        var result = session.Run("Set-EsAllowPolicy -Id $id -IsTrustedSender $false -IsAcceptableSender $true " +
            "-Comments 'Downgraded' -PassThru", Vars(("id", id)));

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal("PATCH", request.Method);
        Assert.Equal($"/settings/allow_policies/{id}", request.Path);
        Wire.BodyIs(request, ("is_trusted_sender", "false"), ("is_acceptable_sender", "true"),
            ("comments", "\"Downgraded\""));
        var edited = Assert.Single(result.Objects<AllowPolicy>());
        ModelJson.AssertCarries(StoredEntry(account, Resource, id)!.Value, edited);
        Assert.Equal("Downgraded", edited.Comments);
        Assert.Equal(before.GetProperty("pattern").GetString(), edited.Pattern);
    }

    [Fact]
    public void Set_without_PassThru_writes_nothing()
    {
        var (session, account) = Connected();
        var id = Stored(account, Resource)[0].GetProperty("id").GetString()!;

        var result = session.Run("Set-EsAllowPolicy -Id $id -VerifySender $false", Vars(("id", id)));

        result.ShouldSucceed();
        Assert.Empty(result.Output);
        Assert.False(StoredEntry(account, Resource, id)!.Value.GetProperty("verify_sender").GetBoolean());
    }

    [Fact]
    public void Remove_deletes_the_policy()
    {
        var (session, account) = Connected();
        var id = Stored(account, Resource)[0].GetProperty("id").GetString()!;
        account.ClearRequests();

        var result = session.Run("Remove-EsAllowPolicy -Id $id -Confirm:$false", Vars(("id", id)));

        result.ShouldSucceed();
        Assert.Empty(result.Output);
        var request = Assert.Single(account.Requests());
        Assert.Equal("DELETE", request.Method);
        Assert.Equal($"/settings/allow_policies/{id}", request.Path);
        Assert.Null(StoredEntry(account, Resource, id));
    }

    [Fact]
    public void Round_trip_create_find_edit_and_remove()
    {
        var (session, account) = Connected();
        const string Pattern = "roundtrip@partner.example";

        session.Run("$null = New-EsAllowPolicy -Pattern $p -PatternType EMAIL -IsTrustedSender -Comments 'First'",
            Vars(("p", Pattern))).ShouldSucceed();
        session.Run("Get-EsAllowPolicy -Pattern $p | Set-EsAllowPolicy -Comments 'Reviewed'", Vars(("p", Pattern)))
            .ShouldSucceed();
        var edited =
            Assert.Single(session.Run("Get-EsAllowPolicy -Pattern $p", Vars(("p", Pattern))).Objects<AllowPolicy>());
        session.Run("Get-EsAllowPolicy -Pattern $p | Remove-EsAllowPolicy -Confirm:$false", Vars(("p", Pattern)))
            .ShouldSucceed();
        var after = session.Run("Get-EsAllowPolicy -Pattern $p", Vars(("p", Pattern)));

        Assert.Equal("Reviewed", edited.Comments);
        Assert.True(edited.IsTrustedSender);
        Assert.Single(account.Requests(),
            r => r.Method == "PATCH" && r.Path == $"/settings/allow_policies/{edited.Id}");
        Assert.Single(account.Requests(),
            r => r.Method == "DELETE" && r.Path == $"/settings/allow_policies/{edited.Id}");
        after.ShouldSucceed();
        Assert.Empty(after.Output);
        Assert.DoesNotContain(Stored(account, Resource), p => p.GetProperty("pattern").GetString() == Pattern);
    }
}
