using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine.Settings;

[Collection("Emulator")]
public sealed class ImpersonationRegistryTests : SettingsTest
{
    private const string Resource = "impersonation_registry";

    public ImpersonationRegistryTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void Get_lists_every_entry_with_every_field_the_API_sent()
    {
        var (session, account) = Connected();
        var stored = Stored(account, Resource);
        account.ClearRequests();

        var result = session.Run("Get-EsImpersonationRegistryEntry");

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal("GET /settings/impersonation_registry", $"{request.Method} {request.Path}");
        Wire.QueryIs(request, ("per_page", "1000"), ("page", "1"));
        var entries = result.Objects<ImpersonationRegistryEntry>();
        Assert.Equal(stored.Count, entries.Length);
        for (var i = 0; i < stored.Count; i++)
        {
            ModelJson.AssertCarries(stored[i], entries[i]);
        }

        Assert.Contains(entries,
            e => e.DirectoryId.HasValue && e.DirectoryNodeId.HasValue && e.ExternalDirectoryNodeId != null);
    }

    [Fact]
    public void Get_sends_each_filter_as_the_API_names_it()
    {
        var (session, account) = Connected();

        var result = session.Run("Get-EsImpersonationRegistryEntry -Provenance snoopy-office_365 -Search alex -Order " +
            "email -Direction desc -PageSize 20");

        result.ShouldSucceed();
        Wire.QueryIs(
            Assert.Single(account.Requests()),
            ("provenance", "SNOOPY-OFFICE_365"), ("search", "alex"), ("order", "email"), ("direction", "desc"),
            ("per_page", "20"), ("page", "1"));
        var entry = Assert.Single(result.Objects<ImpersonationRegistryEntry>());
        Assert.Equal("SNOOPY-OFFICE_365", entry.Provenance);
        Assert.Contains("alex", entry.Email, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Get_by_id_reads_the_entry()
    {
        var (session, account) = Connected();
        var stored = Stored(account, Resource)[0];
        var id = stored.GetProperty("id").GetString()!;
        account.ClearRequests();

        var result = session.Run("Get-EsImpersonationRegistryEntry -Id $id", Vars(("id", id)));

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal($"GET /settings/impersonation_registry/{id}", $"{request.Method} {request.Path}");
        ModelJson.AssertCarries(stored, Assert.Single(result.Objects<ImpersonationRegistryEntry>()));
    }

    [Fact]
    public void New_sends_every_given_field_and_is_email_regex()
    {
        var (session, account) = Connected();

        var result = session.Run(
            "New-EsImpersonationRegistryEntry -Name 'Dana Fox' -Email 'dana.fox@contoso.example' -Comments 'Incoming " +
            "CFO' -Provenance a1s_internal -DirectoryId 4471 -DirectoryNodeId 523611 -ExternalDirectoryNodeId " +
            "'b1f0c9e2-5d7a-4e39-9a51-0c6f2f7d8e14'");

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal("POST /settings/impersonation_registry", $"{request.Method} {request.Path}");
        Wire.BodyIs(
            request,
            ("name", "\"Dana Fox\""), ("email", "\"dana.fox@contoso.example\""), ("is_email_regex", "false"),
            ("comments", "\"Incoming CFO\""),
            ("provenance", "\"A1S_INTERNAL\""), ("directory_id", "4471"), ("directory_node_id", "523611"),
            ("external_directory_node_id", "\"b1f0c9e2-5d7a-4e39-9a51-0c6f2f7d8e14\""));
        var created = Assert.Single(result.Objects<ImpersonationRegistryEntry>());
        ModelJson.AssertCarries(StoredEntry(account, Resource, created.Id!)!.Value, created);
        Assert.Equal(4471, created.DirectoryId);
    }

    [Fact]
    public void New_with_a_regex_sends_only_the_required_fields()
    {
        var (session, account) = Connected();

        var result = session.Run(
            "New-EsImpersonationRegistryEntry 'Finance team' '^finance-[a-z]+@contoso\\.example$' -IsEmailRegex");

        result.ShouldSucceed();
        Wire.BodyIs(
            Assert.Single(account.Requests()),
            ("name", "\"Finance team\""), ("email", "\"^finance-[a-z]+@contoso\\\\.example$\""),
            ("is_email_regex", "true"));
        Assert.True(Assert.Single(result.Objects<ImpersonationRegistryEntry>()).IsEmailRegex);
    }

    [Fact]
    public void Set_sends_only_the_bound_fields()
    {
        var (session, account) = Connected();
        var manual = Stored(account, Resource).First(e => e.GetProperty("provenance").GetString() == "A1S_INTERNAL");
        var id = manual.GetProperty("id").GetString()!;
        account.ClearRequests();

        var result = session.Run("Set-EsImpersonationRegistryEntry -Id $id -Name 'Board (all members)' -IsEmailRegex " +
            "$true -PassThru", Vars(("id", id)));

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal($"PATCH /settings/impersonation_registry/{id}", $"{request.Method} {request.Path}");
        Wire.BodyIs(request, ("name", "\"Board (all members)\""), ("is_email_regex", "true"));
        var edited = Assert.Single(result.Objects<ImpersonationRegistryEntry>());
        ModelJson.AssertCarries(StoredEntry(account, Resource, id)!.Value, edited);
        Assert.Equal(manual.GetProperty("email").GetString(), edited.Email);
    }

    [Fact]
    public void Remove_deletes_the_entry()
    {
        var (session, account) = Connected();
        var id = Stored(account, Resource)[0].GetProperty("id").GetString()!;
        account.ClearRequests();

        var result = session.Run("Remove-EsImpersonationRegistryEntry -Id $id -Confirm:$false", Vars(("id", id)));

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal($"DELETE /settings/impersonation_registry/{id}", $"{request.Method} {request.Path}");
        Assert.Null(StoredEntry(account, Resource, id));
    }

    [Fact]
    public void Round_trip_create_find_edit_and_remove()
    {
        var (session, account) = Connected();
        const string Name = "Roundtrip Quinn";

        session.Run("$null = New-EsImpersonationRegistryEntry -Name $n -Email 'quinn.roundtrip@contoso.example'",
            Vars(("n", Name))).ShouldSucceed();
        session.Run("Get-EsImpersonationRegistryEntry -Search $n | Set-EsImpersonationRegistryEntry -Comments " +
            "'Treasurer'", Vars(("n", Name))).ShouldSucceed();
        var edited = Assert.Single(session.Run("Get-EsImpersonationRegistryEntry -Search $n", Vars(("n", Name)))
            .Objects<ImpersonationRegistryEntry>());
        session.Run("Get-EsImpersonationRegistryEntry -Search $n | Remove-EsImpersonationRegistryEntry -Confirm:$false",
            Vars(("n", Name))).ShouldSucceed();
        var after = session.Run("Get-EsImpersonationRegistryEntry -Search $n", Vars(("n", Name)));

        Assert.Equal("Treasurer", edited.Comments);
        Assert.Single(account.Requests(),
            r => r.Method == "PATCH" && r.Path == $"/settings/impersonation_registry/{edited.Id}");
        Assert.Single(account.Requests(),
            r => r.Method == "DELETE" && r.Path == $"/settings/impersonation_registry/{edited.Id}");
        after.ShouldSucceed();
        Assert.Empty(after.Output);
        Assert.DoesNotContain(Stored(account, Resource), e => e.GetProperty("name").GetString() == Name);
    }
}
