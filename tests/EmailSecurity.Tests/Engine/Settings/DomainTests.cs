using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine.Settings;

[Collection("Emulator")]
public sealed class DomainTests : SettingsTest
{
    private const string Resource = "domains";

    public DomainTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void Get_lists_every_domain_with_every_field_the_API_sent_nested_objects_included()
    {
        var (session, account) = Connected();
        var stored = Stored(account, Resource);
        account.ClearRequests();

        var result = session.Run("Get-EsDomain");

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal("GET /settings/domains", $"{request.Method} {request.Path}");
        Wire.QueryIs(request, ("per_page", "1000"), ("page", "1"));
        var domains = result.Objects<EmailDomain>();
        Assert.Equal(stored.Count, domains.Length);
        for (var i = 0; i < stored.Count; i++)
        {
            ModelJson.AssertCarries(stored[i], domains[i]);
        }

        var active = domains.First(d => d.Status == "active");
        Assert.True(active.Authorization!.Authorized);
        Assert.NotNull(active.Authorization.Timestamp);
        Assert.True(active.EmailsProcessed!.TotalEmailsProcessed > 0);
        Assert.NotEmpty(active.AllowedDeliveryModes!);
    }

    [Fact]
    public void Get_sends_each_filter_as_the_API_names_it_and_repeats_domain()
    {
        var (session, account) = Connected();

        var result = session.Run(
            "Get-EsDomain -Domain contoso.example, sales.contoso.example -Status active -ActiveDeliveryMode direct -AllowedDeliveryMode api " +
            "-IntegrationId 'c3f1d2a4-0000-4000-8000-000000000001' -Search contoso -Order domain -Direction desc -PageSize 25");

        result.ShouldSucceed();
        Wire.QueryIs(
            Assert.Single(account.Requests()),
            ("domain", "contoso.example"), ("domain", "sales.contoso.example"), ("status", "active"), ("active_delivery_mode", "DIRECT"),
            ("allowed_delivery_mode", "API"), ("integration_id", "c3f1d2a4-0000-4000-8000-000000000001"), ("search", "contoso"),
            ("order", "domain"), ("direction", "desc"), ("per_page", "25"), ("page", "1"));
    }

    [Fact]
    public void Domain_filter_returns_exactly_the_named_domains()
    {
        var (session, _) = Connected();

        var result = session.Run("Get-EsDomain -Domain contoso.example, contoso.co.example");

        result.ShouldSucceed();
        Assert.Equal(new[] { "contoso.co.example", "contoso.example" }, result.Objects<EmailDomain>().Select(d => d.Domain).Order());
    }

    [Fact]
    public void Status_and_delivery_mode_filters_return_only_matching_domains()
    {
        var (session, _) = Connected();

        var active = session.Run("Get-EsDomain -Status active").Objects<EmailDomain>();
        var api = session.Run("Get-EsDomain -AllowedDeliveryMode API").Objects<EmailDomain>();

        Assert.NotEmpty(active);
        Assert.All(active, d => Assert.Equal("active", d.Status));
        Assert.NotEmpty(api);
        Assert.All(api, d => Assert.Contains("API", d.AllowedDeliveryModes!));
    }

    [Fact]
    public void Get_by_id_reads_the_domain()
    {
        var (session, account) = Connected();
        var stored = Stored(account, Resource)[0];
        var id = stored.GetProperty("id").GetString()!;
        account.ClearRequests();

        var result = session.Run("Get-EsDomain -Id $id", Vars(("id", id)));

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal($"GET /settings/domains/{id}", $"{request.Method} {request.Path}");
        ModelJson.AssertCarries(stored, Assert.Single(result.Objects<EmailDomain>()));
    }

    [Fact]
    public void There_is_no_New_EsDomain_because_the_API_cannot_create_domains()
    {
        var (session, _) = Connected();

        var result = session.Run("Get-Command -Module EmailSecurity -Noun EsDomain | ForEach-Object Name");

        result.ShouldSucceed();
        Assert.Equal(new[] { "Get-EsDomain", "Remove-EsDomain", "Set-EsDomain" }, result.Output.Select(o => o.ToString()).Order());
    }

    [Fact]
    public void Set_sends_every_bound_field_in_the_API_spelling()
    {
        var (session, account) = Connected();
        var id = Stored(account, Resource)[0].GetProperty("id").GetString()!;
        account.ClearRequests();

        var result = session.Run(
            "Set-EsDomain -Id $id -Domain 'mail.contoso.example' -AllowedDeliveryModes direct, 'retro_scan' -DropDispositions malicious, 'malicious-bec', spoof " +
            "-Folder inbox -IntegrationId 'c3f1d2a4-0000-4000-8000-000000000001' -IpRestrictions '192.0.2.0/24', '2001:db8::/32' -LookbackHops 3 " +
            "-Regions us, de -RequireTlsInbound $true -RequireTlsOutbound $false -Transport 'contoso-example.mail.protection.outlook.example' -PassThru",
            Vars(("id", id)));

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal($"PATCH /settings/domains/{id}", $"{request.Method} {request.Path}");
        Wire.BodyIs(
            request,
            ("domain", "\"mail.contoso.example\""), ("allowed_delivery_modes", "[\"DIRECT\",\"RETRO_SCAN\"]"),
            ("drop_dispositions", "[\"MALICIOUS\",\"MALICIOUS-BEC\",\"SPOOF\"]"), ("folder", "\"Inbox\""),
            ("integration_id", "\"c3f1d2a4-0000-4000-8000-000000000001\""), ("ip_restrictions", "[\"192.0.2.0/24\",\"2001:db8::/32\"]"),
            ("lookback_hops", "3"), ("regions", "[\"US\",\"DE\"]"), ("require_tls_inbound", "true"), ("require_tls_outbound", "false"),
            ("transport", "\"contoso-example.mail.protection.outlook.example\""));
        var edited = Assert.Single(result.Objects<EmailDomain>());
        ModelJson.AssertCarries(StoredEntry(account, Resource, id)!.Value, edited);
        Assert.Equal(new[] { "US", "DE" }, edited.Regions);
        Assert.Equal(3, edited.LookbackHops);
    }

    [Fact]
    public void Set_with_empty_lists_clears_them()
    {
        var (session, account) = Connected();
        var stored = Stored(account, Resource).First(d => d.GetProperty("drop_dispositions").GetArrayLength() > 0 && d.GetProperty("ip_restrictions").GetArrayLength() > 0);
        var id = stored.GetProperty("id").GetString()!;
        account.ClearRequests();

        var result = session.Run("Set-EsDomain -Id $id -DropDispositions @() -IpRestrictions @() -PassThru", Vars(("id", id)));

        result.ShouldSucceed();
        Wire.BodyIs(Assert.Single(account.Requests()), ("drop_dispositions", "[]"), ("ip_restrictions", "[]"));
        var edited = Assert.Single(result.Objects<EmailDomain>());
        Assert.Empty(edited.DropDispositions!);
        Assert.Empty(edited.IpRestrictions!);
    }

    [Fact]
    public void Remove_without_Confirm_false_prompts_because_it_cannot_be_undone_and_No_keeps_the_domain()
    {
        var (session, account) = Connected(configure: o => o.PromptAnswers.Enqueue(2));
        var id = Stored(account, Resource)[0].GetProperty("id").GetString()!;
        account.ClearRequests();

        var result = session.Run("Remove-EsDomain -Id $id", Vars(("id", id)));

        result.ShouldSucceed();
        var prompt = Assert.Single(session.Prompts.Asked);
        Assert.Contains(id, prompt);
        Assert.Contains("cannot be undone", prompt);
        Assert.Empty(account.Requests());
        Assert.NotNull(StoredEntry(account, Resource, id));
    }

    [Fact]
    public void Remove_answered_Yes_unprotects_the_domain()
    {
        var (session, account) = Connected(configure: o => o.PromptAnswers.Enqueue(0));
        var id = Stored(account, Resource)[0].GetProperty("id").GetString()!;
        account.ClearRequests();

        var result = session.Run("Remove-EsDomain -Id $id", Vars(("id", id)));

        result.ShouldSucceed();
        Assert.Single(session.Prompts.Asked);
        var request = Assert.Single(account.Requests());
        Assert.Equal($"DELETE /settings/domains/{id}", $"{request.Method} {request.Path}");
        Assert.Null(StoredEntry(account, Resource, id));
    }

    [Fact]
    public void WhatIf_says_the_unprotect_cannot_be_undone()
    {
        var (session, account) = Connected();
        var id = Stored(account, Resource)[0].GetProperty("id").GetString()!;
        account.ClearRequests();

        var result = session.Run("Remove-EsDomain -Id $id -WhatIf", Vars(("id", id)));

        result.ShouldSucceed();
        Assert.Empty(account.Requests());
        Assert.Contains($"What if: Performing the operation \"Unprotect domain: Email Security stops processing its mail. This cannot be undone\" on target \"{id}\".", result.HostText);
    }

    [Fact]
    public void Round_trip_find_edit_and_remove_an_existing_domain()
    {
        var (session, account) = Connected();
        const string Domain = "legacy.contoso.example";

        session.Run("Get-EsDomain -Domain $d | Set-EsDomain -Regions US -RequireTlsInbound $true", Vars(("d", Domain))).ShouldSucceed();
        var edited = Assert.Single(session.Run("Get-EsDomain -Domain $d", Vars(("d", Domain))).Objects<EmailDomain>());
        session.Run("Get-EsDomain -Domain $d | Remove-EsDomain -Confirm:$false", Vars(("d", Domain))).ShouldSucceed();
        var after = session.Run("Get-EsDomain -Domain $d", Vars(("d", Domain)));

        Assert.Equal(new[] { "US" }, edited.Regions);
        Assert.True(edited.RequireTlsInbound);
        var patch = Assert.Single(account.Requests(), r => r.Method == "PATCH");
        Assert.Equal($"/settings/domains/{edited.Id}", patch.Path);
        Wire.BodyIs(patch, ("regions", "[\"US\"]"), ("require_tls_inbound", "true"));
        Assert.Single(account.Requests(), r => r.Method == "DELETE" && r.Path == $"/settings/domains/{edited.Id}");
        after.ShouldSucceed();
        Assert.Empty(after.Output);
        Assert.DoesNotContain(Stored(account, Resource), d => d.GetProperty("domain").GetString() == Domain);
    }
}
