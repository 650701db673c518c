using System.Diagnostics;
using System.Text.Json;
using EmailSecurity.Tests.Infrastructure;
using Xunit;

namespace EmailSecurity.Tests.Emulator;

/// <summary>Each fault kind of the emulator, and how rules match and run out.</summary>
[Collection("Emulator")]
public sealed class FaultTests
{
    private readonly EmulatorFixture emulator;

    public FaultTests(EmulatorFixture emulator) => this.emulator = emulator;

    private async Task<(AccountApi Api, string Id)> NewApiWithMessage()
    {
        var api = new AccountApi(emulator, emulator.NewAccount());
        string id = (await api.First("final_disposition=NONE")).GetProperty("id").GetString()!;
        return (api, id);
    }

    private static async Task<bool> WasMoved(AccountApi api, string id) =>
        (await api.Message(id)).GetProperty("post_delivery_operations").EnumerateArray()
            .Any(o => o.GetString() == "MOVE");

    private static Task<ApiResult> Move(AccountApi api, string id) =>
        api.Post($"/investigate/{id}/move", new { destination = "JunkEmail" });

    [Fact]
    public async Task Status_answers_with_an_error_envelope_and_does_not_process()
    {
        var (api, id) = await NewApiWithMessage();
        api.Account.SetFaults(new FaultRule("status") { Method = "POST", Status = 429, RetryAfter = "7" });

        ApiResult result = await Move(api, id);

        Assert.Equal(429, result.Status);
        Assert.Equal("7", result.Headers.RetryAfter!.ToString());
        Assert.False(result.Json.GetProperty("success").GetBoolean());
        Assert.Equal(971, result.ErrorCode);
        Assert.Matches("^[0-9a-f]{16}-EMU$", result.Headers.GetValues("cf-ray").Single());
        Assert.False(await WasMoved(api, id));
        RecordedRequest recorded = api.Account.Requests().Single(r => r.Method == "POST");
        Assert.Equal(429, recorded.Status);
        Assert.Equal("fault:status", recorded.Outcome);
    }

    [Fact]
    public async Task Redirect_answers_the_status_and_location_with_the_target_filled_in_and_does_not_process()
    {
        var (api, id) = await NewApiWithMessage();
        api.Account.SetFaults(
            new FaultRule("redirect") { Method = "POST", Status = 308, Location = "http://localhost:1{target}" });

        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var move = new HttpRequestMessage(HttpMethod.Post, api.Url($"/investigate/{id}/move"))
        {
            Content =
                new StringContent("{\"destination\":\"JunkEmail\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        move.Headers.Authorization =
            new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "emulator-test-token");

        using HttpResponseMessage result = await noRedirects.SendAsync(move);

        Assert.Equal(308, (int)result.StatusCode);
        Assert.Equal($"http://localhost:1/client/v4/accounts/{api.Account.Id}/email-security/investigate/{id}/move",
            result.Headers.Location!.OriginalString);
        Assert.Equal(string.Empty, await result.Content.ReadAsStringAsync());
        Assert.False(await WasMoved(api, id));
        Assert.Equal("fault:redirect", api.Account.Requests().Single(r => r.Method == "POST").Outcome);
    }

    [Fact]
    public async Task NoResultInfo_sends_a_list_without_its_result_info()
    {
        var api = new AccountApi(emulator, emulator.NewAccount(messages: 30));
        api.Account.SetFaults(new FaultRule("noResultInfo") { Path = "/investigate" });

        ApiResult page = await api.Get("/investigate?per_page=10");
        ApiResult next = await api.Get("/investigate?per_page=10");

        Assert.Equal(10, page.Result.GetArrayLength());
        Assert.False(page.Json.TryGetProperty("result_info", out _));
        Assert.True(next.Json.TryGetProperty("result_info", out _));
    }

    [Fact]
    public async Task RetypedFields_replaces_the_named_fields_of_each_result_item_that_has_them()
    {
        var api = new AccountApi(emulator, emulator.NewAccount());
        api.Account.SetFaults(new FaultRule("retypedFields") { Path = "/settings/block_senders", Fields =
            new() { ["id"] = 4711, ["is_regex"] = "yes", ["no_such_field"] = 1 } });

        ApiResult list = await api.Get("/settings/block_senders");

        Assert.All(list.Result.EnumerateArray(), item =>
        {
            Assert.Equal(4711, item.GetProperty("id").GetInt32());
            Assert.Equal("yes", item.GetProperty("is_regex").GetString());
            Assert.False(item.TryGetProperty("no_such_field", out _));
        });
        Assert.Equal("fault:retypedFields", api.Account.Requests().Single().Outcome);
    }

    [Fact]
    public async Task Status_uses_the_given_error_code_and_message()
    {
        var (api, _) = await NewApiWithMessage();
        api.Account.SetFaults(
            new FaultRule("status") { Status = 502, ErrorCode = 1234, ErrorMessage = "upstream went away" });

        ApiResult result = await api.Get("/investigate");

        Assert.Equal(502, result.Status);
        Assert.Equal(1234, result.ErrorCode);
        Assert.Equal("upstream went away", result.ErrorMessage);
    }

    [Fact]
    public async Task StatusAfterProcessing_processes_then_answers_with_an_error()
    {
        var (api, id) = await NewApiWithMessage();
        api.Account.SetFaults(new FaultRule("statusAfterProcessing") { Method = "POST", Status = 503 });

        ApiResult result = await Move(api, id);

        Assert.Equal(503, result.Status);
        Assert.False(result.Json.GetProperty("success").GetBoolean());
        Assert.True(await WasMoved(api, id));
    }

    [Fact]
    public async Task Drop_closes_the_connection_without_processing()
    {
        var (api, id) = await NewApiWithMessage();
        api.Account.SetFaults(new FaultRule("drop") { Method = "POST" });

        await Assert.ThrowsAsync<HttpRequestException>(() => Move(api, id));

        Assert.False(await WasMoved(api, id));
        RecordedRequest recorded = api.Account.Requests().Single(r => r.Method == "POST");
        Assert.Equal(0, recorded.Status);
        Assert.Equal("fault:drop", recorded.Outcome);
    }

    [Fact]
    public async Task DropAfterProcessing_processes_then_closes_the_connection()
    {
        var (api, id) = await NewApiWithMessage();
        api.Account.SetFaults(new FaultRule("dropAfterProcessing") { Method = "POST" });

        await Assert.ThrowsAsync<HttpRequestException>(() => Move(api, id));

        Assert.True(await WasMoved(api, id));
    }

    [Fact]
    public async Task DropMidBody_processes_and_sends_half_a_body_before_closing()
    {
        var (api, id) = await NewApiWithMessage();
        api.Account.SetFaults(new FaultRule("dropMidBody") { Method = "POST" });

        Exception error = await Assert.ThrowsAnyAsync<Exception>(() => Move(api, id));

        Assert.True(error is HttpRequestException or IOException, error.ToString());
        Assert.True(await WasMoved(api, id));
        RecordedRequest recorded = api.Account.Requests().Single(r => r.Method == "POST");
        Assert.Equal(200, recorded.Status);
        Assert.Equal("fault:dropMidBody", recorded.Outcome);
    }

    [Fact]
    public async Task Malformed_answers_200_with_a_body_that_is_not_json()
    {
        var (api, _) = await NewApiWithMessage();
        api.Account.SetFaults(new FaultRule("malformed") { Path = "/investigate" });

        ApiResult result = await api.Get("/investigate");

        Assert.Equal(200, result.Status);
        Assert.StartsWith("{\"success\":true", result.Body, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(result.Body));
    }

    [Fact]
    public async Task WrongShape_processes_and_answers_200_with_the_result_alone_without_the_envelope()
    {
        var (api, id) = await NewApiWithMessage();
        api.Account.SetFaults(new FaultRule("wrongShape") { Method = "POST", Times = 2 });

        ApiResult moved = await Move(api, id);
        ApiResult reclassified = await api.Post($"/investigate/{id}/reclassify", new { expected_disposition = "NONE" });

        Assert.Equal(200, moved.Status);
        Assert.Equal(JsonValueKind.Array, moved.Json.ValueKind);
        Assert.Equal(id, moved.Json[0].GetProperty("message_id").GetString());
        Assert.True(await WasMoved(api, id));
        Assert.Equal(200, reclassified.Status);
        Assert.Equal("{}", reclassified.Body);
    }

    [Fact]
    public async Task SuccessFalse_answers_200_with_an_error_and_does_not_process()
    {
        var (api, id) = await NewApiWithMessage();
        api.Account.SetFaults(
            new FaultRule("successFalse") { Method = "POST", ErrorCode = 1001, ErrorMessage = "try again" });

        ApiResult result = await Move(api, id);

        Assert.Equal(200, result.Status);
        Assert.False(result.Json.GetProperty("success").GetBoolean());
        Assert.Equal(JsonValueKind.Null, result.Result.ValueKind);
        Assert.Equal(1001, result.ErrorCode);
        Assert.Equal("try again", result.ErrorMessage);
        Assert.False(await WasMoved(api, id));
    }

    [Fact]
    public async Task Delay_waits_and_then_answers_normally()
    {
        var (api, _) = await NewApiWithMessage();
        api.Account.SetFaults(new FaultRule("delay") { DelayMs = 400, Times = 0 });
        api.Account.ClearRequests();

        var clock = Stopwatch.StartNew();
        ApiResult first = await api.Get("/investigate?per_page=1");
        ApiResult second = await api.Get("/investigate?per_page=1");
        clock.Stop();

        first.ShouldSucceed();
        second.ShouldSucceed();
        Assert.True(clock.ElapsedMilliseconds >= 800, $"two delayed calls took {clock.ElapsedMilliseconds} ms");
        Assert.All(api.Account.Requests(), r => Assert.Equal("fault:delay", r.Outcome));
    }

    [Fact]
    public async Task StaleCursor_hands_back_the_cursor_that_was_sent()
    {
        var (api, _) = await NewApiWithMessage();
        ApiResult first = await api.Get("/investigate?per_page=10");
        string next = first.Json.GetProperty("result_info").GetProperty("next").GetString()!;
        api.Account.SetFaults(new FaultRule("staleCursor") { Times = 0 });

        ApiResult second = await api.Get("/investigate?per_page=10&cursor=" + Uri.EscapeDataString(next));
        ApiResult restart = await api.Get("/investigate?per_page=10");
        ApiResult followed = await api.Get("/investigate?per_page=10&cursor=" +
            Uri.EscapeDataString(restart.Json.GetProperty("result_info").GetProperty("next").GetString()!));

        second.ShouldSucceed();
        Assert.Equal(10, second.Result.GetArrayLength());
        Assert.Equal(next, second.Json.GetProperty("result_info").GetProperty("next").GetString());
        Assert.Equal(Ids(first), Ids(followed));
    }

    [Fact]
    public async Task EmptyPageWithNext_answers_an_empty_page_whose_next_continues_where_the_request_was()
    {
        var (api, _) = await NewApiWithMessage();
        ApiResult expected = await api.Get("/investigate?per_page=10");
        api.Account.SetFaults(new FaultRule("emptyPageWithNext"));

        ApiResult empty = await api.Get("/investigate?per_page=10");
        ApiResult continued = await api.Get("/investigate?per_page=10&cursor=" +
            Uri.EscapeDataString(empty.Json.GetProperty("result_info").GetProperty("next").GetString()!));

        empty.ShouldSucceed();
        Assert.Equal(0, empty.Result.GetArrayLength());
        Assert.Equal(0, empty.Json.GetProperty("result_info").GetProperty("count").GetInt32());
        Assert.Equal(Ids(expected), Ids(continued));
    }

    [Fact]
    public async Task ForeignResultIds_renames_each_result_of_a_processed_bulk_move()
    {
        var (api, _) = await NewApiWithMessage();
        var ids = Ids(await api.Get("/investigate?per_page=3"));
        api.Account.SetFaults(new FaultRule("foreignResultIds"));

        ApiResult moved = await api.Post("/investigate/move", new { destination = "JunkEmail", ids });

        moved.ShouldSucceed();
        Assert.Equal(
            ids.Select(id => $"<{id}@emulator.invalid>").Order(),
            moved.Result.EnumerateArray().Select(r => r.GetProperty("message_id").GetString()!).Distinct().Order());
        foreach (var id in ids)
        {
            Assert.True(await WasMoved(api, id));
        }
    }

    [Fact]
    public async Task PartialResults_leaves_out_the_second_half_of_the_results_of_a_processed_bulk_move()
    {
        var (api, _) = await NewApiWithMessage();
        var ids = Ids(await api.Get("/investigate?per_page=4"));
        api.Account.SetFaults(new FaultRule("partialResults"));

        ApiResult partial = await api.Post("/investigate/move", new { destination = "JunkEmail", ids });
        ApiResult whole = await api.Post("/investigate/move", new { destination = "DeletedItems", ids });

        partial.ShouldSucceed();
        Assert.True(whole.Result.GetArrayLength() >= ids.Count);
        Assert.Equal(whole.Result.GetArrayLength() / 2, partial.Result.GetArrayLength());
        Assert.Equal(new[] { "fault:partialResults", "ok" },
            api.Account.Requests().Where(r => r.Method == "POST").Select(r => r.Outcome));
        foreach (var id in ids)
        {
            Assert.True(await WasMoved(api, id));
        }
    }

    [Fact]
    public async Task Rules_skip_then_apply_a_number_of_times_and_match_on_method_and_path()
    {
        var (api, _) = await NewApiWithMessage();
        api.Account.SetFaults(
            new FaultRule("status") { Method = "POST", Status = 500, Times = 0 },
            new FaultRule("status") { Path = "/investigate", Status = 503, Skip = 1, Times = 2 });
        api.Account.ClearRequests();

        var statuses = new List<int>();
        for (int i = 0; i < 5; i++)
        {
            statuses.Add((await api.Get("/investigate?per_page=1")).Status);
        }
        int other = (await api.Get("/submissions")).Status;

        Assert.Equal(new[] { 200, 503, 503, 200, 200 }, statuses);
        Assert.Equal(200, other);
        Assert.Equal(new[] { "ok", "fault:status", "fault:status", "ok", "ok", "ok" },
            api.Account.Requests().Select(r => r.Outcome));
    }

    [Fact]
    public async Task Clearing_faults_and_replacing_them_takes_effect_at_once()
    {
        var (api, _) = await NewApiWithMessage();
        api.Account.SetFaults(new FaultRule("status") { Status = 500, Times = 0 });
        Assert.Equal(500, (await api.Get("/investigate")).Status);

        api.Account.ClearFaults();
        Assert.Equal(200, (await api.Get("/investigate")).Status);

        api.Account.SetFaults(new FaultRule("status") { Status = 502, Times = 0 });
        api.Account.SetFaults(new FaultRule("status") { Status = 504, Times = 0 });
        Assert.Equal(504, (await api.Get("/investigate")).Status);
    }

    [Fact]
    public async Task Faults_stay_within_their_account()
    {
        var (faulty, _) = await NewApiWithMessage();
        var (healthy, _) = await NewApiWithMessage();
        faulty.Account.SetFaults(new FaultRule("status") { Status = 500, Times = 0 });

        Assert.Equal(500, (await faulty.Get("/investigate")).Status);
        Assert.Equal(200, (await healthy.Get("/investigate")).Status);
    }

    [Fact]
    public void An_unknown_kind_is_refused()
    {
        EmulatorAccount account = emulator.NewAccount();

        var error = Assert.Throws<InvalidOperationException>(() => account.SetFaults(new FaultRule("explode")));

        Assert.Contains("400", error.Message);
        Assert.Contains("kind", error.Message);
    }

    private static List<string> Ids(ApiResult page) =>
        page.Result.EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToList();
}
