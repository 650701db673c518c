using System.Text.Json;
using EmailSecurity.Tests.Infrastructure;
using Xunit;

namespace EmailSecurity.Tests.Emulator;

/// <summary>
/// Every endpoint answers in the shape of its seed example (tests/EmailSecurity.Tests/Fixtures/seed): the same
/// top-level keys, and result objects carrying every key of the example except those past their end of life.
/// </summary>
[Collection("Emulator")]
public sealed class SeedShapeTests
{
    private static readonly string[] MessageEndOfLife = { "ts", "action_log", "findings" };
    private static readonly string[] MoveEndOfLife = { "completed_timestamp", "item_count" };
    private static readonly string[] SettingsEndOfLife = { "last_modified", "is_recipient", "is_sender", "is_spoof" };

    private static readonly Dictionary<string, string> CreateBodies = new()
    {
        [
            "allow_policies"] =
            """{"is_acceptable_sender":false,"is_exempt_recipient":false,"is_regex":false,"is_trusted_sender":true,"pattern":"test@example.com","pattern_type":"EMAIL","verify_sender":true,"comments":"Trust test@example.com"}""",
        ["block_senders"] =
            """{"is_regex":false,"pattern":"spammer@example.com","pattern_type":"EMAIL","comments":"Block"}""",
        ["impersonation_registry"] = """{"email":"john.doe@example.com","is_email_regex":false,"name":"John Doe"}""",
        ["trusted_domains"] = """{"is_recent":true,"is_regex":false,"is_similarity":false,"pattern":"example.com"}""",
    };

    private readonly EmulatorFixture emulator;

    public SeedShapeTests(EmulatorFixture emulator) => this.emulator = emulator;

    private static string SeedFolder =>
        Path.Combine(Paths.RepoRoot, "tests", "EmailSecurity.Tests", "Fixtures", "seed");

    private static readonly string[] EndpointNames =
    {
        "investigate.list", "investigate.get", "investigate.detections.get", "investigate.preview.get",
        "investigate.preview.create",
        "investigate.raw.get", "investigate.trace.get", "investigate.move.create", "investigate.move.bulk",
        "investigate.reclassify.create",
        "investigate.release.bulk", "phishguard.reports.list", "submissions.list",
        "settings.allow_policies.list", "settings.allow_policies.get", "settings.allow_policies.create",
        "settings.allow_policies.edit", "settings.allow_policies.delete",
        "settings.block_senders.list", "settings.block_senders.get", "settings.block_senders.create",
        "settings.block_senders.edit", "settings.block_senders.delete",
        "settings.domains.list", "settings.domains.get", "settings.domains.edit", "settings.domains.delete",
        "settings.impersonation_registry.list", "settings.impersonation_registry.get",
        "settings.impersonation_registry.create", "settings.impersonation_registry.edit",
        "settings.impersonation_registry.delete",
        "settings.trusted_domains.list", "settings.trusted_domains.get", "settings.trusted_domains.create",
        "settings.trusted_domains.edit", "settings.trusted_domains.delete",
    };

    public static TheoryData<string> Endpoints() => new(EndpointNames);

    [Fact]
    public void There_is_one_seed_example_per_endpoint_and_37_endpoints()
    {
        var files =
            Directory.GetFiles(SeedFolder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order().ToList();

        Assert.Equal(EndpointNames.Order(), files);
        Assert.Equal(37, files.Count);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task An_endpoint_answers_in_the_shape_of_its_seed_example(string endpoint)
    {
        JsonElement seed =
            JsonDocument.Parse(File.ReadAllText(Path.Combine(SeedFolder, endpoint + ".json"))).RootElement;
        var api = new AccountApi(emulator, emulator.NewAccount(messages: 300));

        ApiResult answer = await Call(api, endpoint);

        answer.ShouldSucceed();
        JsonElement actual = answer.Json;
        Assert.Equal(Keys(seed).Order(), Keys(actual).Order());
        Assert.Empty(actual.GetProperty("errors").EnumerateArray());
        Assert.Empty(actual.GetProperty("messages").EnumerateArray());
        JsonElement seedResult = seed.GetProperty("result");
        JsonElement actualResult = actual.GetProperty("result");
        Assert.Equal(seedResult.ValueKind, actualResult.ValueKind);
        if (seedResult.ValueKind == JsonValueKind.Array)
        {
            Assert.True(actualResult.GetArrayLength() > 0, endpoint + " returned an empty list");
            seedResult = seedResult[0];
            actualResult = actualResult[0];
        }
        string[] endOfLife = EndOfLife(endpoint);
        Assert.Empty(Keys(actualResult).Intersect(endOfLife));
        Assert.Empty(Keys(seedResult).Except(endOfLife).Except(Keys(actualResult)));
        if (seed.TryGetProperty("result_info", out JsonElement seedInfo))
        {
            string[] expected = Keys(seedInfo).Where(k => endpoint != "investigate.list" || k != "page").ToArray();
            Assert.Equal(expected.Order(), Keys(actual.GetProperty("result_info")).Order());
        }
        if (endpoint == "investigate.trace.get")
        {
            Assert.All(actualResult.GetProperty("inbound").GetProperty("lines").EnumerateArray(), line =>
                Assert.Equal(new[] { "lineno", "logged_at", "message" }, Keys(line).Order()));
        }
    }

    private static string[] EndOfLife(string endpoint) => endpoint switch
    {
        "investigate.list" or "investigate.get" => MessageEndOfLife,
        "investigate.move.create" or "investigate.move.bulk" => MoveEndOfLife,
        "investigate.release.bulk" => new[] { "postfix_id" },
        _ when endpoint.StartsWith("settings.", StringComparison.Ordinal) => SettingsEndOfLife,
        _ => Array.Empty<string>(),
    };

    private static async Task<ApiResult> Call(AccountApi api, string endpoint)
    {
        JsonElement message = await api.First("final_disposition=MALICIOUS");
        string id = Uri.EscapeDataString(message.GetProperty("id").GetString()!);
        string[] parts = endpoint.Split('.');
        if (parts[0] == "settings")
        {
            return await CallSettings(api, parts[1], parts[2]);
        }
        return endpoint switch
        {
            "investigate.list" => await api.Get("/investigate?per_page=5"),
            "investigate.get" => await api.Get($"/investigate/{id}"),
            "investigate.detections.get" => await api.Get($"/investigate/{id}/detections"),
            "investigate.preview.get" => await api.Get($"/investigate/{id}/preview"),
            "investigate.preview.create" => await api.Post("/investigate/preview",
                new { postfix_id = message.GetProperty("postfix_id").GetString() }),
            "investigate.raw.get" => await api.Get($"/investigate/{id}/raw"),
            "investigate.trace.get" => await api.Get($"/investigate/{id}/trace"),
            "investigate.move.create" => await api.Post($"/investigate/{id}/move", new { destination = "JunkEmail" }),
            "investigate.move.bulk" => await api.Post("/investigate/move",
                new { destination = "JunkEmail", ids = new[] { message.GetProperty("id").GetString() } }),
            "investigate.reclassify.create" => await api.Post($"/investigate/{id}/reclassify",
                new { expected_disposition = "SPAM" }),
            "investigate.release.bulk" => await api.Post("/investigate/release",
                new[] { message.GetProperty("id").GetString() }),
            "phishguard.reports.list" => await api.Get("/phishguard/reports"),
            "submissions.list" => await api.Get("/submissions"),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint),
        };
    }

    private static async Task<ApiResult> CallSettings(AccountApi api, string resource, string operation)
    {
        string collection = "/settings/" + resource;
        if (operation == "list")
        {
            return await api.Get(collection);
        }
        if (operation == "create")
        {
            return await api.Send(HttpMethod.Post, collection, CreateBodies[resource]);
        }
        string entry = collection + "/" + (await api.Get(collection)).Result[0].GetProperty("id").GetString();
        return operation switch
        {
            "get" => await api.Get(entry),
            "edit" => resource == "domains"
                ? await api.Patch(entry, new { folder = "Inbox" })
                : await api.Patch(entry, new { comments = "edited" }),
            "delete" => await api.Delete(entry),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation),
        };
    }

    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();
}
