using System.Text.Json;
using System.Management.Automation;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine.Settings;

/// <summary>
/// What every settings noun shares: paging, -WhatIf, parameter validation, PATCH with nothing to send, unknown ids,
/// completion. The shared cases are generated from the module's cmdlet types (<see cref="SettingsNoun.All"/>), so a
/// new list is covered without a row here; the rows written out below are about one noun's own values.
/// </summary>
[Collection("Emulator")]
public sealed class SettingsCmdletTests : SettingsTest
{
    public SettingsCmdletTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    public static TheoryData<string> Resources() => new(SettingsNoun.All.Select(n => n.Resource));

    public static TheoryData<string> Creatable() =>
        new(SettingsNoun.All.Where(n => n.New != null).Select(n => n.Resource));

    [Fact]
    public void The_settings_lists_are_found_from_the_cmdlet_types()
    {
        Assert.Contains(SettingsNoun.All,
            n =>
                n is { Resource: "allow_policies", Get: "Get-EsAllowPolicy", New: "New-EsAllowPolicy", Set: "Set-EsAllowPolicy", Remove: "Remove-EsAllowPolicy" });
        Assert.Contains(SettingsNoun.All, n => n is { Resource: "domains", New: "New-EsDomain" }
            && n.Model == typeof(EmailSecurity.Models.EmailDomain));
        Assert.Equal(SettingsNoun.All.Count, SettingsNoun.All.Select(n => n.Model).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Creatable))]
    public async Task Entries_piped_from_Get_to_New_are_copied_with_every_field_and_flag_they_had(string resource)
    {
        var noun = SettingsNoun.Of(resource).Noun;
        var collection = SettingsNoun.Of(resource).Collection;
        var version = Emulator.FirstVersionServing(collection.Create!);
        var (session, source) = Connected(apiVersion: version);
        var target = Emulator.NewAccount(apiVersion: version);
        // UNKNOWN is a pattern type the API still returns but refuses on create.
        var entries = Stored(source, resource)
            .Where(e => !e.TryGetProperty("pattern_type", out var type) || type.GetString() != "UNKNOWN").ToList();
        // An empty target: a list whose entries are unique (sending domain restrictions) refuses a second copy.
        Empty(target, resource);
        target.ClearRequests();

        var result = session.Run($"Get-Es{noun} | Where-Object PatternType -ne 'UNKNOWN' | New-Es{noun} -AccountId " +
            $"'{target.Id}' -Confirm:$false");

        result.ShouldSucceed();
        var posts = Wire.Created(target.Requests());
        Assert.Equal(entries.Count, posts.Count);
        var copiedFlags = 0;
        foreach (var (entry, post) in entries.Zip(posts))
        {
            foreach (var field in post.EnumerateObject())
            {
                Assert.True(JsonElement.DeepEquals(entry.GetProperty(field.Name), field.Value),
                    $"{noun}: {field.Name} was sent as {field.Value.GetRawText()}, the entry has " +
                    $"{entry.GetProperty(field.Name).GetRawText()}");
                copiedFlags += field.Value.ValueKind == JsonValueKind.True ? 1 : 0;
            }
        }

        var flags = SettingsNoun.CmdletType(SettingsNoun.Of(resource).New!).GetProperties()
            .Any(p => p.PropertyType == typeof(SwitchParameter));
        Assert.True(copiedFlags > 0 || !flags,
            $"the demo {resource} have no flag set, so this copy proves nothing about flags");
    }

    [Fact]
    public void Flags_from_CSV_text_are_sent_as_the_text_says_and_other_text_is_refused()
    {
        var (session, account) = Connected();
        account.ClearRequests();

        // Import-Csv gives every column as text; this is what it makes of an exported allow policy and blocked sender.
        var result = session.Run("""
            [pscustomobject]@{ Pattern = 'csv-true.test'; PatternType = 'DOMAIN'; IsTrustedSender = 'True'; IsAcceptableSender = 'False'; IsExemptRecipient = ''; VerifySender = '1'; IsRegex = 'false' } | New-EsAllowPolicy
            [pscustomobject]@{ Pattern = '^x.*@y\.test$'; PatternType = 'EMAIL'; IsRegex = 'TRUE' } | New-EsBlockedSender
            [pscustomobject]@{ Pattern = 'maybe.test'; PatternType = 'DOMAIN'; IsRegex = 'maybe' } | New-EsBlockedSender
            """);

        var posts = account.Requests().Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Wire.BodyIs(posts[0], ("pattern", "\"csv-true.test\""), ("pattern_type", "\"DOMAIN\""), ("is_regex", "false"),
            ("is_trusted_sender", "true"),
            ("is_acceptable_sender", "false"), ("is_exempt_recipient", "false"), ("verify_sender", "true"));
        Assert.True(Wire.Body(posts[1]).GetProperty("is_regex").GetBoolean());
        Assert.Contains("'maybe' is not a true or false value", Assert.Single(result.Errors).Exception.Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("New-EsAllowPolicy -Pattern not-an-ip -PatternType IP -IsAcceptableSender",
        "'not-an-ip' is not an IP address or CIDR range")]
    [InlineData("New-EsAllowPolicy -Pattern 10.1 -PatternType IP -IsAcceptableSender",
        "'10.1' is not an IP address or CIDR range")]
    [InlineData("New-EsAllowPolicy -Pattern 192.0.2.0/33 -PatternType IP -IsAcceptableSender",
        "'192.0.2.0/33' is not an IP address or CIDR range")]
    [InlineData("New-EsBlockedSender -Pattern bad@evil.test -PatternType DOMAIN",
        "'bad@evil.test' is an email address; -PatternType DOMAIN takes a domain")]
    [InlineData("New-EsBlockedSender -Pattern evil.test -PatternType EMAIL",
        "'evil.test' is not an email address, which -PatternType EMAIL takes")]
    [InlineData("New-EsBlockedSender -Pattern 'evil .test' -PatternType DOMAIN", "contains white space")]
    [InlineData("New-EsTrustedDomain -Pattern partner@contoso.example",
        "is an email address; -PatternType DOMAIN takes a domain")]
    [InlineData("New-EsImpersonationRegistryEntry -Name 'CEO' -Email 'not an email'",
        "'not an email' is not an email address")]
    [InlineData("Set-EsBlockedSender -Id $id -Pattern bad@evil.test -PatternType DOMAIN -IsRegex $false",
        "is an email address; -PatternType DOMAIN")]
    [InlineData("Set-EsImpersonationRegistryEntry -Id $id -Email 'ceo at contoso' -IsEmailRegex $false",
        "is not an email address")]
    [InlineData("Set-EsDomain -Id $id -IpRestrictions '192.0.2.0/24', '300.1.1.1/99'",
        "'300.1.1.1/99' in -IpRestrictions is not an IP address or CIDR range")]
    public void A_value_that_cannot_make_a_working_entry_is_refused_before_any_request(string command, string message)
    {
        var (session, account) = Connected();
        account.ClearRequests();

        var result = session.Run($"$id = '{MissingId}'; {command} -Confirm:$false");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsInvalidSettingValue", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(message, error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(account.Requests());
    }

    [Theory]
    [InlineData("New-EsAllowPolicy -Pattern 192.0.2.0/24 -PatternType IP -IsAcceptableSender")]
    [InlineData("New-EsAllowPolicy -Pattern 2001:db8::/32 -PatternType IP -IsAcceptableSender")]
    [InlineData("New-EsAllowPolicy -Pattern 192.0.2.10 -PatternType IP -IsAcceptableSender")]
    [InlineData(@"New-EsBlockedSender -Pattern '^.+@evil\.test$' -PatternType DOMAIN -IsRegex")]
    [InlineData("New-EsBlockedSender -Pattern '*@evil.test' -PatternType EMAIL")]
    [InlineData(@"New-EsImpersonationRegistryEntry -Name 'CEO' -Email '^ceo.*@contoso\.example$' -IsEmailRegex")]
    public void Values_that_fit_their_type_and_regular_expressions_are_sent(string command)
    {
        var (session, account) = Connected();
        account.ClearRequests();

        session.Run(command + " -Confirm:$false").ShouldSucceed();

        Assert.Single(account.Requests(), r => r.Method == "POST");
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void A_list_walks_every_page_and_writes_each_entry_once(string resource)
    {
        var command = SettingsNoun.Of(resource).Get;
        var (session, account) = Connected(SettingsNoun.Of(resource));
        var stored = Stored(account, resource).Select(e => e.GetProperty("id").GetString()!).ToList();
        Assert.True(stored.Count > 2, $"{resource} needs more than one page of demo data");
        account.ClearRequests();

        var result = session.Run($"{command} -PageSize 2 | ForEach-Object Id");

        result.ShouldSucceed();
        Assert.Equal(stored, result.Output.Select(o => o.ToString()));
        var pages = (stored.Count + 1) / 2;
        var requests = account.Requests();
        Assert.All(requests, r => Assert.Equal($"GET /settings/{resource}", $"{r.Method} {r.Path}"));
        Assert.Equal(Enumerable.Range(1, pages).Select(n => n.ToString()),
            requests.Select(r => r.QueryParameters["page"]));
        Assert.All(requests, r => Assert.Equal("2", r.QueryParameters["per_page"]));
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void First_asks_for_no_more_than_it_needs(string resource)
    {
        var command = SettingsNoun.Of(resource).Get;
        var (session, account) = Connected(SettingsNoun.Of(resource));
        var stored = Stored(account, resource).Take(3).Select(e => e.GetProperty("id").GetString()!).ToList();
        account.ClearRequests();

        var result = session.Run($"{command} -First 3 | ForEach-Object Id");

        result.ShouldSucceed();
        Assert.Equal(stored, result.Output.Select(o => o.ToString()));
        var request = Assert.Single(account.Requests());
        Wire.QueryIs(request, ("per_page", "3"), ("page", "1"));
    }

    /// <summary>Every New, Set and Remove cmdlet, with the list it changes.</summary>
    public static TheoryData<string, string> Changes() =>
        Rows(SettingsNoun.All.SelectMany(n => n.Changes.Select(command => (command, n.Resource))));

    [Theory]
    [MemberData(nameof(Changes))]
    public void WhatIf_sends_nothing_and_says_what_it_would_do(string command, string resource)
    {
        var noun = SettingsNoun.Of(resource);
        var (session, account) = Connected(SettingsNoun.Of(resource));
        // New takes the fields of an entry the list holds (piped, as Get | New copies); Set and Remove take its id.
        session.Run($"$entry = @({noun.Get} | Where-Object {{ $_.PatternType -ne 'UNKNOWN' }})[0]; $id = $entry.Id")
            .ShouldSucceed();
        account.ClearRequests();

        var script = command == noun.New ? $"$entry | {command} -WhatIf"
            : command == noun.Set ? $"{command} -Id $id {noun.SetField} -WhatIf"
            : $"{command} -Id $id -WhatIf";
        var result = session.Run(script);

        result.ShouldSucceed();
        Assert.Empty(account.Requests());
        Assert.Empty(result.Output);
        Assert.Contains("What if: Performing the operation \"", result.HostText);
    }

    /// <summary>Every Set and Remove cmdlet, with the list it changes.</summary>
    public static TheoryData<string, string> Edits() =>
        Rows(SettingsNoun.All.SelectMany(n => new[] { (n.Set, n.Resource), (n.Remove, n.Resource) }));

    [Theory]
    [MemberData(nameof(Edits))]
    public void WhatIf_names_a_piped_entry_by_what_it_matches_beside_its_id(string command, string resource)
    {
        var noun = SettingsNoun.Of(resource);
        var change = command == noun.Set ? $"{command} {noun.SetField}" : command;
        var (session, account) = Connected(SettingsNoun.Of(resource));
        var entries = session.Run($"{noun.Get} -First 2").Output.Select(
            o => (Name: o.ToString(), Id: o.Properties["Id"].Value.ToString())).ToList();
        account.ClearRequests();

        var piped = session.Run($"{noun.Get} -First 2 | {change} -WhatIf");
        var byId = session.Run($"{change} -Id $id -WhatIf", Vars(("id", entries[0].Id)));

        piped.ShouldSucceed();
        Assert.Equal(
            entries.Select(e => $"on target \"{e.Name} ({e.Id})\"."),
            piped.HostText.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l[l.IndexOf("on target", StringComparison.Ordinal)..].Trim()));
        Assert.EndsWith($"on target \"{entries[0].Id}\".", byId.HostText.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain(account.Requests(), r => r.Method != "GET");
    }

    [Theory]
    [InlineData("Get-EsDomain -First 1 | Remove-EsAllowPolicy -Confirm:$false",
        "(EmailDomain) is not an entry of this cmdlet's list (allow policy)")]
    [InlineData("Get-EsAllowPolicy -First 1 | Set-EsTrustedDomain -Comments x -Confirm:$false",
        "(AllowPolicy) is not an entry of this cmdlet's list (trusted domain)")]
    public void An_entry_of_another_list_is_refused_before_its_id_goes_to_the_wrong_collection(
        string script,
        string message)
    {
        var (session, account) = Connected();
        account.ClearRequests();

        var result = session.Run(script);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsWrongSettingsObject", error.FullyQualifiedErrorId);
        Assert.Contains(message, error.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(account.Requests(), r => r.Method != "GET");
    }

    public static TheoryData<string> BadValues() => new()
    {
        "Get-EsAllowPolicy -PatternType PHONE",
        "Get-EsAllowPolicy -Order modified_at",
        "New-EsAllowPolicy -Pattern 'a@partner.example' -PatternType UNKNOWN -Confirm:$false",
        "Set-EsAllowPolicy -Id $id -PatternType UNKNOWN -Confirm:$false",
        "Get-EsBlockedSender -PatternType PHONE",
        "Get-EsBlockedSender -Direction up",
        "New-EsBlockedSender -Pattern 'a@phish.test' -PatternType UNKNOWN -Confirm:$false",
        "Set-EsBlockedSender -Id $id -PatternType PHONE -Confirm:$false",
        "Get-EsDomain -Status deleted",
        "Get-EsDomain -ActiveDeliveryMode SMTP",
        "Get-EsDomain -AllowedDeliveryMode SMTP",
        "Get-EsDomain -Order status",
        "Set-EsDomain -Id $id -AllowedDeliveryModes DIRECT, SMTP -Confirm:$false",
        "Set-EsDomain -Id $id -DropDispositions MALWARE -Confirm:$false",
        "Set-EsDomain -Id $id -Folder Archive -Confirm:$false",
        "Set-EsDomain -Id $id -Regions MARS -Confirm:$false",
        "Set-EsDomain -Id $id -LookbackHops 101 -Confirm:$false",
        "Set-EsDomain -Id $id -LookbackHops -1 -Confirm:$false",
        "Get-EsImpersonationRegistryEntry -Provenance LDAP",
        "Get-EsImpersonationRegistryEntry -Order title",
        "New-EsImpersonationRegistryEntry -Name 'A B' -Email 'a.b@contoso.example' -Provenance LDAP -Confirm:$false",
        "Set-EsImpersonationRegistryEntry -Id $id -Provenance LDAP -Confirm:$false",
        "Get-EsTrustedDomain -Order name",
        "Set-EsTrustedDomain -Id '..' -Comments 'x' -Confirm:$false",
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_value_outside_the_API_set_is_a_parameter_error_and_sends_nothing(string script)
    {
        var (session, account) = Connected();

        var result = session.Run(script, Vars(("id", "f174e90a-fafe-4643-bbbc-4a0ed4fc8415")));

        var error = Assert.Single(AllErrors(result));
        Assert.StartsWith("ParameterArgumentValidationError", error.FullyQualifiedErrorId);
        Assert.Empty(account.Requests());
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void Set_with_no_field_to_change_is_an_error_and_sends_nothing(string resource)
    {
        var command = SettingsNoun.Of(resource).Set;
        var (session, account) = Connected(SettingsNoun.Of(resource));
        var id = Stored(account, resource)[0].GetProperty("id").GetString()!;
        account.ClearRequests();

        var result = session.Run($"{command} -Id $id -PassThru -Confirm:$false", Vars(("id", id)));

        var error = Assert.Single(AllErrors(result));
        Assert.StartsWith("EsNothingToChange", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.StartsWith("Nothing to change: give at least one of -", error.Exception.Message);
        Assert.Empty(account.Requests());
    }

    /// <summary>Every cmdlet that takes the id of an entry (Get -Id, Set, Remove), with its list.</summary>
    public static TheoryData<string, string> ById() =>
        Rows(SettingsNoun.All.SelectMany(
            n => new[] { (n.Get, n.Resource), (n.Set, n.Resource), (n.Remove, n.Resource) }));

    [Theory]
    [MemberData(nameof(ById))]
    public void An_unknown_id_is_a_not_found_error_with_the_API_message(string command, string resource)
    {
        var noun = SettingsNoun.Of(resource);
        var (method, script) = command == noun.Get ? ("GET", $"{command} -Id $id")
            : command == noun.Set ? ("PATCH", $"{command} -Id $id {noun.SetField} -Confirm:$false")
            : ("DELETE", $"{command} -Id $id -Confirm:$false");
        var (session, account) = Connected(SettingsNoun.Of(resource));
        var message = NotFoundMessage(account, resource, MissingId);
        account.ClearRequests();

        var result = session.Run(script, Vars(("id", MissingId)));

        var error = Assert.Single(AllErrors(result));
        Assert.StartsWith("EsApiNotFound", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(MissingId, error.TargetObject);
        Assert.Contains(message, error.ToString());
        var sent = Assert.Single(account.Requests());
        Assert.Equal($"{method} /settings/{resource}/{MissingId}", $"{sent.Method} {sent.Path}");
        Assert.Empty(result.Output);
    }

    [Fact]
    public void One_unknown_id_among_several_does_not_stop_the_others()
    {
        var (session, account) = Connected();
        var ids = Stored(account, "trusted_domains").Take(2).Select(e => e.GetProperty("id").GetString()!).ToList();
        account.ClearRequests();

        var result = session.Run("$ids | Remove-EsTrustedDomain -Confirm:$false",
            Vars(("ids", new[] { ids[0], MissingId, ids[1] })));

        Assert.Equal(MissingId, Assert.Single(result.Errors).TargetObject);
        Assert.Equal(3, account.Requests().Count(r => r.Method == "DELETE"));
        Assert.All(ids, id => Assert.Null(StoredEntry(account, "trusted_domains", id)));
    }

    /// <summary>Every cmdlet whose -Id completes (Get, Set, Remove), with its list.</summary>
    public static TheoryData<string, string> Completions() =>
        Rows(SettingsNoun.All.SelectMany(
            n => new[] { n.Get, n.Set, n.Remove }.Select(command => (command, n.Resource))));

    [Theory]
    [MemberData(nameof(Completions))]
    public void Ids_complete_with_what_they_stand_for(string command, string resource)
    {
        var describedBy = SettingsNoun.Of(resource).DescribedBy;
        var (session, account) = Connected(SettingsNoun.Of(resource));
        var stored = Stored(account, resource);

        var result = session.Run("(TabExpansion2 -inputScript $s -cursorColumn $s.Length).CompletionMatches",
            Vars(("s", $"{command} -Id ")));

        result.ShouldSucceed();
        var completions = result.Objects<CompletionResult>();
        Assert.Equal(stored.Select(e => e.GetProperty("id").GetString()).Order(),
            completions.Select(c => c.CompletionText).Order());
        Assert.All(completions, c => Assert.Contains(
            stored.Single(e => e.GetProperty("id").GetString() == c.CompletionText).GetProperty(describedBy)
                .GetString()!,
            c.ToolTip,
            StringComparison.Ordinal));
    }

    [Fact]
    public void The_modified_column_shows_local_time()
    {
        var (session, account) = Connected();
        var stored = Stored(account, "trusted_domains")[0];
        var local = stored.GetProperty("modified_at").GetDateTimeOffset().LocalDateTime.ToString("yyyy-MM-dd HH:mm");

        var result = session.RunFormatted("Get-EsTrustedDomain -First 1");

        Assert.Contains(local, result.HostText);
        Assert.Contains(stored.GetProperty("pattern").GetString()!, result.HostText);
    }
}
