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
            "Get-EsDomain -Domain contoso.example, sales.contoso.example -Status active -ActiveDeliveryMode direct " +
            "-AllowedDeliveryMode api -IntegrationId 'c3f1d2a4-0000-4000-8000-000000000001' -Search contoso -Order " +
            "domain -Direction desc -PageSize 25");

        result.ShouldSucceed();
        Wire.QueryIs(
            Assert.Single(account.Requests()),
            ("domain", "contoso.example"), ("domain", "sales.contoso.example"), ("status", "active"),
            ("active_delivery_mode", "DIRECT"),
            ("allowed_delivery_mode", "API"), ("integration_id", "c3f1d2a4-0000-4000-8000-000000000001"),
            ("search", "contoso"),
            ("order", "domain"), ("direction", "desc"), ("per_page", "25"), ("page", "1"));
    }

    [Fact]
    public void Domain_filter_returns_exactly_the_named_domains()
    {
        var (session, _) = Connected();

        var result = session.Run("Get-EsDomain -Domain contoso.example, contoso.co.example");

        result.ShouldSucceed();
        Assert.Equal(new[] { "contoso.co.example", "contoso.example" },
            result.Objects<EmailDomain>().Select(d => d.Domain).Order());
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

    /// <summary>
    /// Only the 2026-10 API protects domains: on the seed API the creation is an error, and a failed one.
    /// </summary>
    [Fact]
    public void New_EsDomain_on_an_API_that_cannot_create_domains_fails_without_leaving_its_outcome_open()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.Seed);
        var count = Stored(account, Resource).Count;

        var result = session.Run("New-EsDomain -Domain 'adatum.example' -AllowedDeliveryModes DIRECT -Regions GLOBAL " +
            "-DropDispositions @() -IpRestrictions @() -Confirm:$false");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsApiNotFound", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ChangeOutcome.Failed, ((EsChangeException)error.Exception).Outcome);
        Assert.Equal(count, Stored(account, Resource).Count);
    }

    [Fact]
    public void Set_sends_every_bound_field_in_the_API_spelling()
    {
        var (session, account) = Connected();
        var id = Stored(account, Resource)[0].GetProperty("id").GetString()!;
        account.ClearRequests();

        var result = session.Run(
            "Set-EsDomain -Id $id -Domain 'mail.contoso.example' -AllowedDeliveryModes direct, 'retro_scan' " +
            "-DropDispositions malicious, 'malicious-bec', spoof -Folder inbox -IntegrationId " +
            "'c3f1d2a4-0000-4000-8000-000000000001' -IpRestrictions '192.0.2.0/24', '2001:db8::/32' -LookbackHops 3 " +
            "-Regions us, de -RequireTlsInbound $true -RequireTlsOutbound $false -Transport " +
            "'contoso-example.mail.protection.outlook.example' -PassThru",
            Vars(("id", id)));

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal($"PATCH /settings/domains/{id}", $"{request.Method} {request.Path}");
        Wire.BodyIs(
            request,
            ("domain", "\"mail.contoso.example\""), ("allowed_delivery_modes", "[\"DIRECT\",\"RETRO_SCAN\"]"),
            ("drop_dispositions", "[\"MALICIOUS\",\"MALICIOUS-BEC\",\"SPOOF\"]"), ("folder", "\"Inbox\""),
            ("integration_id", "\"c3f1d2a4-0000-4000-8000-000000000001\""),
            ("ip_restrictions", "[\"192.0.2.0/24\",\"2001:db8::/32\"]"),
            ("lookback_hops", "3"), ("regions", "[\"US\",\"DE\"]"), ("require_tls_inbound", "true"),
            ("require_tls_outbound", "false"),
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
        var stored = Stored(account, Resource).First(d => d.GetProperty("drop_dispositions").GetArrayLength() > 0
            && d.GetProperty("ip_restrictions").GetArrayLength() > 0);
        var id = stored.GetProperty("id").GetString()!;
        account.ClearRequests();

        var result =
            session.Run("Set-EsDomain -Id $id -DropDispositions @() -IpRestrictions @() -PassThru", Vars(("id", id)));

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
        Assert.Contains("What if: Performing the operation \"Unprotect domain: Email Security stops processing its " +
            $"mail. This cannot be undone\" on target \"{id}\".", result.HostText);
    }

    [Fact]
    public void Round_trip_find_edit_and_remove_an_existing_domain()
    {
        var (session, account) = Connected();
        const string Domain = "legacy.contoso.example";

        session.Run("Get-EsDomain -Domain $d | Set-EsDomain -Regions US -RequireTlsInbound $true", Vars(("d", Domain)))
            .ShouldSucceed();
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

    [Fact]
    public void Replace_sends_every_writable_field_the_given_ones_and_the_rest_as_the_domain_has_them()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        var before = Stored(account, Resource)[0];
        var id = before.GetProperty("id").GetString()!;
        account.ClearRequests();

        var result = session.Run("Set-EsDomain -Id $id -Replace -Regions us -RequireTlsOutbound $false -PassThru " +
            "-Confirm:$false", Vars(("id", id)));

        result.ShouldSucceed();
        var requests = account.Requests();
        Assert.Equal(["GET", "PUT"], requests.Select(r => r.Method));
        var sent = Wire.Body(requests[1]);
        var writable = new[]
        {
            "allowed_delivery_modes", "drop_dispositions", "folder", "integration_id", "ip_restrictions",
            "lookback_hops", "regions",
            "require_tls_inbound", "require_tls_outbound", "transport",
        };
        Assert.Equal(writable, sent.EnumerateObject().Select(f => f.Name));
        Assert.Equal("[\"US\"]", sent.GetProperty("regions").GetRawText());
        Assert.Equal("false", sent.GetProperty("require_tls_outbound").GetRawText());
        foreach (var field in writable.Except(["regions", "require_tls_outbound"]))
        {
            Assert.True(System.Text.Json.JsonElement.DeepEquals(before.GetProperty(field), sent.GetProperty(field)),
                $"{field} was sent as {sent.GetProperty(field)}, the domain had {before.GetProperty(field)}");
        }

        var after = StoredEntry(account, Resource, id)!.Value;
        Assert.Equal(before.GetProperty("transport").GetRawText(), after.GetProperty("transport").GetRawText());
        Assert.Equal("US", Assert.Single(result.Objects<EmailDomain>()).Regions!.Single());
    }

    [Theory]
    [InlineData("Set-EsDomain -Id $id -Replace -Domain 'other.example' -Confirm:$false", "EsInvalidSettingValue",
        "-Domain cannot go with -Replace")]
    [InlineData("Set-EsDomain -Id $id -Replace -Regions US -WhatIf", null,
        "Replace protected domain configuration: set regions, keep the other fields as they are")]
    public void Replace_reads_and_sends_nothing_when_refused_or_under_WhatIf(
        string command,
        string? errorId,
        string text)
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        var id = Stored(account, Resource)[0].GetProperty("id").GetString()!;
        account.ClearRequests();

        var result = session.Run(command, Vars(("id", id)));

        Assert.Empty(account.Requests());
        if (errorId is null)
        {
            result.ShouldSucceed();
            Assert.Contains(text, result.HostText);
        }
        else
        {
            var error = Assert.Single(result.Errors);
            Assert.StartsWith(errorId, error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains(text, error.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void New_protects_a_domain_with_the_four_lists_the_API_requires_and_a_taken_name_is_the_APIs_conflict()
    {
        var (session, account) = Connected(apiVersion: ApiVersionNames.V2026_10);
        var taken = Stored(account, Resource)[0].GetProperty("domain").GetString()!;
        account.ClearRequests();

        var result = session.Run("New-EsDomain -Domain 'adatum.example' -AllowedDeliveryModes direct -Regions GLOBAL " +
            "-DropDispositions @() -IpRestrictions @() -Confirm:$false");
        var conflict = session.Run("New-EsDomain -Domain $taken -AllowedDeliveryModes DIRECT -Regions GLOBAL " +
            "-DropDispositions SPAM -IpRestrictions '192.0.2.0/24' -Confirm:$false", Vars(("taken", taken)));
        var badIp = session.Run("New-EsDomain -Domain 'x.example' -AllowedDeliveryModes DIRECT -Regions GLOBAL " +
            "-DropDispositions @() -IpRestrictions 'mx.example' -Confirm:$false");

        result.ShouldSucceed();
        var domain = Assert.Single(result.Objects<EmailDomain>());
        Assert.Equal(("adatum.example", "PENDING"), (domain.Domain, domain.Status));
        Wire.BodyIs(account.Requests()[0], ("domain", "\"adatum.example\""), ("allowed_delivery_modes", "[\"DIRECT\"]"),
            ("drop_dispositions", "[]"),
            ("ip_restrictions", "[]"), ("regions", "[\"GLOBAL\"]"));
        Assert.StartsWith("EsApiConflict", Assert.Single(conflict.Errors).FullyQualifiedErrorId,
            StringComparison.Ordinal);
        Assert.StartsWith("EsInvalidSettingValue", Assert.Single(badIp.Errors).FullyQualifiedErrorId,
            StringComparison.Ordinal);
        Assert.Equal(2, account.Requests().Count(r => r.Method == "POST"));
    }
}
