using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine.Settings;

[Collection("Emulator")]
public sealed class BlockedSenderTests : SettingsTest
{
    private const string Resource = "block_senders";

    public BlockedSenderTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void Get_lists_every_pattern_with_every_field_the_API_sent()
    {
        var (session, account) = Connected();
        var stored = Stored(account, Resource);
        account.ClearRequests();

        var result = session.Run("Get-EsBlockedSender");

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal("GET", request.Method);
        Assert.Equal("/settings/block_senders", request.Path);
        Wire.QueryIs(request, ("per_page", "1000"), ("page", "1"));
        var senders = result.Objects<BlockedSender>();
        Assert.Equal(stored.Count, senders.Length);
        for (var i = 0; i < stored.Count; i++)
        {
            ModelJson.AssertCarries(stored[i], senders[i]);
        }
    }

    [Fact]
    public void Get_sends_each_filter_as_the_API_names_it()
    {
        var (session, account) = Connected();

        var result = session.Run("Get-EsBlockedSender -Pattern 'evil.test' -PatternType domain -Search evil -Order " +
            "created_at -Direction asc -PageSize 10");

        result.ShouldSucceed();
        Wire.QueryIs(
            Assert.Single(account.Requests()),
            ("pattern", "evil.test"), ("pattern_type", "DOMAIN"), ("search", "evil"), ("order", "created_at"),
            ("direction", "asc"),
            ("per_page", "10"), ("page", "1"));
        Assert.Equal("evil.test", Assert.Single(result.Objects<BlockedSender>()).Pattern);
    }

    [Fact]
    public void Get_by_id_reads_the_pattern()
    {
        var (session, account) = Connected();
        var stored = Stored(account, Resource)[1];
        var id = stored.GetProperty("id").GetString()!;
        account.ClearRequests();

        var result = session.Run("Get-EsBlockedSender $id", Vars(("id", id)));

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal($"GET /settings/block_senders/{id}", $"{request.Method} {request.Path}");
        ModelJson.AssertCarries(stored, Assert.Single(result.Objects<BlockedSender>()));
    }

    [Fact]
    public void New_sends_the_pattern_and_is_regex_even_when_not_given()
    {
        var (session, account) = Connected();

        var result = session.Run("New-EsBlockedSender 'lure@phish.test' EMAIL -Comments 'Credential phish'");

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal("POST /settings/block_senders", $"{request.Method} {request.Path}");
        Wire.BodyIs(request, ("pattern", "\"lure@phish.test\""), ("pattern_type", "\"EMAIL\""), ("is_regex", "false"),
            ("comments", "\"Credential phish\""));
        var created = Assert.Single(result.Objects<BlockedSender>());
        ModelJson.AssertCarries(StoredEntry(account, Resource, created.Id!)!.Value, created);
        Assert.Equal("lure@phish.test", created.Pattern);
    }

    [Fact]
    public void Set_sends_only_the_bound_fields()
    {
        var (session, account) = Connected();
        var id = Stored(account, Resource)[0].GetProperty("id").GetString()!;
        account.ClearRequests();

        var result =
            session.Run("Set-EsBlockedSender -Id $id -IsRegex $false -PatternType ip -PassThru", Vars(("id", id)));

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal($"PATCH /settings/block_senders/{id}", $"{request.Method} {request.Path}");
        Wire.BodyIs(request, ("is_regex", "false"), ("pattern_type", "\"IP\""));
        var edited = Assert.Single(result.Objects<BlockedSender>());
        ModelJson.AssertCarries(StoredEntry(account, Resource, id)!.Value, edited);
        Assert.Equal("IP", edited.PatternType);
    }

    [Fact]
    public void Remove_deletes_every_given_pattern()
    {
        var (session, account) = Connected();
        var ids = Stored(account, Resource).Take(2).Select(p => p.GetProperty("id").GetString()!).ToArray();
        account.ClearRequests();

        var result = session.Run("Remove-EsBlockedSender -Id $ids -Confirm:$false", Vars(("ids", ids)));

        result.ShouldSucceed();
        Assert.Equal(
            ids.Select(id => $"DELETE /settings/block_senders/{id}"),
            Wire.AfterRefusedBatch(account.Requests()).Select(r => $"{r.Method} {r.Path}"));
        Assert.All(ids, id => Assert.Null(StoredEntry(account, Resource, id)));
    }

    [Fact]
    public void Round_trip_create_find_edit_and_remove()
    {
        var (session, account) = Connected();
        const string Pattern = "roundtrip.phish.test";

        session.Run("$null = New-EsBlockedSender -Pattern $p -PatternType DOMAIN", Vars(("p", Pattern)))
            .ShouldSucceed();
        session.Run("Get-EsBlockedSender -Pattern $p | Set-EsBlockedSender -Comments 'Seen in campaign 42'",
            Vars(("p", Pattern))).ShouldSucceed();
        var edited = Assert.Single(
            session.Run("Get-EsBlockedSender -Pattern $p", Vars(("p", Pattern))).Objects<BlockedSender>());
        session.Run("Get-EsBlockedSender -Pattern $p | Remove-EsBlockedSender -Confirm:$false", Vars(("p", Pattern)))
            .ShouldSucceed();
        var after = session.Run("Get-EsBlockedSender -Pattern $p", Vars(("p", Pattern)));

        Assert.Equal("Seen in campaign 42", edited.Comments);
        Assert.Single(account.Requests(), r => r.Method == "PATCH" && r.Path == $"/settings/block_senders/{edited.Id}");
        Assert.Single(account.Requests(),
            r => r.Method == "DELETE" && r.Path == $"/settings/block_senders/{edited.Id}");
        after.ShouldSucceed();
        Assert.Empty(after.Output);
        Assert.DoesNotContain(Stored(account, Resource), p => p.GetProperty("pattern").GetString() == Pattern);
    }
}
