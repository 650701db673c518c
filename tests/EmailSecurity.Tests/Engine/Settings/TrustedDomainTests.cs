using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine.Settings;

[Collection("Emulator")]
public sealed class TrustedDomainTests : SettingsTest
{
    private const string Resource = "trusted_domains";

    public TrustedDomainTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void Get_lists_every_trusted_domain_with_every_field_the_API_sent()
    {
        var (session, account) = Connected();
        var stored = Stored(account, Resource);
        account.ClearRequests();

        var result = session.Run("Get-EsTrustedDomain");

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal("GET /settings/trusted_domains", $"{request.Method} {request.Path}");
        Wire.QueryIs(request, ("per_page", "1000"), ("page", "1"));
        var domains = result.Objects<TrustedDomain>();
        Assert.Equal(stored.Count, domains.Length);
        for (var i = 0; i < stored.Count; i++)
        {
            ModelJson.AssertCarries(stored[i], domains[i]);
        }
    }

    [Fact]
    public void Get_sends_each_filter_as_the_API_names_it()
    {
        var (session, account) = Connected();

        var result = session.Run("Get-EsTrustedDomain -Pattern 'litware.example' -IsRecent $true -IsSimilarity " +
            "$false -Search ware -Order pattern -Direction desc -PageSize 3");

        result.ShouldSucceed();
        Wire.QueryIs(
            Assert.Single(account.Requests()),
            ("pattern", "litware.example"), ("is_recent", "true"), ("is_similarity", "false"), ("search", "ware"),
            ("order", "pattern"),
            ("direction", "desc"), ("per_page", "3"), ("page", "1"));
        Assert.Equal("litware.example", Assert.Single(result.Objects<TrustedDomain>()).Pattern);
    }

    [Fact]
    public void Boolean_filters_return_only_the_matching_domains()
    {
        var (session, account) = Connected();
        var expected = Stored(account, Resource)
            .Count(d => d.GetProperty("is_similarity").GetBoolean() && !d.GetProperty("is_recent").GetBoolean());

        var result = session.Run("Get-EsTrustedDomain -IsSimilarity $true -IsRecent $false");

        result.ShouldSucceed();
        var domains = result.Objects<TrustedDomain>();
        Assert.NotEmpty(domains);
        Assert.Equal(expected, domains.Length);
        Assert.All(domains, d => Assert.True(d.IsSimilarity == true && d.IsRecent == false));
    }

    [Fact]
    public void Get_by_id_reads_the_trusted_domain()
    {
        var (session, account) = Connected();
        var stored = Stored(account, Resource)[2];
        var id = stored.GetProperty("id").GetString()!;
        account.ClearRequests();

        var result = session.Run("Get-EsTrustedDomain -Id $id", Vars(("id", id)));

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal($"GET /settings/trusted_domains/{id}", $"{request.Method} {request.Path}");
        ModelJson.AssertCarries(stored, Assert.Single(result.Objects<TrustedDomain>()));
    }

    [Fact]
    public void New_sends_every_flag_the_API_requires()
    {
        var (session, account) = Connected();

        var result = session.Run(
            "New-EsTrustedDomain 'contoso-partner.example' -IsSimilarity -Comments 'Partner spelled like us'");

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal("POST /settings/trusted_domains", $"{request.Method} {request.Path}");
        Wire.BodyIs(
            request,
            ("pattern", "\"contoso-partner.example\""), ("is_recent", "false"), ("is_regex", "false"),
            ("is_similarity", "true"),
            ("comments", "\"Partner spelled like us\""));
        var created = Assert.Single(result.Objects<TrustedDomain>());
        ModelJson.AssertCarries(StoredEntry(account, Resource, created.Id!)!.Value, created);
        Assert.True(created.IsSimilarity);
    }

    [Fact]
    public void Set_sends_only_the_bound_fields()
    {
        var (session, account) = Connected();
        var id = Stored(account, Resource)[0].GetProperty("id").GetString()!;
        account.ClearRequests();

        var result = session.Run("Set-EsTrustedDomain -Id $id -IsRecent $true -PassThru", Vars(("id", id)));

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal($"PATCH /settings/trusted_domains/{id}", $"{request.Method} {request.Path}");
        Wire.BodyIs(request, ("is_recent", "true"));
        var edited = Assert.Single(result.Objects<TrustedDomain>());
        ModelJson.AssertCarries(StoredEntry(account, Resource, id)!.Value, edited);
        Assert.True(edited.IsRecent);
    }

    [Fact]
    public void Remove_deletes_the_trusted_domain()
    {
        var (session, account) = Connected();
        var id = Stored(account, Resource)[0].GetProperty("id").GetString()!;
        account.ClearRequests();

        var result = session.Run("$id | Remove-EsTrustedDomain -Confirm:$false", Vars(("id", id)));

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal($"DELETE /settings/trusted_domains/{id}", $"{request.Method} {request.Path}");
        Assert.Null(StoredEntry(account, Resource, id));
    }

    [Fact]
    public void Round_trip_create_find_edit_and_remove()
    {
        var (session, account) = Connected();
        const string Pattern = "roundtrip-partner.example";

        session.Run("$null = New-EsTrustedDomain -Pattern $p -IsRecent", Vars(("p", Pattern))).ShouldSucceed();
        session.Run("Get-EsTrustedDomain -Pattern $p | Set-EsTrustedDomain -Comments 'Renewed contract'",
            Vars(("p", Pattern))).ShouldSucceed();
        var edited = Assert.Single(
            session.Run("Get-EsTrustedDomain -Pattern $p", Vars(("p", Pattern))).Objects<TrustedDomain>());
        session.Run("Get-EsTrustedDomain -Pattern $p | Remove-EsTrustedDomain -Confirm:$false", Vars(("p", Pattern)))
            .ShouldSucceed();
        var after = session.Run("Get-EsTrustedDomain -Pattern $p", Vars(("p", Pattern)));

        Assert.Equal("Renewed contract", edited.Comments);
        Assert.True(edited.IsRecent);
        Assert.Single(account.Requests(),
            r => r.Method == "PATCH" && r.Path == $"/settings/trusted_domains/{edited.Id}");
        Assert.Single(account.Requests(),
            r => r.Method == "DELETE" && r.Path == $"/settings/trusted_domains/{edited.Id}");
        after.ShouldSucceed();
        Assert.Empty(after.Output);
        Assert.DoesNotContain(Stored(account, Resource), d => d.GetProperty("pattern").GetString() == Pattern);
    }
}
