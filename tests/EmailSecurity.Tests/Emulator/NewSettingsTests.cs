using System.Text.Json;
using EmailSecurity.Tests.Infrastructure;
using Xunit;

namespace EmailSecurity.Tests.Emulator;

/// <summary>
/// The settings operations 2026-10 adds: domain create, replace and bulk delete, content policies, sending domain
/// restrictions, URL ignore patterns.
/// </summary>
[Collection("Emulator")]
public sealed class NewSettingsTests
{
    private const string ReplaceBody =
        """{"allowed_delivery_modes":["DIRECT","BCC"],"drop_dispositions":["MALICIOUS"],"ip_restrictions":["192.0.2.0/24"],"regions":["US"],"lookback_hops":2}""";

    private readonly EmulatorFixture emulator;

    public NewSettingsTests(EmulatorFixture emulator) => this.emulator = emulator;

    private AccountApi NewApi() =>
        new(emulator, emulator.NewAccount(messages: 10, apiVersion: ApiVersionNames.V2026_10));

    [Fact]
    public async Task A_new_domain_starts_pending_and_its_name_is_unique()
    {
        AccountApi api = NewApi();

        ApiResult created = await api.Send(HttpMethod.Post, "/settings/domains", ApiOperations.CreateBodies["domains"]);
        ApiResult again = await api.Send(HttpMethod.Post, "/settings/domains",
            ApiOperations.CreateBodies["domains"].Replace("new-domain", "NEW-DOMAIN"));

        created.ShouldSucceed();
        JsonElement domain = created.Result;
        Assert.Equal("new-domain.example", domain.GetProperty("domain").GetString());
        Assert.Equal("PENDING", domain.GetProperty("status").GetString());
        Assert.Equal("mx.new-domain.example", domain.GetProperty("transport").GetString());
        Assert.Equal(JsonValueKind.Null, domain.GetProperty("lookback_hops").ValueKind);
        Assert.Equal(domain.GetRawText(),
            (await api.Get("/settings/domains/" + domain.GetProperty("id").GetString())).Result.GetRawText());
        Assert.Equal(409, again.Status);
        Assert.Equal("domain: NEW-DOMAIN.example already exists", again.ErrorMessage);
        (await api.Post("/settings/domains",
            new { domain = "x.example", allowed_delivery_modes = new[] { "DIRECT" }, drop_dispositions = Array.Empty<string>(), ip_restrictions = Array.Empty<string>() }))
            .ShouldBeInvalid("regions");
        (await api.Send(HttpMethod.Post, "/settings/domains",
            ApiOperations.CreateBodies["domains"].Replace("\"transport\"", "\"lookback_hops\":21,\"transport\"")))
            .ShouldBeInvalid("lookback_hops");
    }

    [Fact]
    public async Task Replacing_a_domain_sets_every_writable_field_and_keeps_its_name()
    {
        AccountApi api = NewApi();
        JsonElement before = (await api.Get("/settings/domains")).Result[0];
        string path = "/settings/domains/" + before.GetProperty("id").GetString();

        ApiResult replaced = await api.Send(HttpMethod.Put, path, ReplaceBody);
        ApiResult withName = await api.Send(HttpMethod.Put, path,
            ReplaceBody.Replace("{", """{"domain":"other.example",""", StringComparison.Ordinal));
        ApiResult missing = await api.Send(HttpMethod.Put, path, """{"allowed_delivery_modes":["DIRECT"]}""");

        replaced.ShouldSucceed();
        JsonElement after = replaced.Result;
        Assert.Equal(before.GetProperty("domain").GetString(), after.GetProperty("domain").GetString());
        Assert.Equal(before.GetProperty("created_at").GetString(), after.GetProperty("created_at").GetString());
        Assert.Equal("""["DIRECT","BCC"]""", after.GetProperty("allowed_delivery_modes").GetRawText());
        Assert.Equal("""["US"]""", after.GetProperty("regions").GetRawText());
        Assert.Equal(2, after.GetProperty("lookback_hops").GetInt32());
        Assert.Equal(JsonValueKind.String, before.GetProperty("transport").ValueKind);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("transport").ValueKind);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("folder").ValueKind);
        withName.ShouldBeInvalid("domain");
        missing.ShouldBeInvalid("drop_dispositions");
        Assert.Equal(after.GetRawText(), (await api.Get(path)).Result.GetRawText());
    }

    [Fact]
    public async Task The_deprecated_bulk_delete_unprotects_every_domain_and_refuses_a_body()
    {
        AccountApi api = NewApi();
        List<string> ids = (await api.Get("/settings/domains")).Result.EnumerateArray()
            .Select(d => d.GetProperty("id").GetString()!).ToList();

        ApiResult withBody = await api.Send(HttpMethod.Delete, "/settings/domains", $$"""{"ids":["{{ids[0]}}"]}""");
        int left = (await api.Get("/settings/domains")).Result.GetArrayLength();
        ApiResult deleted = await api.Delete("/settings/domains");

        withBody.ShouldBeInvalid("body");
        Assert.Equal(ids.Count, left);
        deleted.ShouldSucceed();
        Assert.Equal(ids.Order(),
            deleted.Result.EnumerateArray().Select(d => d.GetProperty("id").GetString()!).Order());
        Assert.Equal(0, (await api.Get("/settings/domains")).Result.GetArrayLength());
    }

    [Fact]
    public async Task Content_policies_are_created_edited_filtered_and_deleted()
    {
        AccountApi api = NewApi();

        ApiResult created = await api.Post("/settings/content_policies",
            new { enabled = true, name = "Wire fraud", pattern = "wire (transfer|payment)", targets = new[] { "SUBJECT" }, notes = "Finance" });
        string path = "/settings/content_policies/" + created.Result.GetProperty("id").GetString();
        ApiResult disabled = await api.Patch(path, new { enabled = false });
        List<JsonElement> off =
            (await api.Get("/settings/content_policies?enabled=false")).Result.EnumerateArray().ToList();
        List<JsonElement> named =
            (await api.Get("/settings/content_policies?name=Wire%20fraud")).Result.EnumerateArray().ToList();
        List<JsonElement> searched =
            (await api.Get("/settings/content_policies?search=GIFT")).Result.EnumerateArray().ToList();
        List<string> byName = (await api.Get(
            "/settings/content_policies?order=name&direction=desc")).Result.EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()!).ToList();
        ApiResult deleted = await api.Delete(path);

        created.ShouldSucceed();
        Assert.Equal(new[] { "id", "created_at", "enabled", "modified_at", "name", "notes", "pattern", "targets" },
            created.Result.EnumerateObject().Select(p => p.Name));
        Assert.False(disabled.Result.GetProperty("enabled").GetBoolean());
        Assert.Equal("wire (transfer|payment)", disabled.Result.GetProperty("pattern").GetString());
        Assert.True(off.Count >= 2, "the demo's disabled policy and this one");
        Assert.All(off, p => Assert.False(p.GetProperty("enabled").GetBoolean()));
        Assert.Equal("Finance", named.Single().GetProperty("notes").GetString());
        Assert.Contains(searched, p => p.GetProperty("name").GetString() == "Gift card lure");
        Assert.Equal(byName.OrderDescending(StringComparer.OrdinalIgnoreCase), byName);
        deleted.ShouldSucceed();
        Assert.Equal(404, (await api.Get(path)).Status);
        (await api.Post("/settings/content_policies",
            new { enabled = true, name = "Bad", pattern = "([", targets = new[] { "BODY" } })).ShouldBeInvalid(
                "pattern");
        (await api.Post("/settings/content_policies",
            new { enabled = true, name = "Bad", pattern = "x", targets = new[] { "HEADER" } })).ShouldBeInvalid(
                "targets");
        (await api.Post("/settings/content_policies",
            new { enabled = true, name = "Bad", pattern = "x" })).ShouldBeInvalid("targets");
    }

    [Fact]
    public async Task Sending_domain_restrictions_are_created_edited_searched_and_deleted()
    {
        AccountApi api = NewApi();

        ApiResult created = await api.Post("/settings/sending_domain_restrictions",
            new { domain = "bank.example", exclude = Array.Empty<string>(), comments = "Bank" });
        string path = "/settings/sending_domain_restrictions/" + created.Result.GetProperty("id").GetString();
        ApiResult edited = await api.Patch(path, new { exclude = new[] { "legacy.bank.example" } });
        List<JsonElement> searched =
            (await api.Get("/settings/sending_domain_restrictions?search=bank")).Result.EnumerateArray().ToList();
        ApiResult duplicate = await api.Post("/settings/sending_domain_restrictions",
            new { domain = "bank.example", exclude = Array.Empty<string>() });
        ApiResult deleted = await api.Delete(path);

        created.ShouldSucceed();
        JsonElement entry = edited.Result;
        Assert.Equal(new[] { "id", "comments", "created_at", "domain", "exclude", "last_modified", "modified_at" },
            entry.EnumerateObject().Select(p => p.Name));
        Assert.Equal("""["legacy.bank.example"]""", entry.GetProperty("exclude").GetRawText());
        Assert.Equal(entry.GetProperty("modified_at").GetString(), entry.GetProperty("last_modified").GetString());
        Assert.Contains(searched, r => r.GetProperty("domain").GetString() == "bank.example");
        Assert.Contains(searched, r => r.GetProperty("domain").GetString() == "woodgrovebank.example");
        Assert.Equal(409, duplicate.Status);
        deleted.ShouldSucceed();
        (await api.Post("/settings/sending_domain_restrictions", new { domain = "x.example" })).ShouldBeInvalid(
            "exclude");
    }

    [Fact]
    public async Task URL_ignore_patterns_are_created_edited_and_deleted_and_must_be_regular_expressions()
    {
        AccountApi api = NewApi();
        int demo = (await api.Get("/settings/url_ignore_patterns")).Result.GetArrayLength();

        ApiResult created = await api.Post("/settings/url_ignore_patterns",
            new { pattern = @"https://wiki\.example/.*", comments = "Wiki" });
        string path = "/settings/url_ignore_patterns/" + created.Result.GetProperty("id").GetString();
        ApiResult edited = await api.Send(HttpMethod.Patch, path, """{"comments":null}""");
        ApiResult deleted = await api.Delete(path);

        Assert.True(demo > 0);
        created.ShouldSucceed();
        Assert.Equal(new[] { "id", "comments", "created_at", "last_modified", "modified_at", "pattern" },
            created.Result.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, edited.Result.GetProperty("comments").ValueKind);
        Assert.Equal(@"https://wiki\.example/.*", edited.Result.GetProperty("pattern").GetString());
        Assert.Equal(edited.Result.GetProperty("modified_at").GetString(),
            edited.Result.GetProperty("last_modified").GetString());
        deleted.ShouldSucceed();
        Assert.Equal(demo, (await api.Get("/settings/url_ignore_patterns")).Result.GetArrayLength());
        (await api.Post("/settings/url_ignore_patterns", new { pattern = "(unclosed" })).ShouldBeInvalid("pattern");
        (await api.Post("/settings/url_ignore_patterns", new { comments = "no pattern" })).ShouldBeInvalid("pattern");
    }
}
