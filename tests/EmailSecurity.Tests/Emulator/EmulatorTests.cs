using System.Text.Json;
using EmailSecurity.Tests.Infrastructure;
using Xunit;

namespace EmailSecurity.Tests.Emulator;

/// <summary>
/// The emulator's investigate API: paging, validation, routing, state changes, auth and request recording.
/// </summary>
[Collection("Emulator")]
public sealed class EmulatorTests
{
    private readonly EmulatorFixture emulator;

    public EmulatorTests(EmulatorFixture emulator) => this.emulator = emulator;

    private AccountApi NewApi(int messages = 60, int seed = 1) => new(emulator, emulator.NewAccount(messages, seed));

    [Fact]
    public async Task Cursor_paging_walks_250_messages_in_three_pages_newest_first()
    {
        AccountApi api = NewApi(messages: 250);
        var ids = new List<string>();
        var scannedAt = new List<DateTimeOffset>();
        var pages = new List<JsonElement>();
        string? cursor = null;
        do
        {
            ApiResult page = await api.Get(
                "/investigate?per_page=100" + (cursor == null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            page.ShouldSucceed();
            pages.Add(page.Json.GetProperty("result_info"));
            foreach (JsonElement message in page.Result.EnumerateArray())
            {
                ids.Add(message.GetProperty("id").GetString()!);
                scannedAt.Add(message.GetProperty("scanned_at").GetDateTimeOffset());
            }
            cursor = pages[^1].GetProperty("next").GetString();
        }
        while (cursor != null && pages.Count < 10);

        Assert.Equal(3, pages.Count);
        Assert.Equal(new[] { 100, 100, 50 }, pages.Select(p => p.GetProperty("count").GetInt32()));
        Assert.All(pages, p => Assert.Equal(250, p.GetProperty("total_count").GetInt32()));
        Assert.All(pages, p => Assert.Equal(100, p.GetProperty("per_page").GetInt32()));
        Assert.All(pages, p => Assert.False(p.TryGetProperty("page", out _)));
        Assert.Equal(JsonValueKind.Null, pages[0].GetProperty("previous").ValueKind);
        Assert.Equal(JsonValueKind.String, pages[1].GetProperty("previous").ValueKind);
        Assert.Equal(250, ids.Distinct().Count());
        Assert.Equal(scannedAt.OrderByDescending(t => t), scannedAt);
    }

    [Fact]
    public async Task Messages_look_like_a_real_tenant_and_ids_follow_the_seed_style()
    {
        AccountApi api = NewApi(messages: 400);
        ApiResult page = await api.Get("/investigate?per_page=1000");
        page.ShouldSucceed();
        List<JsonElement> messages = page.Result.EnumerateArray().ToList();

        Assert.Equal(400, messages.Count);
        Assert.All(messages, m =>
        {
            string postfixId = m.GetProperty("postfix_id").GetString()!;
            string scanned =
                m.GetProperty("scanned_at").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss");
            Assert.Matches("^[A-Za-z0-9]{16}$", postfixId);
            Assert.Matches($"^{postfixId}-{scanned}-[0-9]{{8}}$", m.GetProperty("id").GetString()!);
            Assert.EndsWith("Z", m.GetProperty("scanned_at").GetString()!);
            Assert.All(m.GetProperty("to").EnumerateArray(),
                to => Assert.EndsWith("@contoso.example", to.GetString()!));
        });
        var dispositions = messages.GroupBy(m => m.GetProperty("final_disposition").GetString()!)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.True(dispositions["NONE"] > messages.Count / 2, "most mail is clean");
        Assert.All(new[] { "MALICIOUS", "SUSPICIOUS", "SPOOF", "SPAM", "BULK" },
            d => Assert.True(dispositions.ContainsKey(d), d));
        List<JsonElement> malicious =
            messages.Where(m => m.GetProperty("final_disposition").GetString() == "MALICIOUS").ToList();
        Assert.True(malicious.Count(m => m.GetProperty("is_quarantined").GetBoolean()) > malicious.Count / 2,
            "most malicious mail is quarantined");
        Assert.All(malicious, m => Assert.Equal(JsonValueKind.String, m.GetProperty("alert_id").ValueKind));
        Assert.Contains(messages,
            m => m.GetProperty("from").GetString()!.EndsWith("@evil.test", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_mail_and_another_seed_different_mail()
    {
        static async Task<List<string>> Fingerprint(AccountApi api)
        {
            ApiResult page = await api.Get("/investigate?per_page=1000");
            return page.Result.EnumerateArray().Select(
                m => m.GetProperty("postfix_id").GetString() + " " + m.GetProperty("subject").GetString()).ToList();
        }

        List<string> first = await Fingerprint(NewApi(messages: 80, seed: 7));
        List<string> again = await Fingerprint(NewApi(messages: 80, seed: 7));
        List<string> other = await Fingerprint(NewApi(messages: 80, seed: 8));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Search_filters_narrow_the_results()
    {
        AccountApi api = NewApi(messages: 300);
        JsonElement malicious = await api.First("final_disposition=MALICIOUS&subject=invoice");
        string sender = malicious.GetProperty("from").GetString()!;
        string domain = sender.Split('@')[1];
        string recipient = malicious.GetProperty("to")[0].GetString()!;

        await AssertAll("final_disposition=SPAM", m => m.GetProperty("final_disposition").GetString() == "SPAM");
        await AssertAll("detections_only=true", m => m.GetProperty("final_disposition").GetString() != "NONE");
        await AssertAll("sender=" + Uri.EscapeDataString(sender), m => m.GetProperty("from").GetString() == sender
            || m.GetProperty("envelope_from").GetString()!.Contains(sender));
        await AssertAll("domain=" + domain,
            m => m.GetProperty("from").GetString()!.EndsWith("@" + domain, StringComparison.Ordinal));
        await AssertAll("recipient=" + Uri.EscapeDataString(recipient),
            m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString() == recipient));
        await AssertAll("alert_id=" + malicious.GetProperty("alert_id").GetString(),
            m => m.GetProperty("id").GetString() == malicious.GetProperty("id").GetString());
        await AssertAll("message_id=" + Uri.EscapeDataString(malicious.GetProperty("message_id").GetString()!),
            m => m.GetProperty("id").GetString() == malicious.GetProperty("id").GetString());
        await AssertAll("message_action=MOVED",
            m => m.GetProperty("post_delivery_operations").EnumerateArray().Any(o => o.GetString() == "MOVE"));
        await AssertAll("subject=invoice",
            m => m.GetProperty("subject").GetString()!.Contains("invoice", StringComparison.OrdinalIgnoreCase));
        await AssertAll("query=" + Uri.EscapeDataString("INVOICE " + domain), m =>
            m.GetRawText().Contains("invoice", StringComparison.OrdinalIgnoreCase)
                && m.GetRawText().Contains(domain, StringComparison.OrdinalIgnoreCase));

        DateTimeOffset newest = (await api.First()).GetProperty("scanned_at").GetDateTimeOffset();
        string start = Uri.EscapeDataString(newest.AddDays(-3).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
        await AssertAll("start=" + start, m => m.GetProperty("scanned_at").GetDateTimeOffset() >= newest.AddDays(-3));

        async Task AssertAll(string query, Func<JsonElement, bool> predicate)
        {
            ApiResult page = await api.Get("/investigate?per_page=1000&" + query);
            page.ShouldSucceed();
            List<JsonElement> found = page.Result.EnumerateArray().ToList();
            Assert.True(found.Count > 0, "nothing found for " + query);
            Assert.True(found.Count < 300, "nothing filtered out for " + query);
            Assert.All(found, m => Assert.True(predicate(m), query + ": " + m));
        }
    }

    [Theory]
    [InlineData("page=2", "page")]
    [InlineData("final_disposition=EVIL", "final_disposition")]
    [InlineData("final_disposition=malicious", "final_disposition")]
    [InlineData("message_action=DELETED", "message_action")]
    [InlineData("per_page=0", "per_page")]
    [InlineData("per_page=1001", "per_page")]
    [InlineData("per_page=ten", "per_page")]
    [InlineData("detections_only=yes", "detections_only")]
    [InlineData("start=yesterday", "start")]
    [InlineData("end=2026-11-01", "end")]
    [InlineData("start=2026-11-10T00:00:00Z&end=2026-11-01T00:00:00Z", "start")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task Invalid_search_parameters_are_a_400_naming_the_parameter(string query, string field)
    {
        ApiResult result = await NewApi().Get("/investigate?" + query);

        result.ShouldBeInvalid(field);
        Assert.Equal(1004, result.ErrorCode);
    }

    [Fact]
    public async Task The_page_parameter_is_refused_as_past_its_end_of_life()
    {
        ApiResult result = await NewApi().Get("/investigate?page=2");

        Assert.Equal("page: has reached end of life; use cursor", result.ErrorMessage);
    }

    [Fact]
    public async Task A_cursor_from_another_search_is_refused()
    {
        AccountApi api = NewApi(messages: 100);
        ApiResult first = await api.Get("/investigate?per_page=10&final_disposition=NONE");
        string next = first.Json.GetProperty("result_info").GetProperty("next").GetString()!;

        ApiResult sameSearchOtherPageSize =
            await api.Get("/investigate?per_page=5&final_disposition=NONE&cursor=" + Uri.EscapeDataString(next));
        ApiResult otherSearch =
            await api.Get("/investigate?per_page=10&final_disposition=SPAM&cursor=" + Uri.EscapeDataString(next));

        sameSearchOtherPageSize.ShouldSucceed();
        otherSearch.ShouldBeInvalid("cursor");
    }

    [Fact]
    public async Task Unknown_ids_are_a_404_naming_what_was_not_found()
    {
        AccountApi api = NewApi();
        foreach (string path in new[] { "/investigate/nope", "/investigate/nope/detections", "/investigate/nope/raw",
            "/investigate/nope/trace", "/investigate/nope/preview" })
        {
            ApiResult result = await api.Get(path);
            Assert.Equal(404, result.Status);
            Assert.Equal(1002, result.ErrorCode);
            Assert.Equal("Message not found", result.ErrorMessage);
        }
        ApiResult move = await api.Post("/investigate/nope/move", new { destination = "Inbox" });
        Assert.Equal(404, move.Status);
        ApiResult preview = await api.Post("/investigate/preview", new { postfix_id = "AAAAAAAAAAAAAAAA" });
        Assert.Equal(404, preview.Status);
    }

    [Fact]
    public async Task An_encoded_slash_keeps_an_id_in_one_segment()
    {
        AccountApi api = NewApi();
        string id = (await api.First()).GetProperty("id").GetString()!;

        ApiResult slash = await api.Get("/investigate/a%2Fb");
        ApiResult smuggled = await api.Get("/investigate/" + id + "%2Fdetections");
        ApiResult question = await api.Get("/investigate/" + id + "%3Fx%3D1");

        Assert.All(new[] { slash, smuggled, question }, r =>
        {
            Assert.Equal(404, r.Status);
            Assert.Equal(1002, r.ErrorCode);
        });
    }

    [Fact]
    public async Task Unknown_routes_are_a_7003_and_wrong_methods_a_405()
    {
        AccountApi api = NewApi();

        ApiResult unknown = await api.Get("/investigate/x/y/z");
        ApiResult wrongMethod = await api.Send(HttpMethod.Delete, "/investigate");

        Assert.Equal(404, unknown.Status);
        Assert.Equal(7003, unknown.ErrorCode);
        Assert.StartsWith("Could not route to /accounts/", unknown.ErrorMessage, StringComparison.Ordinal);
        Assert.EndsWith("perhaps your object identifier is invalid?", unknown.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(405, wrongMethod.Status);
        Assert.False(wrongMethod.Json.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task Detail_endpoints_return_a_real_eml_png_and_trace()
    {
        AccountApi api = NewApi(messages: 200);
        JsonElement message = await api.First("final_disposition=MALICIOUS");
        string id = message.GetProperty("id").GetString()!;

        string raw = (await api.Get($"/investigate/{id}/raw")).Result.GetProperty("raw").GetString()!;
        byte[] png = Convert.FromBase64String(
            (await api.Get($"/investigate/{id}/preview")).Result.GetProperty("screenshot").GetString()!);
        byte[] pngByPostfix = Convert.FromBase64String(
            (await api.Post("/investigate/preview", new { postfix_id = message.GetProperty("postfix_id")
                .GetString() })).Result.GetProperty("screenshot").GetString()!);
        JsonElement detections = (await api.Get($"/investigate/{id}/detections")).Result;
        JsonElement trace = (await api.Get($"/investigate/{id}/trace")).Result;

        foreach (string header in new[] { "Received: ", "From: ", "To: ", "Subject: ", "Date: ", "Message-ID: ",
            "MIME-Version: 1.0", "Content-Type: " })
        {
            Assert.Contains("\r\n" + header, "\r\n" + raw);
        }
        Assert.Contains("Subject: " + message.GetProperty("subject").GetString(), raw);
        Assert.Contains("\r\n\r\n", raw);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png.Take(8));
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal("IEND", System.Text.Encoding.ASCII.GetString(png, png.Length - 8, 4));
        Assert.Equal(png, pngByPostfix);
        Assert.Equal("MALICIOUS", detections.GetProperty("final_disposition").GetString());
        Assert.NotEmpty(detections.GetProperty("findings").EnumerateArray());
        Assert.NotEmpty(detections.GetProperty("headers").EnumerateArray());
        List<JsonElement> lines = trace.GetProperty("inbound").GetProperty("lines").EnumerateArray().ToList();
        Assert.True(lines.Count >= 3);
        Assert.All(lines, l => Assert.False(l.TryGetProperty("ts", out _)));
        Assert.Contains(lines,
            l => l.GetProperty("message").GetString()!.StartsWith("Scanned", StringComparison.Ordinal));
        Assert.Contains("PREVIEW", (await api.Message(id)).GetProperty("post_delivery_operations").EnumerateArray()
            .Select(o => o.GetString()));
    }

    [Fact]
    public async Task A_move_shows_in_the_message_and_its_trace()
    {
        AccountApi api = NewApi();
        JsonElement message = await api.First("final_disposition=NONE");
        string id = message.GetProperty("id").GetString()!;

        ApiResult move = await api.Post($"/investigate/{id}/move", new { destination = "JunkEmail" });

        move.ShouldSucceed();
        List<JsonElement> entries = move.Result.EnumerateArray().ToList();
        Assert.Equal(message.GetProperty("to").GetArrayLength(), entries.Count);
        Assert.All(entries, e =>
        {
            Assert.True(e.GetProperty("success").GetBoolean());
            Assert.Equal("JunkEmail", e.GetProperty("destination").GetString());
            Assert.Equal(id, e.GetProperty("message_id").GetString());
            Assert.Equal("MOVE", e.GetProperty("operation").GetString());
            Assert.Equal("Success", e.GetProperty("status").GetString());
            Assert.EndsWith("@contoso.example", e.GetProperty("recipient").GetString()!);
            Assert.False(e.TryGetProperty("item_count", out _));
            Assert.False(e.TryGetProperty("completed_timestamp", out _));
        });
        JsonElement after = await api.Message(id);
        Assert.Contains("MOVE",
            after.GetProperty("post_delivery_operations").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(new[] { "moved" },
            after.GetProperty("delivery_status").EnumerateArray().Select(s => s.GetString()));
        JsonElement trace = (await api.Get($"/investigate/{id}/trace")).Result;
        Assert.Contains(trace.GetProperty("inbound").GetProperty("lines").EnumerateArray(),
            l => l.GetProperty("message").GetString() == "Moved to JunkEmail by API");
        Assert.Contains(await api.AllIds("message_action=MOVED"), moved => moved == id);
    }

    [Fact]
    public async Task A_bulk_move_moves_known_ids_and_reports_unknown_ones()
    {
        AccountApi api = NewApi();
        string id = (await api.First()).GetProperty("id").GetString()!;

        ApiResult move =
            await api.Post("/investigate/move", new { destination = "DeletedItems", ids = new[] { id, "missing-id" } });

        move.ShouldSucceed();
        List<JsonElement> entries = move.Result.EnumerateArray().ToList();
        Assert.All(entries.Where(e => e.GetProperty("message_id").GetString() == id),
            e => Assert.True(e.GetProperty("success").GetBoolean()));
        JsonElement missing = Assert.Single(entries, e => e.GetProperty("message_id").GetString() == "missing-id");
        Assert.False(missing.GetProperty("success").GetBoolean());
        Assert.Equal("Message not found", missing.GetProperty("status").GetString());
        Assert.Contains("MOVE", (await api.Message(id)).GetProperty("post_delivery_operations").EnumerateArray()
            .Select(o => o.GetString()));
    }

    [Fact]
    public async Task Move_bodies_are_validated()
    {
        AccountApi api = NewApi();
        string id = (await api.First()).GetProperty("id").GetString()!;

        (await api.Post($"/investigate/{id}/move", new { destination = "Trash" })).ShouldBeInvalid("destination");
        (await api.Post($"/investigate/{id}/move", new { })).ShouldBeInvalid("destination");
        (await api.Post("/investigate/move",
            new { destination = "Inbox", postfix_ids = new[] { "x" } })).ShouldBeInvalid("postfix_ids");
        (await api.Post("/investigate/move",
            new { destination = "Inbox", ids = Array.Empty<string>() })).ShouldBeInvalid("ids");
        (await api.Post("/investigate/move", new { destination = "Inbox" })).ShouldBeInvalid("ids");
        (await api.Send(HttpMethod.Post, "/investigate/move", "{not json")).ShouldBeInvalid("body");
        ApiResult invalid = await api.Post($"/investigate/{id}/move", new { destination = "Trash" });
        Assert.Equal("destination: must be one of Inbox, JunkEmail, DeletedItems, RecoverableItemsDeletions, " +
            "RecoverableItemsPurges", invalid.ErrorMessage);
    }

    [Fact]
    public async Task Release_delivers_quarantined_mail_once()
    {
        AccountApi api = NewApi(messages: 300);
        JsonElement quarantined = (await api.Get(
            "/investigate?per_page=1000&final_disposition=MALICIOUS")).Result.EnumerateArray()
            .First(m => m.GetProperty("is_quarantined").GetBoolean());
        JsonElement delivered = await api.First("final_disposition=NONE");
        string id = quarantined.GetProperty("id").GetString()!;
        string[] recipients = quarantined.GetProperty("to").EnumerateArray().Select(t => t.GetString()!).ToArray();

        ApiResult release = await api.Post("/investigate/release",
            new[] { id, delivered.GetProperty("id").GetString()!, "missing-id" });
        ApiResult again = await api.Post("/investigate/release", new[] { id });

        release.ShouldSucceed();
        JsonElement[] results = release.Result.EnumerateArray().ToArray();
        Assert.Equal(recipients, results[0].GetProperty("delivered").EnumerateArray().Select(d => d.GetString()));
        Assert.Empty(results[0].GetProperty("undelivered").EnumerateArray());
        Assert.False(results[0].TryGetProperty("postfix_id", out _));
        Assert.Empty(results[1].GetProperty("delivered").EnumerateArray());
        Assert.NotEmpty(results[1].GetProperty("undelivered").EnumerateArray());
        Assert.Equal(new[] { "missing-id" },
            results[2].GetProperty("failed").EnumerateArray().Select(f => f.GetString()));
        Assert.Empty(again.Result[0].GetProperty("delivered").EnumerateArray());
        JsonElement after = await api.Message(id);
        Assert.False(after.GetProperty("is_quarantined").GetBoolean());
        Assert.Contains("QUARANTINE_RELEASE",
            after.GetProperty("post_delivery_operations").EnumerateArray().Select(o => o.GetString()));
        Assert.Contains(await api.AllIds("message_action=QUARANTINE_RELEASED"), released => released == id);
        (await api.Post("/investigate/release", new { ids = new[] { id } })).ShouldBeInvalid("body");
    }

    [Fact]
    public async Task Reclassify_queues_a_team_submission()
    {
        AccountApi api = NewApi();
        JsonElement message = await api.First("final_disposition=NONE");
        string id = message.GetProperty("id").GetString()!;
        string postfixId = message.GetProperty("postfix_id").GetString()!;

        ApiResult reclassify = await api.Post($"/investigate/{id}/reclassify",
            new { expected_disposition = "SPAM", eml_content = Convert.ToBase64String("From: x"u8.ToArray()) });

        reclassify.ShouldSucceed();
        Assert.Equal(JsonValueKind.Object, reclassify.Result.ValueKind);
        Assert.Empty(reclassify.Result.EnumerateObject());
        ApiResult submissions = await api.Get("/submissions?per_page=1000&type=TEAM&requested_disposition=SPAM");
        Assert.Contains(submissions.Result.EnumerateArray(),
            s => s.GetProperty("original_postfix_id").GetString() == postfixId);
        Assert.Contains("SUBMISSION", (await api.Message(id)).GetProperty("post_delivery_operations").EnumerateArray()
            .Select(o => o.GetString()));
        (await api.Post($"/investigate/{id}/reclassify", new { expected_disposition = "HAM" })).ShouldBeInvalid(
            "expected_disposition");
        (await api.Post($"/investigate/{id}/reclassify", new { })).ShouldBeInvalid("expected_disposition");
        (await api.Post($"/investigate/{id}/reclassify",
            new { expected_disposition = "NONE", eml_content = "%%%" })).ShouldBeInvalid("eml_content");
    }

    [Fact]
    public async Task Requests_need_credentials_and_every_answer_carries_a_cf_ray()
    {
        AccountApi api = NewApi();

        ApiResult none = await api.Send(HttpMethod.Get, "/investigate", configure: r => r.Headers.Authorization = null);
        ApiResult invalid = await api.Send(HttpMethod.Get, "/investigate", configure: r => r.Headers.Authorization =
            new("Bearer", "invalid-token"));
        ApiResult keyOnly = await api.Send(HttpMethod.Get, "/investigate",
            configure: r => { r.Headers.Authorization = null; r.Headers.Add("X-Auth-Key", "k"); });
        ApiResult keyAndEmail = await api.Send(HttpMethod.Get, "/investigate", configure: r =>
        {
            r.Headers.Authorization = null;
            r.Headers.Add("X-Auth-Key", "global-key");
            r.Headers.Add("X-Auth-Email", "admin@contoso.example");
        });

        Assert.Equal(401, none.Status);
        Assert.Equal(10000, none.ErrorCode);
        Assert.Equal("Authentication error", none.ErrorMessage);
        Assert.Equal(403, invalid.Status);
        Assert.Equal(10000, invalid.ErrorCode);
        Assert.Equal(401, keyOnly.Status);
        keyAndEmail.ShouldSucceed();
        Assert.All(new[] { none, invalid, keyOnly, keyAndEmail }, r =>
        {
            Assert.Matches("^[0-9a-f]{16}-EMU$", r.Headers.GetValues("cf-ray").Single());
            Assert.Equal("application/json", r.ContentHeaders.ContentType!.MediaType);
        });
    }

    [Fact]
    public async Task Requests_are_recorded_in_arrival_order_with_what_was_sent()
    {
        AccountApi api = NewApi();
        string id = (await api.First()).GetProperty("id").GetString()!;
        api.Account.ClearRequests();

        await api.Get("/investigate?per_page=5&query=invoice+overdue");
        await api.Post($"/investigate/{id}/move", new { destination = "Inbox" });
        await api.Send(HttpMethod.Get, "/investigate", configure: r => r.Headers.Authorization = null);

        IReadOnlyList<RecordedRequest> requests = api.Account.Requests();
        Assert.Equal(new[] { 1, 2, 3 }, requests.Select(r => r.Seq));
        RecordedRequest search = requests[0];
        Assert.Equal("GET", search.Method);
        Assert.Equal("/investigate", search.Path);
        Assert.Equal("per_page=5&query=invoice+overdue", search.Query);
        Assert.Equal("invoice overdue", search.QueryParameters["query"]);
        Assert.Equal(
            $"/client/v4/accounts/{api.Account.Id}/email-security/investigate?per_page=5&query=invoice+overdue",
            search.RawTarget);
        Assert.Null(search.Body);
        Assert.Equal("Bearer emulator-test-token", search.Authorization);
        Assert.Equal("EmulatorTests/1.0", search.UserAgent);
        Assert.Equal(200, search.Status);
        Assert.Equal("ok", search.Outcome);
        Assert.True(DateTimeOffset.UtcNow - search.ReceivedAt < TimeSpan.FromMinutes(5));
        Assert.Equal($"/investigate/{id}/move", requests[1].Path);
        Assert.Null(requests[1].Query);
        Assert.Equal("{\"destination\":\"Inbox\"}", requests[1].Body);
        Assert.Equal(401, requests[2].Status);
        Assert.Null(requests[2].Authorization);

        api.Account.ClearRequests();
        Assert.Empty(api.Account.Requests());
    }

    [Fact]
    public async Task Requests_without_an_account_are_recorded_under_underscore()
    {
        var http = new HttpClient();
        string marker = Guid.NewGuid().ToString("N");

        HttpResponseMessage response = await http.GetAsync($"{emulator.ApiBaseUri}/user/tokens/verify?marker={marker}");

        Assert.Equal(401, (int)response.StatusCode);
        var log = new EmulatorAccount("_", emulator.ControlUri);
        Assert.Contains(log.Requests(),
            r => r.QueryParameters.GetValueOrDefault("marker") == marker && r.Status == 401);
    }
}
