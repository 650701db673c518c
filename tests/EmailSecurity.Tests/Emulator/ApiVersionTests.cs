using System.Text.Json;
using EmailSecurity.Tests.Infrastructure;
using EsEmulator.Launcher;
using Xunit;

namespace EmailSecurity.Tests.Emulator;

/// <summary>
/// The emulator as either API version: choosing it, each request shape of one version refused by the other with a
/// validation 400 that changes nothing, and the fields and filters that differ.
/// </summary>
[Collection("Emulator")]
public sealed class ApiVersionTests
{
    private const string Seed = ApiVersionNames.Seed;
    private const string V2026 = ApiVersionNames.V2026_10;

    private readonly EmulatorFixture emulator;

    public ApiVersionTests(EmulatorFixture emulator) => this.emulator = emulator;

    private AccountApi NewApi(string? version, int messages = 200) =>
        new(emulator, emulator.NewAccount(messages, apiVersion: version));

    /// <summary>
    /// A request in each version's shape. Placeholders: {id} and {postfix} of a quarantined message, {domain} the id of
    /// a protected domain. For GET the shape is the query string. A refused field of null: that version accepts the
    /// other's shape too.
    /// </summary>
    public static TheoryData<string, string, string, string, string, string?, string?> Shapes() => new()
    {
        { "release", "POST", "/investigate/release", """["{id}"]""", """{"ids":["{id}"]}""", "body", "body" },
        { "preview create", "POST", "/investigate/preview", """{"postfix_id":"{postfix}"}""", """{"id":"{id}"}""", "id",
            "postfix_id" },
        { "move", "POST", "/investigate/{id}/move", """{"destination":"JunkEmail"}""",
            """{"destination":"JunkEmail","expected_disposition":"SPAM"}""", "expected_disposition", null },
        { "bulk move", "POST", "/investigate/move", """{"destination":"JunkEmail","ids":["{id}"]}""",
            """{"destination":"JunkEmail","ids":["{id}"],"expected_disposition":null}""", "expected_disposition",
            null },
        { "search by delivery status", "GET", "/investigate", "action_log=true", "delivery_status=quarantined",
            "delivery_status", "action_log" },
        { "search by HELO address", "GET", "/investigate", "per_page=5", "smtp_helo_ip=192.0.2.10", "smtp_helo_ip",
            null },
        { "PhishGuard pages", "GET", "/phishguard/reports", "", "page=1&per_page=5", "page", null },
        { "domain status casing", "GET", "/settings/domains", "status=active", "status=ACTIVE", "status", "status" },
        { "domain edit", "PATCH", "/settings/domains/{domain}", """{"domain":"renamed.contoso.example"}""",
            """{"folder":null}""", "folder", "domain" },
        { "domain lookback", "PATCH", "/settings/domains/{domain}", """{"lookback_hops":0}""",
            """{"lookback_hops":null}""", "lookback_hops", "lookback_hops" },
        { "submissions order", "GET", "/submissions", "", "order=subject&direction=asc", "order", null },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Each_version_takes_its_shape_and_refuses_the_others_with_a_validation_400_that_changes_nothing(
        string operation,
        string method,
        string path,
        string seedShape,
        string shape2026,
        string? seedRefuses,
        string? refuses2026)
    {
        foreach ((string version, string own, string other, string? refused) in new[]
        {
            (Seed, seedShape, shape2026, seedRefuses), (V2026, shape2026, seedShape, refuses2026),
        })
        {
            AccountApi api = NewApi(version);
            Func<string, string> fill = await Placeholders(api);
            string before = await api.Snapshot();

            ApiResult foreign = await Call(api, method, fill(path), fill(other));
            string after = await api.Snapshot();
            ApiResult native = await Call(api, method, fill(path), fill(own));

            string context = $"{operation} in {version}: ";
            if (refused == null)
            {
                Assert.True(foreign.Status == 200, context + foreign.Body);
            }
            else
            {
                foreign.ShouldBeInvalid(refused);
                Assert.Equal(1004, foreign.ErrorCode);
                Assert.True(before == after, context + "the refused request changed something");
            }
            Assert.True(native.Status == 200, context + native.Body);
        }
    }

    [Fact]
    public async Task An_account_plays_the_seed_API_unless_told_otherwise_and_can_switch_keeping_its_data()
    {
        var api = new AccountApi(emulator, emulator.NewAccount());
        string message = (await api.First()).GetProperty("id").GetString()!;

        Assert.Equal(404, (await api.Get("/investigate/bulk")).Status);
        api.Account.SetApiVersion(V2026);
        Assert.Equal(200, (await api.Get("/investigate/bulk")).Status);
        Assert.Equal(message, (await api.First()).GetProperty("id").GetString());
        api.Account.SetApiVersion(Seed);
        Assert.Equal(404, (await api.Get("/investigate/bulk")).Status);
        Assert.Throws<InvalidOperationException>(() => api.Account.SetApiVersion("2027-01"));
        Assert.Throws<InvalidOperationException>(() => api.Account.Reset(10, 1, apiVersion: "latest"));
    }

    [Fact]
    public async Task The_command_line_sets_the_default_version_and_refuses_an_unknown_one()
    {
        using RunningEmulator process = EmulatorFixture.StartSeparate("--api-version", V2026);
        using var http = new HttpClient();
        var account = new EmulatorAccount(Guid.NewGuid().ToString("N"), new Uri(process.Root, "_emulator/"));
        string health = await http.GetStringAsync(new Uri(process.Root, "_emulator/health"));
        using var request = new HttpRequestMessage(HttpMethod.Get,
            new Uri(process.Root, $"client/v4/accounts/{account.Id}/email-security/investigate/bulk"));
        request.Headers.Authorization = new("Bearer", "emulator-test-token");

        HttpResponseMessage jobs = await http.SendAsync(request);

        Assert.Equal(V2026, JsonDocument.Parse(health).RootElement.GetProperty("apiVersion").GetString());
        Assert.Equal(200, (int)jobs.StatusCode);
        account.Reset(10, 1, apiVersion: Seed);
        Assert.Equal(404, (int)(await http.SendAsync(Clone(request))).StatusCode);
        InvalidOperationException refused =
            Assert.Throws<InvalidOperationException>(() => EmulatorFixture.StartSeparate("--api-version", "newest"));
        Assert.Contains("exited with code 2", refused.Message);
        Assert.Contains("--api-version must be one of seed, 2026-10", refused.Message);
    }

    [Theory]
    [InlineData(Seed)]
    [InlineData(V2026)]
    public async Task Messages_carry_the_2026_addresses_only_in_2026_and_no_field_past_its_end_of_life(string version)
    {
        AccountApi api = NewApi(version);

        List<JsonElement> messages = (await api.Get("/investigate?per_page=1000")).Result.EnumerateArray().ToList();
        JsonElement one = await api.Message(messages[0].GetProperty("id").GetString()!);

        foreach (JsonElement message in messages.Append(one))
        {
            string[] keys = message.EnumerateObject().Select(p => p.Name).ToArray();
            Assert.Empty(keys.Intersect(new[] { "ts", "action_log", "findings" }));
            string[] added = { "smtp_helo_server_ip", "smtp_previous_hop_ip", "x_originating_ip" };
            if (version == Seed)
            {
                Assert.Empty(keys.Intersect(added));
                continue;
            }
            Assert.Equal(added, keys.Intersect(added).Order());
            Assert.Matches(@"^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$",
                message.GetProperty("smtp_helo_server_ip").GetString()!);
            Assert.Matches(@"^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$",
                message.GetProperty("smtp_previous_hop_ip").GetString()!);
        }
        if (version == V2026)
        {
            Assert.Contains(messages, m => m.GetProperty("x_originating_ip").ValueKind == JsonValueKind.String);
            Assert.Contains(messages, m => m.GetProperty("x_originating_ip").ValueKind == JsonValueKind.Null);
        }
    }

    [Theory]
    [InlineData(Seed)]
    [InlineData(V2026)]
    public async Task What_is_past_its_end_of_life_is_refused_in_both_versions(string version)
    {
        AccountApi api = NewApi(version, messages: 20);
        string id = (await api.First()).GetProperty("id").GetString()!;
        string before = await api.Snapshot();

        ApiResult postfixIds = await api.Post("/investigate/move",
            new { destination = "JunkEmail", ids = new[] { id }, postfix_ids = new[] { id } });
        ApiResult page = await api.Get("/investigate?page=2");
        ApiResult isSender = await api.Send(HttpMethod.Post, "/settings/allow_policies",
            ApiOperations.CreateBodies["allow_policies"].Replace("{", "{\"is_sender\":true,",
                StringComparison.Ordinal));

        postfixIds.ShouldBeInvalid("postfix_ids");
        page.ShouldBeInvalid("page");
        isSender.ShouldBeInvalid("is_sender");
        Assert.All(new[] { postfixIds, page, isSender },
            r => Assert.EndsWith("has reached end of life", r.ErrorMessage.Split(';')[0]));
        Assert.Equal(before, await api.Snapshot());
    }

    [Fact]
    public async Task The_2026_search_filters_by_delivery_status_and_HELO_address()
    {
        AccountApi api = NewApi(V2026);
        JsonElement message = await api.First("final_disposition=MALICIOUS");
        string helo = message.GetProperty("smtp_helo_server_ip").GetString()!;

        List<JsonElement> byHelo =
            (await api.Get("/investigate?per_page=1000&smtp_helo_ip=" + helo)).Result.EnumerateArray().ToList();
        List<JsonElement> quarantined =
            (await api.Get("/investigate?per_page=1000&delivery_status=quarantined")).Result.EnumerateArray().ToList();

        Assert.Contains(byHelo, m => m.GetProperty("id").GetString() == message.GetProperty("id").GetString());
        Assert.All(byHelo, m => Assert.Equal(helo, m.GetProperty("smtp_helo_server_ip").GetString()));
        Assert.NotEmpty(quarantined);
        Assert.All(quarantined, m => Assert.Contains("quarantined",
            m.GetProperty("delivery_status").EnumerateArray().Select(s => s.GetString())));
        (await api.Get("/investigate?delivery_status=lost")).ShouldBeInvalid("delivery_status");
        string tomorrow = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
        (await api.Get($"/investigate?start={tomorrow}&end={tomorrow}")).ShouldBeInvalid("start");
    }

    [Fact]
    public async Task The_2026_search_matches_any_domain_of_a_message_all_subject_words_and_attachment_hashes()
    {
        AccountApi seed = NewApi(Seed, messages: 300);
        AccountApi v2026 = NewApi(V2026, messages: 300);
        JsonElement withAttachment = default;
        foreach (JsonElement candidate in (await v2026.Get(
            "/investigate?per_page=1000&detections_only=true")).Result.EnumerateArray())
        {
            JsonElement attachments = (await v2026.Get(
                $"/investigate/{Uri.EscapeDataString(candidate.GetProperty("id").GetString()!)}/detections"))
                .Result.GetProperty("attachments");
            if (attachments.GetArrayLength() > 0)
            {
                withAttachment = attachments[0];
                break;
            }
        }
        string sha256 = withAttachment.GetProperty("sha256").GetString()!;

        int seedByRecipientDomain = (await seed.AllIds("per_page=1000&domain=contoso.example")).Count;
        int byRecipientDomain = (await v2026.AllIds("per_page=1000&domain=contoso.example")).Count;
        List<string> reversedWords =
            await v2026.AllIds("per_page=1000&subject=" + Uri.EscapeDataString("overdue invoice"));
        List<string> seedReversedWords =
            await seed.AllIds("per_page=1000&subject=" + Uri.EscapeDataString("overdue invoice"));

        Assert.Equal(300, byRecipientDomain);
        Assert.True(seedByRecipientDomain < 300, "the seed matches the sender's domain only");
        Assert.NotEmpty(reversedWords);
        Assert.Empty(seedReversedWords);
        Assert.NotEmpty(await v2026.AllIds("per_page=1000&query=" + sha256));
        Assert.Empty(await seed.AllIds("per_page=1000&query=" + sha256));
    }

    [Fact]
    public async Task Domain_status_is_lower_case_in_the_seed_and_upper_case_in_2026_for_the_same_entries()
    {
        var api = new AccountApi(emulator, emulator.NewAccount(apiVersion: Seed));

        List<string?> seedStatuses = (await api.Get("/settings/domains")).Result.EnumerateArray()
            .Select(d => d.GetProperty("status").GetString()).ToList();
        api.Account.SetApiVersion(V2026);
        List<string?> statuses = (await api.Get("/settings/domains")).Result.EnumerateArray()
            .Select(d => d.GetProperty("status").GetString()).ToList();
        List<JsonElement> active = (await api.Get("/settings/domains?status=ACTIVE")).Result.EnumerateArray().ToList();

        Assert.Equal(new[] { "active", "active", "failed", "pending", "timeout" }, seedStatuses.Order());
        Assert.Equal(seedStatuses.Select(s => s!.ToUpperInvariant()), statuses);
        Assert.Equal(2, active.Count);
        Assert.All(active, d => Assert.Equal("ACTIVE", d.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task PhishGuard_reports_are_one_list_in_the_seed_and_paged_in_2026()
    {
        AccountApi seed = NewApi(Seed, messages: 500);
        AccountApi v2026 = NewApi(V2026, messages: 500);

        ApiResult all = await seed.Get("/phishguard/reports");
        ApiResult firstPage = await v2026.Get("/phishguard/reports?per_page=2");
        ApiResult secondPage = await v2026.Get("/phishguard/reports?per_page=2&page=2");

        int total = all.Result.GetArrayLength();
        Assert.True(total > 4, "enough reports for pages");
        Assert.False(all.Json.TryGetProperty("result_info", out _));
        JsonElement info = secondPage.Json.GetProperty("result_info");
        Assert.Equal(2, info.GetProperty("page").GetInt32());
        Assert.Equal(total, info.GetProperty("total_count").GetInt32());
        Assert.Equal(Ids(all).Skip(2).Take(2), Ids(secondPage));
        Assert.Equal(Ids(all).Take(2), Ids(firstPage));
    }

    [Fact]
    public async Task Submissions_sort_by_the_2026_order_and_direction()
    {
        AccountApi api = NewApi(V2026, messages: 500);

        List<string> subjects = (await api.Get("/submissions?per_page=1000&order=subject")).Result.EnumerateArray()
            .Select(s => s.GetProperty("subject").GetString() ?? "").ToList();
        List<string> descending = (await api.Get(
            "/submissions?per_page=1000&order=subject&direction=desc")).Result.EnumerateArray()
            .Select(s => s.GetProperty("subject").GetString() ?? "").ToList();
        List<DateTimeOffset> byDefault = (await api.Get("/submissions?per_page=1000")).Result.EnumerateArray()
            .Select(s => s.GetProperty("requested_at").GetDateTimeOffset()).ToList();

        Assert.Equal(subjects.Order(StringComparer.OrdinalIgnoreCase), subjects);
        Assert.Equal(subjects.OrderDescending(StringComparer.OrdinalIgnoreCase), descending);
        Assert.Equal(byDefault.OrderDescending(), byDefault);
        (await api.Get("/submissions?order=colour")).ShouldBeInvalid("order");
    }

    [Fact]
    public async Task A_failed_move_shows_as_move_failed_in_2026_and_not_in_the_seed()
    {
        var api = new AccountApi(emulator, emulator.NewAccount(messages: 200, apiVersion: V2026));
        JsonElement quarantined = (await api.Get("/investigate?per_page=1000&delivery_status=quarantined")).Result[0];
        string id = quarantined.GetProperty("id").GetString()!;
        await ApiOperations.CreateJob(api, new { message_id = quarantined.GetProperty("message_id").GetString() });
        api.Account.AdvanceBulkJobs();

        List<string?> statuses =
            (await api.Message(id)).GetProperty("delivery_status").EnumerateArray().Select(s => s.GetString()).ToList();
        List<string> failed = await api.AllIds("per_page=1000&delivery_status=move_failed");
        api.Account.SetApiVersion(Seed);
        List<string?> seedStatuses =
            (await api.Message(id)).GetProperty("delivery_status").EnumerateArray().Select(s => s.GetString()).ToList();

        Assert.Equal(new[] { "quarantined", "move_failed" }, statuses);
        Assert.Equal(new[] { id }, failed);
        Assert.Equal(new[] { "quarantined" }, seedStatuses);
    }

    private static async Task<Func<string, string>> Placeholders(AccountApi api)
    {
        JsonElement quarantined = (await api.Get("/investigate?per_page=1000")).Result.EnumerateArray()
            .First(m => m.GetProperty("is_quarantined").GetBoolean());
        string id = quarantined.GetProperty("id").GetString()!;
        string postfix = quarantined.GetProperty("postfix_id").GetString()!;
        string domain = (await api.Get("/settings/domains")).Result[0].GetProperty("id").GetString()!;
        return text => text.Replace("{id}", id).Replace("{postfix}", postfix).Replace("{domain}", domain);
    }

    private static Task<ApiResult> Call(AccountApi api, string method, string path, string shape) =>
        method == "GET"
            ? api.Get(path + (shape.Length == 0 ? "" : "?" + shape))
            : api.Send(new HttpMethod(method), path, shape);

    private static HttpRequestMessage Clone(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri);
        copy.Headers.Authorization = request.Headers.Authorization;
        return copy;
    }

    private static List<string> Ids(ApiResult page) =>
        page.Result.EnumerateArray().Select(e => e.GetProperty("id").GetRawText()).ToList();
}
