using System.Text.Json;
using EmailSecurity.Tests.Infrastructure;
using Xunit;

namespace EmailSecurity.Tests.Emulator;

/// <summary>
/// Bulk action jobs (2026-10): what they act on, their lifecycle and counters, cancel, delete, lists and validation.
/// </summary>
[Collection("Emulator")]
public sealed class BulkJobTests
{
    private static readonly string[] Counters =
        { "messages_pending", "messages_successful", "messages_failed", "messages_skipped", "messages_cancelled" };

    /// <summary>Every field of the reference's bulk action job object, and of a job's message entry.</summary>
    private static readonly string[] JobKeys =
    {
        "job_id", "action_type", "action_params", "created_at", "status", "search_params", "total_messages_discovered",
        "messages_pending", "messages_successful", "messages_failed", "messages_skipped", "messages_cancelled",
        "comment",
        "started_at", "completed_at", "status_message",
    };

    private static readonly string[] EntryKeys =
    {
        "action_type", "action_params", "created_at", "message_id", "postfix_id", "retry_count", "status", "alert_id",
        "email_message_id", "message", "processed_at", "retry_after", "status_message",
    };

    private readonly EmulatorFixture emulator;

    public BulkJobTests(EmulatorFixture emulator) => this.emulator = emulator;

    private AccountApi NewApi(int messages = 300, int perStep = 25, bool advanceOnGet = true)
    {
        var account = new EmulatorAccount(Guid.NewGuid().ToString("N"), emulator.ControlUri);
        account.Reset(messages, 1, apiVersion: ApiVersionNames.V2026_10, bulkJobMessagesPerStep: perStep,
            bulkJobsAdvanceOnGet: advanceOnGet);
        return new AccountApi(emulator, account);
    }

    [Fact]
    public async Task A_move_job_acts_on_exactly_what_the_search_finds_step_by_step_with_counters_that_add_up()
    {
        AccountApi api = NewApi(perStep: 3);
        List<JsonElement> found =
            (await api.Get("/investigate?per_page=1000&final_disposition=MALICIOUS")).Result.EnumerateArray().ToList();
        var search = new { final_disposition = "MALICIOUS" };

        ApiResult created = await api.Post("/investigate/bulk",
            new { action = "MOVE", destination = "JunkEmail", comment = "Sweep", search_params = search });
        created.ShouldSucceed();
        string job = created.Result.GetProperty("job_id").GetString()!;
        List<JsonElement> polls = await PollUntilFinished(api, job);

        JsonElement first = created.Result;
        Assert.Equal(JobKeys, first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("PENDING", first.GetProperty("status").GetString());
        Assert.Equal("""{"final_disposition":"MALICIOUS"}""", first.GetProperty("search_params").GetRawText());
        Assert.Equal("""{"type":"MOVE","destination":"JunkEmail","expected_disposition":null}""",
            first.GetProperty("action_params").GetRawText());
        Assert.Equal("Sweep", first.GetProperty("comment").GetString());
        Assert.All(Counters.Append("total_messages_discovered"), c => Assert.Equal(0, first.GetProperty(c).GetInt32()));
        Assert.All(polls.Prepend(first), CountersAddUp);
        List<string> statuses = polls.Select(p => p.GetProperty("status").GetString()!).ToList();
        Assert.Equal(new[] { "DISCOVERING", "PROCESSING", "COMPLETED" }, statuses.Distinct());
        int toAct = polls[0].GetProperty("messages_pending").GetInt32();
        Assert.Equal(toAct, polls[0].GetProperty("total_messages_discovered")
            .GetInt32() - polls[0].GetProperty("messages_skipped").GetInt32());
        List<int> pendingWhileProcessing = polls.Where(p => p.GetProperty("status").GetString() == "PROCESSING")
            .Select(p => p.GetProperty("messages_pending").GetInt32()).ToList();
        // 3 per step, a message's 3 mailboxes at most
        Assert.InRange(pendingWhileProcessing.Count, (toAct + 4) / 5, (toAct + 2) / 3);
        Assert.All(pendingWhileProcessing.Prepend(toAct).Zip(pendingWhileProcessing),
            step => Assert.InRange(step.First - step.Second, 3, 5));
        Assert.Equal(0, pendingWhileProcessing[^1]);

        JsonElement done = polls[^1];
        List<JsonElement> entries = await AllMessages(api, job);
        Assert.Equal(found.Select(m => m.GetProperty("id").GetString()).Order(),
            entries.Select(e => e.GetProperty("message_id").GetString()).Distinct().Order());
        Assert.Equal(found.Sum(m => m.GetProperty("to").GetArrayLength()), entries.Count);
        Assert.Equal(entries.Count, done.GetProperty("total_messages_discovered").GetInt32());
        foreach (JsonElement message in found)
        {
            string expected = message.GetProperty("is_phish_submission").GetBoolean() ? "SKIPPED"
                : message.GetProperty("is_quarantined").GetBoolean() ? "FAILED" : "COMPLETED";
            JsonElement now = await api.Message(message.GetProperty("id").GetString()!);
            Assert.All(
                entries.Where(e => e.GetProperty("message_id").GetString() == message.GetProperty("id").GetString()),
                e => Assert.Equal(expected, e.GetProperty("status").GetString()));
            string[] delivery =
                now.GetProperty("delivery_status").EnumerateArray().Select(s => s.GetString()!).ToArray();
            Assert.Equal(expected switch { "COMPLETED" => new[] { "moved" }, "FAILED" => new[] { "quarantined",
                "move_failed" }, _ => delivery }, delivery);
        }
        Assert.Contains(entries, e => e.GetProperty("status").GetString() == "FAILED");
        Assert.Contains(entries, e => e.GetProperty("status").GetString() == "COMPLETED");
        foreach (string status in new[] { "COMPLETED", "FAILED", "SKIPPED" })
        {
            int listed = (await AllMessages(api, job, "status=" + status)).Count;
            Assert.Equal(entries.Count(e => e.GetProperty("status").GetString() == status), listed);
        }
        Assert.Equal(entries.Count(e => e.GetProperty("status").GetString() == "COMPLETED"),
            done.GetProperty("messages_successful").GetInt32());
        Assert.Equal(JsonValueKind.String, done.GetProperty("started_at").ValueKind);
        Assert.Equal(JsonValueKind.String, done.GetProperty("completed_at").ValueKind);
        JsonElement entry = entries.First(e => e.GetProperty("status").GetString() == "COMPLETED");
        Assert.Equal(EntryKeys, entry.EnumerateObject().Select(p => p.Name));
        Assert.Equal("MOVE", entry.GetProperty("action_params").GetProperty("type").GetString());
        Assert.EndsWith("@contoso.example",
            entry.GetProperty("action_params").GetProperty("client_recipient").GetString()!);
        Assert.Equal(entry.GetProperty("message_id").GetString(),
            entry.GetProperty("message").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.String, entry.GetProperty("processed_at").ValueKind);
    }

    [Fact]
    public async Task A_release_job_releases_what_is_quarantined_and_skips_the_rest()
    {
        AccountApi api = NewApi();
        List<JsonElement> found =
            (await api.Get("/investigate?per_page=1000&final_disposition=MALICIOUS")).Result.EnumerateArray().ToList();
        string job = (await api.Post("/investigate/bulk",
            new { action = "RELEASE", search_params = new { final_disposition = "MALICIOUS" } }))
            .Result.GetProperty("job_id").GetString()!;

        JsonElement done = (await PollUntilFinished(api, job))[^1];

        Assert.Equal("COMPLETED", done.GetProperty("status").GetString());
        Assert.Equal("""{"type":"RELEASE"}""", done.GetProperty("action_params").GetRawText());
        int quarantined = found.Where(
            m => m.GetProperty("is_quarantined").GetBoolean() && !m.GetProperty("is_phish_submission").GetBoolean())
            .Sum(m => m.GetProperty("to").GetArrayLength());
        Assert.True(quarantined > 0);
        Assert.Equal(quarantined, done.GetProperty("messages_successful").GetInt32());
        Assert.Equal(found.Sum(m => m.GetProperty("to").GetArrayLength()) - quarantined,
            done.GetProperty("messages_skipped").GetInt32());
        Assert.Empty(await api.AllIds("per_page=1000&final_disposition=MALICIOUS&delivery_status=quarantined"));
    }

    [Fact]
    public async Task Cancel_stops_a_running_job_leaving_the_rest_undone_and_only_a_finished_job_can_be_deleted()
    {
        AccountApi api = NewApi(perStep: 2, advanceOnGet: false);
        string job = await ApiOperations.CreateJob(api, new { final_disposition = "NONE" });
        api.Account.AdvanceBulkJobs(steps: 2);
        JsonElement running = (await api.Get("/investigate/bulk/" + job)).Result;

        ApiResult deleteRunning = await api.Delete("/investigate/bulk/" + job);
        ApiResult cancelled = await api.Send(HttpMethod.Post, $"/investigate/bulk/{job}/cancel");
        ApiResult cancelAgain = await api.Send(HttpMethod.Post, $"/investigate/bulk/{job}/cancel");
        api.Account.AdvanceBulkJobs();
        JsonElement after = (await api.Get("/investigate/bulk/" + job)).Result;
        List<JsonElement> entries = await AllMessages(api, job);

        Assert.Equal("PROCESSING", running.GetProperty("status").GetString());
        Assert.InRange(running.GetProperty("messages_successful").GetInt32(), 2, 4); // 2 per step, and a message whole
        Assert.Equal(409, deleteRunning.Status);
        cancelled.ShouldSucceed();
        JsonElement job1 = cancelled.Result;
        Assert.Equal("CANCELLED", job1.GetProperty("status").GetString());
        Assert.Equal(0, job1.GetProperty("messages_pending").GetInt32());
        Assert.Equal(running.GetProperty("messages_pending").GetInt32(),
            job1.GetProperty("messages_cancelled").GetInt32());
        CountersAddUp(job1);
        Assert.Equal(409, cancelAgain.Status);
        Assert.Equal(job1.GetRawText(), after.GetRawText());
        foreach (JsonElement entry in entries.Where(e => e.GetProperty("status").GetString() == "CANCELLED"))
        {
            JsonElement message = await api.Message(entry.GetProperty("message_id").GetString()!);
            Assert.DoesNotContain("moved",
                message.GetProperty("delivery_status").EnumerateArray().Select(s => s.GetString()));
        }
        ApiResult deleted = await api.Delete("/investigate/bulk/" + job);
        deleted.ShouldSucceed();
        Assert.Equal(job, deleted.Result.GetProperty("id").GetString());
        Assert.Equal(404, (await api.Get("/investigate/bulk/" + job)).Status);
        Assert.Equal(0, (await api.Get("/investigate/bulk")).Result.GetArrayLength());
    }

    [Fact]
    public async Task Without_advance_on_get_a_job_moves_only_when_the_control_API_says()
    {
        AccountApi api = NewApi(perStep: 1000, advanceOnGet: false);
        string job = await ApiOperations.CreateJob(api);

        string polled = (await api.Get("/investigate/bulk/" + job)).Result.GetProperty("status").GetString()!;
        IReadOnlyList<(string JobId, string Status)> oneStep = api.Account.AdvanceBulkJobs(steps: 1);
        IReadOnlyList<(string JobId, string Status)> twoSteps = api.Account.AdvanceBulkJobs(steps: 1);
        IReadOnlyList<(string JobId, string Status)> finished = api.Account.AdvanceBulkJobs();

        Assert.Equal("PENDING", polled);
        Assert.Equal((job, "DISCOVERING"), oneStep.Single());
        Assert.Equal((job, "PROCESSING"), twoSteps.Single());
        Assert.Equal((job, "COMPLETED"), finished.Single());
        Assert.Equal("COMPLETED", (await api.Get("/investigate/bulk/" + job)).Result.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Jobs_list_newest_first_filter_by_status_and_action_and_page()
    {
        AccountApi api = NewApi(advanceOnGet: false);
        string move = await ApiOperations.CreateJob(api);
        api.Account.AdvanceBulkJobs();
        string release = (await api.Post("/investigate/bulk",
            new { action = "RELEASE", search_params = new { } })).Result.GetProperty("job_id").GetString()!;

        Assert.Equal(new[] { release, move }, JobIds(await api.Get("/investigate/bulk")));
        Assert.Equal(new[] { move }, JobIds(await api.Get("/investigate/bulk?action_type=MOVE")));
        Assert.Equal(new[] { release }, JobIds(await api.Get("/investigate/bulk?status=PENDING")));
        Assert.Equal(new[] { move }, JobIds(await api.Get("/investigate/bulk?status=COMPLETED&action_type=MOVE")));
        ApiResult second = await api.Get("/investigate/bulk?per_page=1&page=2");
        Assert.Equal(new[] { move }, JobIds(second));
        Assert.Equal(2, second.Json.GetProperty("result_info").GetProperty("total_count").GetInt32());
        (await api.Get("/investigate/bulk?status=RUNNING")).ShouldBeInvalid("status");
        (await api.Get("/investigate/bulk?action_type=DELETE")).ShouldBeInvalid("action_type");
        (await api.Get($"/investigate/bulk/{move}/messages?status=DONE")).ShouldBeInvalid("status");
        ApiResult page = await api.Get($"/investigate/bulk/{move}/messages?per_page=2&page=2");
        Assert.Equal(2, page.Result.GetArrayLength());
        Assert.Equal(
            (await AllMessages(api, move)).Skip(2).Take(2).Select(e => e.GetRawText()),
            page.Result.EnumerateArray().Select(e => e.GetRawText()));
    }

    [Fact]
    public async Task Search_params_take_exact_subject_ten_dispositions_and_submissions()
    {
        AccountApi api = NewApi(perStep: 1000);
        JsonElement sample = await api.First("final_disposition=SPAM");
        string subject = sample.GetProperty("subject").GetString()!;
        List<string> submitted = (await api.Get("/submissions?per_page=1000")).Result.EnumerateArray()
            .Select(s => s.GetProperty("original_postfix_id").GetString()!).ToList();

        List<JsonElement> exact = await Discovered(api, new { exact_subject = subject });
        List<JsonElement> bec = await Discovered(api, new { final_disposition = "MALICIOUS-BEC" });
        List<JsonElement> submissions = await Discovered(api, new { submissions = true });

        Assert.NotEmpty(exact);
        Assert.All(exact, e => Assert.Equal(subject, e.GetProperty("message").GetProperty("subject").GetString()));
        Assert.Empty(bec);
        Assert.NotEmpty(submissions);
        Assert.All(submissions, e => Assert.Contains(e.GetProperty("postfix_id").GetString(), submitted));
    }

    public static TheoryData<string, string> InvalidCreates() => new()
    {
        { "{}", "action" },
        { """{"action":"DELETE","search_params":{}}""", "action" },
        { """{"action":"MOVE","search_params":{}}""", "destination" },
        { """{"action":"MOVE","destination":"Archive","search_params":{}}""", "destination" },
        { """{"action":"RELEASE"}""", "search_params" },
        { """{"action":"RELEASE","search_params":[]}""", "search_params" },
        { """{"action":"RELEASE","expected_disposition":"WRONG","search_params":{}}""", "expected_disposition" },
        { """{"action":"RELEASE","search_params":{"final_disposition":"EVIL"}}""", "search_params.final_disposition" },
        { """{"action":"RELEASE","search_params":{"start":"yesterday"}}""", "search_params.start" },
        { """{"action":"RELEASE","search_params":{"detections_only":"yes"}}""", "search_params.detections_only" },
        { """{"action":"RELEASE","search_params":{"sender":5}}""", "search_params.sender" },
        { """{"action":"RELEASE","search_params":{"delivery_status":"lost"}}""", "search_params.delivery_status" },
    };

    [Theory]
    [MemberData(nameof(InvalidCreates))]
    public async Task An_invalid_job_is_a_400_naming_the_field_and_nothing_is_created(string body, string field)
    {
        AccountApi api = NewApi(messages: 20);
        string before = await api.Snapshot();

        ApiResult result = await api.Send(HttpMethod.Post, "/investigate/bulk", body);

        result.ShouldBeInvalid(field);
        Assert.Equal(before, await api.Snapshot());
    }

    [Fact]
    public async Task An_unknown_job_is_a_404_on_every_job_route()
    {
        AccountApi api = NewApi(messages: 20);
        string job = "/investigate/bulk/" + Guid.NewGuid();

        foreach (ApiResult result in new[]
        {
            await api.Get(job), await api.Delete(job), await api.Send(HttpMethod.Post, job + "/cancel"),
            await api.Get(job + "/messages"),
        })
        {
            Assert.Equal(404, result.Status);
            Assert.Equal("Bulk action job not found", result.ErrorMessage);
        }
    }

    private static void CountersAddUp(JsonElement job) =>
        Assert.Equal(job.GetProperty("total_messages_discovered").GetInt32(),
            Counters.Sum(c => job.GetProperty(c).GetInt32()));

    private static async Task<List<JsonElement>> PollUntilFinished(AccountApi api, string job)
    {
        var polls = new List<JsonElement>();
        string status;
        do
        {
            ApiResult poll = await api.Get("/investigate/bulk/" + job);
            poll.ShouldSucceed();
            polls.Add(poll.Result);
            status = poll.Result.GetProperty("status").GetString()!;
        }
        while (status is "PENDING" or "DISCOVERING" or "PROCESSING" && polls.Count < 500);
        return polls;
    }

    private static async Task<List<JsonElement>> AllMessages(AccountApi api, string job, string query = "")
    {
        ApiResult page = await api.Get($"/investigate/bulk/{job}/messages?per_page=1000&{query}");
        page.ShouldSucceed();
        return page.Result.EnumerateArray().ToList();
    }

    /// <summary>The messages a new job with these search params discovers.</summary>
    private static async Task<List<JsonElement>> Discovered(AccountApi api, object searchParams)
    {
        string job = (await api.Post("/investigate/bulk",
            new { action = "RELEASE", search_params = searchParams })).Result.GetProperty("job_id").GetString()!;
        await api.Get("/investigate/bulk/" + job);
        return await AllMessages(api, job);
    }

    private static List<string> JobIds(ApiResult list) =>
        list.Result.EnumerateArray().Select(j => j.GetProperty("job_id").GetString()!).ToList();
}
