using System.Text.Json;
using EmailSecurity.Tests.Infrastructure;
using Xunit;

namespace EmailSecurity.Tests.Emulator;

/// <summary>Settings CRUD, submissions and PhishGuard reports in the emulator.</summary>
[Collection("Emulator")]
public sealed class SettingsTests
{
    private readonly EmulatorFixture emulator;

    public SettingsTests(EmulatorFixture emulator) => this.emulator = emulator;

    private AccountApi NewApi(int messages = 60, string? apiVersion = null) =>
        new(emulator, emulator.NewAccount(messages, apiVersion: apiVersion));

    /// <summary>Every settings list the module's cmdlets use.</summary>
    public static TheoryData<string> Resources() => new(SettingsNoun.All.Select(n => n.Resource));

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task Every_resource_has_demo_entries_and_pages_by_page_number(string resource)
    {
        AccountApi api = NewApi(apiVersion: emulator.FirstVersionServing(SettingsNoun.Of(resource).Collection.Route));

        ApiResult all = await api.Get($"/settings/{resource}?per_page=1000");
        ApiResult second = await api.Get($"/settings/{resource}?per_page=2&page=2");
        ApiResult beyond = await api.Get($"/settings/{resource}?per_page=2&page=500");

        all.ShouldSucceed();
        int total = all.Result.GetArrayLength();
        Assert.InRange(total, 3, 40); // more than a page of two, so page 2 is read
        JsonElement info = second.Json.GetProperty("result_info");
        Assert.Equal(2, info.GetProperty("page").GetInt32());
        Assert.Equal(2, info.GetProperty("per_page").GetInt32());
        Assert.Equal(total, info.GetProperty("total_count").GetInt32());
        Assert.Equal(Ids(all).Skip(2).Take(2), Ids(second));
        Assert.Equal(0, beyond.Json.GetProperty("result_info").GetProperty("count").GetInt32());
        (await api.Get($"/settings/{resource}?per_page=0")).ShouldBeInvalid("per_page");
        (await api.Get($"/settings/{resource}?page=0")).ShouldBeInvalid("page");
        (await api.Get($"/settings/{resource}?direction=up")).ShouldBeInvalid("direction");
        (await api.Get($"/settings/{resource}?order=colour")).ShouldBeInvalid("order");
        ApiResult missing = await api.Get($"/settings/{resource}/00000000-0000-0000-0000-000000000000");
        Assert.Equal(404, missing.Status);
        Assert.Equal(1002, missing.ErrorCode);
        Assert.EndsWith("not found", missing.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_allow_policy_can_be_created_read_edited_and_deleted()
    {
        AccountApi api = NewApi();
        var body = new
        {
            is_acceptable_sender = true, is_exempt_recipient = false, is_regex = false, is_trusted_sender = false,
            pattern = "partner@example.com", pattern_type = "EMAIL", verify_sender = true, comments = "Partner",
        };

        ApiResult created = await api.Post("/settings/allow_policies", body);
        created.ShouldSucceed();
        string id = created.Result.GetProperty("id").GetString()!;
        string createdAt = created.Result.GetProperty("created_at").GetString()!;
        ApiResult read = await api.Get("/settings/allow_policies/" + id);
        ApiResult edited = await api.Patch("/settings/allow_policies/" + id, new { comments = "Renamed partner" });
        ApiResult deleted = await api.Delete("/settings/allow_policies/" + id);
        ApiResult gone = await api.Get("/settings/allow_policies/" + id);

        Assert.Equal("partner@example.com", read.Result.GetProperty("pattern").GetString());
        Assert.True(read.Result.GetProperty("is_acceptable_sender").GetBoolean());
        Assert.Equal("Renamed partner", edited.Result.GetProperty("comments").GetString());
        Assert.Equal("partner@example.com", edited.Result.GetProperty("pattern").GetString());
        Assert.True(edited.Result.GetProperty("verify_sender").GetBoolean());
        Assert.Equal(createdAt, edited.Result.GetProperty("created_at").GetString());
        Assert.True(edited.Result.GetProperty("modified_at").GetDateTimeOffset() >= DateTimeOffset.Parse(createdAt));
        Assert.Equal(id, deleted.Result.GetProperty("id").GetString());
        Assert.Single(deleted.Result.EnumerateObject());
        Assert.Equal(404, gone.Status);
    }

    [Fact]
    public async Task Creating_checks_required_fields_types_enums_and_end_of_life_fields()
    {
        AccountApi api = NewApi();

        (await api.Post("/settings/block_senders", new { is_regex = false, pattern_type = "EMAIL" })).ShouldBeInvalid(
            "pattern");
        (await api.Post("/settings/block_senders",
            new { is_regex = false, pattern = "x@example.com", pattern_type = "PHONE" })).ShouldBeInvalid(
                "pattern_type");
        (await api.Post("/settings/block_senders",
            new { is_regex = false, pattern = "x@example.com", pattern_type = "UNKNOWN" })).ShouldBeInvalid(
                "pattern_type");
        (await api.Post("/settings/block_senders",
            new { is_regex = "no", pattern = "x@example.com", pattern_type = "EMAIL" })).ShouldBeInvalid("is_regex");
        (await api.Post("/settings/block_senders",
            new { is_regex = true, pattern = "([", pattern_type = "EMAIL" })).ShouldBeInvalid("pattern");
        (await api.Post("/settings/trusted_domains",
            new { is_recent = true, is_regex = false, pattern = "example.com" })).ShouldBeInvalid("is_similarity");
        (await api.Post("/settings/impersonation_registry",
            new { email = "a@example.com", is_email_regex = false, name = "A", provenance = "LDAP" })).ShouldBeInvalid(
                "provenance");
        (await api.Post("/settings/allow_policies", new
        {
            is_acceptable_sender = false, is_exempt_recipient = false, is_regex = false, is_trusted_sender = true,
            pattern = "a@example.com", pattern_type = "EMAIL", verify_sender = true, is_sender = true,
        })).ShouldBeInvalid("is_sender");
        ApiResult createDomain = await api.Post("/settings/domains", new { domain = "example.com" });
        Assert.Equal(404, createDomain.Status); // the seed API has no domain create: an unknown route
        Assert.Equal(7003, createDomain.ErrorCode);
    }

    [Fact]
    public async Task Editing_changes_only_the_given_fields_and_validates_them()
    {
        AccountApi api = NewApi();
        JsonElement domain = (await api.Get("/settings/domains")).Result[0];
        string path = "/settings/domains/" + domain.GetProperty("id").GetString();

        ApiResult edited = await api.Patch(path, new { regions = new[] { "US", "DE" }, lookback_hops = 3 });

        edited.ShouldSucceed();
        Assert.Equal(new[] { "US", "DE" },
            edited.Result.GetProperty("regions").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(3, edited.Result.GetProperty("lookback_hops").GetInt32());
        Assert.Equal(domain.GetProperty("domain").GetString(), edited.Result.GetProperty("domain").GetString());
        Assert.Equal(domain.GetProperty("transport").GetString(), edited.Result.GetProperty("transport").GetString());
        (await api.Patch(path, new { regions = new[] { "MARS" } })).ShouldBeInvalid("regions");
        (await api.Patch(path, new { folder = "Archive" })).ShouldBeInvalid("folder");
        (await api.Patch(path, new { lookback_hops = "three" })).ShouldBeInvalid("lookback_hops");
        Assert.Equal(3, (await api.Get(path)).Result.GetProperty("lookback_hops").GetInt32());
    }

    [Fact]
    public async Task List_filters_search_and_order_apply()
    {
        AccountApi api = NewApi();

        List<JsonElement> acceptable = (await api.Get(
            "/settings/allow_policies?per_page=1000&is_acceptable_sender=true")).Result.EnumerateArray().ToList();
        List<JsonElement> domains = (await api.Get(
            "/settings/block_senders?per_page=1000&pattern_type=DOMAIN")).Result.EnumerateArray().ToList();
        List<JsonElement> searched =
            (await api.Get("/settings/block_senders?per_page=1000&search=EVIL")).Result.EnumerateArray().ToList();
        List<string> ordered = (await api.Get(
            "/settings/trusted_domains?per_page=1000&order=pattern&direction=desc")).Result.EnumerateArray()
            .Select(e => e.GetProperty("pattern").GetString()!).ToList();
        List<JsonElement> active =
            (await api.Get("/settings/domains?per_page=1000&status=active")).Result.EnumerateArray().ToList();
        List<JsonElement> named = (await api.Get(
            "/settings/domains?domain=contoso.example&domain=contoso.co.example")).Result.EnumerateArray().ToList();
        List<JsonElement> synced = (await api.Get(
            "/settings/impersonation_registry?per_page=1000&provenance=SNOOPY-OFFICE_365")).Result.EnumerateArray()
            .ToList();

        Assert.NotEmpty(acceptable);
        Assert.All(acceptable, e => Assert.True(e.GetProperty("is_acceptable_sender").GetBoolean()));
        Assert.NotEmpty(domains);
        Assert.All(domains, e => Assert.Equal("DOMAIN", e.GetProperty("pattern_type").GetString()));
        Assert.Contains(searched, e => e.GetProperty("pattern").GetString() == "evil.test");
        Assert.Equal(ordered.OrderByDescending(p => p, StringComparer.OrdinalIgnoreCase), ordered);
        Assert.NotEmpty(active);
        Assert.All(active, e => Assert.Equal("active", e.GetProperty("status").GetString()));
        Assert.Equal(new[] { "contoso.co.example", "contoso.example" },
            named.Select(e => e.GetProperty("domain").GetString()).Order());
        Assert.NotEmpty(synced);
        (await api.Get("/settings/domains?status=deleted")).ShouldBeInvalid("status");
        (await api.Get("/settings/allow_policies?is_trusted_sender=maybe")).ShouldBeInvalid("is_trusted_sender");
    }

    [Fact]
    public async Task Messages_name_policies_that_exist_in_the_settings()
    {
        AccountApi api = NewApi(messages: 400);
        List<string> blocked = (await api.Get("/settings/block_senders?per_page=1000")).Result.EnumerateArray()
            .Select(e => e.GetProperty("pattern").GetString()!).ToList();

        List<JsonElement> blocklisted = (await api.Get("/investigate?per_page=1000")).Result.EnumerateArray()
            .Where(m => m.GetProperty("properties").GetProperty("blocklisted_message").GetBoolean()).ToList();

        Assert.NotEmpty(blocklisted);
        Assert.All(blocklisted,
            m => Assert.Contains(m.GetProperty("properties").GetProperty("blocklisted_pattern").GetString(), blocked));
    }

    [Fact]
    public async Task Submissions_page_and_filter()
    {
        AccountApi api = NewApi(messages: 500);

        ApiResult all = await api.Get("/submissions?per_page=1000");
        ApiResult users = await api.Get("/submissions?per_page=1000&type=USER");
        ApiResult escalated = await api.Get("/submissions?per_page=1000&escalated_from_user=true");
        ApiResult first = await api.Get("/submissions?per_page=1");

        all.ShouldSucceed();
        Assert.True(all.Result.GetArrayLength() > 5);
        Assert.All(users.Result.EnumerateArray(), s => Assert.Equal("User", s.GetProperty("type").GetString()));
        Assert.All(escalated.Result.EnumerateArray(),
            s => Assert.Equal(JsonValueKind.String, s.GetProperty("escalated_submission_id").ValueKind));
        Assert.Equal(1, first.Json.GetProperty("result_info").GetProperty("count").GetInt32());
        Assert.Equal(all.Result.GetArrayLength(),
            first.Json.GetProperty("result_info").GetProperty("total_count").GetInt32());
        (await api.Get("/submissions?type=BOT")).ShouldBeInvalid("type");
        (await api.Get("/submissions?original_disposition=BAD")).ShouldBeInvalid("original_disposition");
    }

    [Fact]
    public async Task PhishGuard_reports_filter_on_the_date_range()
    {
        AccountApi api = NewApi(messages: 500);

        ApiResult all = await api.Get("/phishguard/reports");
        ApiResult future = await api.Get(
            "/phishguard/reports?start=" +
            Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")) + "&end=" +
            Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")));

        all.ShouldSucceed();
        Assert.NotEmpty(all.Result.EnumerateArray());
        Assert.False(all.Json.TryGetProperty("result_info", out _));
        Assert.All(all.Result.EnumerateArray(), r => Assert.Contains(r.GetProperty("disposition").GetString(),
            new[] { "MALICIOUS", "SUSPICIOUS", "SPOOF" }));
        Assert.Empty(future.Result.EnumerateArray());
        (await api.Get("/phishguard/reports?start=last-week")).ShouldBeInvalid("start");
    }

    private static List<string> Ids(ApiResult page) =>
        page.Result.EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
}
