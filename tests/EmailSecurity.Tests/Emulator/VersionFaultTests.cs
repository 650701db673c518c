using System.Text.Json;
using EmailSecurity.Tests.Infrastructure;
using Xunit;

namespace EmailSecurity.Tests.Emulator;

/// <summary>Fault rules work the same in both API versions and on the operations only 2026-10 has.</summary>
[Collection("Emulator")]
public sealed class VersionFaultTests
{
    private readonly EmulatorFixture emulator;

    public VersionFaultTests(EmulatorFixture emulator) => this.emulator = emulator;

    /// <summary>Each kind that answers a change, and whether the change is made.</summary>
    private static readonly (string Kind, bool Processed)[] ChangeKinds =
    {
        ("status", false), ("statusAfterProcessing", true), ("drop", false), ("dropAfterProcessing", true),
        ("dropMidBody", true), ("malformed", true), ("successFalse", false), ("delay", true),
    };

    public static TheoryData<string, string, bool> ReleaseFaults()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (string version in ApiVersionNames.All)
        {
            foreach ((string kind, bool processed) in ChangeKinds)
            {
                data.Add(version, kind, processed);
            }
        }
        return data;
    }

    public static TheoryData<string, bool> NewOperationFaults()
    {
        var data = new TheoryData<string, bool>();
        foreach ((string kind, bool processed) in ChangeKinds)
        {
            data.Add(kind, processed);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ReleaseFaults))]
    public async Task A_fault_on_a_release_in_either_version_processes_it_or_not_as_its_kind_says(
        string version,
        string kind,
        bool processed)
    {
        var api = new AccountApi(emulator, emulator.NewAccount(messages: 100, apiVersion: version));
        JsonElement quarantined = (await api.Get("/investigate?per_page=1000")).Result.EnumerateArray()
            .First(m => m.GetProperty("is_quarantined").GetBoolean());
        string id = quarantined.GetProperty("id").GetString()!;
        api.Account.SetFaults(new FaultRule(kind) { Method = "POST", Path = "/investigate/release", Status = 503,
            DelayMs = kind == "delay" ? 10 : null });

        await Answer(() => api.Post("/investigate/release", ApiOperations.ReleaseBody(version, id)));

        Assert.Equal(!processed, (await api.Message(id)).GetProperty("is_quarantined").GetBoolean());
        Assert.Equal("fault:" + kind, api.Account.Requests().Single(r => r.Method == "POST").Outcome);
    }

    [Theory]
    [MemberData(nameof(NewOperationFaults))]
    public async Task A_fault_on_a_bulk_job_create_or_a_batch_processes_it_or_not_as_its_kind_says(
        string kind,
        bool processed)
    {
        var api = new AccountApi(emulator, emulator.NewAccount(messages: 20, apiVersion: ApiVersionNames.V2026_10));
        api.Account.SetFaults(new FaultRule(kind) { Method = "POST", Path = "/investigate/bulk", Status = 500,
            DelayMs = kind == "delay" ? 10 : null },
            new FaultRule(kind) { Method = "POST", Path = "/settings/trusted_domains/batch", Status = 500,
                DelayMs = kind == "delay" ? 10 : null });
        int domains = (await api.Get("/settings/trusted_domains")).Result.GetArrayLength();

        await Answer(() => api.Post("/investigate/bulk", new { action = "RELEASE", search_params = new { } }));
        await Answer(() => api.Send(HttpMethod.Post, "/settings/trusted_domains/batch",
            ApiOperations.EmptyBatch(ApiOperations.CreateBodies["trusted_domains"])));

        Assert.Equal(processed ? 1 : 0, (await api.Get("/investigate/bulk")).Result.GetArrayLength());
        Assert.Equal(domains + (processed ? 1 : 0),
            (await api.Get("/settings/trusted_domains")).Result.GetArrayLength());
    }

    [Fact]
    public async Task Accepted_and_partial_results_work_on_2026_lists()
    {
        var api = new AccountApi(emulator, emulator.NewAccount(messages: 500, apiVersion: ApiVersionNames.V2026_10));
        ApiResult reports = await api.Get("/phishguard/reports?per_page=4");
        api.Account.SetFaults(
            new FaultRule("accepted") { Method = "GET", Path = "/investigate/bulk", PollCount = 1 },
            new FaultRule("partialResults") { Method = "GET", Path = "/phishguard/reports" });
        await ApiOperations.CreateJob(api);

        ApiResult accepted = await api.Get("/investigate/bulk");
        string location = accepted.Headers.Location!.OriginalString;
        using var http = new HttpClient();
        using var poll = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.ApiBaseUri, location));
        poll.Headers.Authorization = new("Bearer", "emulator-test-token");
        HttpResponseMessage polled = await http.SendAsync(poll);
        ApiResult partial = await api.Get("/phishguard/reports?per_page=4");

        Assert.Equal(202, accepted.Status);
        Assert.Equal(200, (int)polled.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await polled.Content.ReadAsStringAsync()).RootElement.GetProperty("result")
            .GetArrayLength());
        Assert.Equal(4, reports.Result.GetArrayLength());
        Assert.Equal(2, partial.Result.GetArrayLength());
    }

    /// <summary>
    /// Sends the request and swallows what a fault makes of the answer: an error status, a dropped connection, a cut
    /// body.
    /// </summary>
    private static async Task Answer(Func<Task<ApiResult>> send)
    {
        try
        {
            await send();
        }
        catch (Exception error) when (error is HttpRequestException or IOException)
        {
        }
    }
}
