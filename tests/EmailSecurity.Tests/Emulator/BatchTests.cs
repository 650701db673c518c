using System.Text.Json;
using System.Text.Json.Nodes;
using EmailSecurity.Tests.Infrastructure;
using Xunit;

namespace EmailSecurity.Tests.Emulator;

/// <summary>
/// POST /settings/{resource}/batch (2026-10): deletes, patches, puts, posts in that order; all or nothing for the four
/// lists that say so; domains keep what was done before a failure, but never after a validation 400.
/// </summary>
[Collection("Emulator")]
public sealed class BatchTests
{
    private readonly EmulatorFixture emulator;

    public BatchTests(EmulatorFixture emulator) => this.emulator = emulator;

    private AccountApi NewApi() =>
        new(emulator, emulator.NewAccount(messages: 10, apiVersion: ApiVersionNames.V2026_10));

    public static TheoryData<string> Resources() =>
        new("allow_policies", "block_senders", "content_policies", "domains", "trusted_domains");

    public static TheoryData<string> AtomicResources() =>
        new("allow_policies", "block_senders", "content_policies", "trusted_domains");

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task A_batch_deletes_patches_replaces_and_creates_and_answers_with_each(string resource)
    {
        AccountApi api = NewApi();
        string collection = "/settings/" + resource;
        List<string> ids = await Ids(api, collection);
        JsonObject put = PutBody(resource, ids[2]);
        JsonObject patch = PatchBody(resource, ids[1]);
        var body = new JsonObject
        {
            ["deletes"] = new JsonArray(new JsonObject { ["id"] = ids[0] }),
            ["patches"] = new JsonArray(patch),
            ["puts"] = new JsonArray(put),
            ["posts"] = new JsonArray(JsonNode.Parse(ApiOperations.CreateBodies[resource])),
        };

        ApiResult result = await api.Send(HttpMethod.Post, collection + "/batch", body.ToJsonString());

        result.ShouldSucceed();
        JsonElement answer = result.Result;
        Assert.Equal(new[] { "deletes", "patches", "puts", "posts" }, answer.EnumerateObject().Select(p => p.Name));
        Assert.Equal($$"""[{"id":"{{ids[0]}}"}]""", answer.GetProperty("deletes").GetRawText());
        Assert.Equal(ids[1], answer.GetProperty("patches")[0].GetProperty("id").GetString());
        Assert.Equal(ids[2], answer.GetProperty("puts")[0].GetProperty("id").GetString());
        string created = answer.GetProperty("posts")[0].GetProperty("id").GetString()!;
        List<string> after = await Ids(api, collection);
        Assert.DoesNotContain(ids[0], after);
        Assert.Contains(created, after);
        Assert.Equal(ids.Count, after.Count);
        AssertHas((await api.Get($"{collection}/{ids[1]}")).Result, patch);
        AssertHas((await api.Get($"{collection}/{ids[2]}")).Result, put);
        AssertHas((await api.Get($"{collection}/{created}")).Result,
            JsonNode.Parse(ApiOperations.CreateBodies[resource])!.AsObject());
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task Deletes_come_before_patches_and_puts_after_patches(string resource)
    {
        AccountApi api = NewApi();
        string collection = "/settings/" + resource;
        List<string> ids = await Ids(api, collection);
        JsonObject put = PutBody(resource, ids[1]);
        JsonObject patch = PatchBody(resource, ids[1]);

        ApiResult patchDeleted =
            await Batch(api, resource, deletes: $$"""{"id":"{{ids[0]}}"}""", patches: $$"""{"id":"{{ids[0]}}"}""");
        ApiResult patchThenPut = await Batch(api, resource, patches: patch.ToJsonString(), puts: put.ToJsonString());

        Assert.Equal(404, patchDeleted.Status);
        Assert.StartsWith("patches[0].", patchDeleted.ErrorMessage, StringComparison.Ordinal);
        patchThenPut.ShouldSucceed();
        AssertHas((await api.Get($"{collection}/{ids[1]}")).Result, put);
    }

    [Theory]
    [MemberData(nameof(AtomicResources))]
    public async Task A_batch_that_fails_anywhere_changes_nothing(string resource)
    {
        AccountApi api = NewApi();
        string collection = "/settings/" + resource;
        List<string> ids = await Ids(api, collection);
        string delete = $$"""{"id":"{{ids[0]}}"}""";
        string before = await api.Snapshot();

        ApiResult invalidPost =
            await Batch(api, resource, deletes: delete, posts: ApiOperations.CreateBodies[resource] + ",{}");
        ApiResult unknownPut = await Batch(api, resource, deletes: delete, puts: $$"""{"id":"{{Guid.NewGuid()}}"}""");
        ApiResult duplicateDelete = await Batch(api, resource, deletes: delete + "," + delete);

        Assert.Equal(400, invalidPost.Status);
        Assert.Equal(1004, invalidPost.ErrorCode);
        Assert.StartsWith("posts[1].", invalidPost.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(404, unknownPut.Status);
        Assert.StartsWith("puts[0].", unknownPut.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(404, duplicateDelete.Status);
        Assert.StartsWith("deletes[1].", duplicateDelete.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(before, await api.Snapshot());
    }

    [Fact]
    public async Task A_domains_batch_keeps_what_was_done_before_a_failure_but_a_validation_400_changes_nothing()
    {
        AccountApi api = NewApi();
        List<string> ids = await Ids(api, "/settings/domains");
        string taken = (await api.Get("/settings/domains/" + ids[2])).Result.GetProperty("domain").GetString()!;
        string before = await api.Snapshot();

        ApiResult invalid = await Batch(api, "domains", deletes: $$"""{"id":"{{ids[0]}}"}""",
            patches: $$"""{"id":"{{ids[1]}}","regions":["MARS"]}""");
        string afterInvalid = await api.Snapshot();
        ApiResult unknown = await Batch(api, "domains", deletes: $$"""{"id":"{{ids[0]}}"}""",
            patches: $$"""{"id":"{{Guid.NewGuid()}}"}""");
        ApiResult duplicate = await Batch(api, "domains", deletes: $$"""{"id":"{{ids[1]}}"}""",
            posts: $$"""{"domain":"{{taken.ToUpperInvariant()}}","allowed_delivery_modes":["DIRECT"],"drop_dispositions":[],"ip_restrictions":[],"regions":["US"]}""");

        invalid.ShouldBeInvalid("patches[0].regions");
        Assert.Equal(before, afterInvalid);
        Assert.Equal(404, unknown.Status);
        Assert.Equal("patches[0].id: Domain not found; the operation before it was done", unknown.ErrorMessage);
        Assert.Equal(409, duplicate.Status);
        Assert.StartsWith($"posts[0].domain: {taken.ToUpperInvariant()} already exists", duplicate.ErrorMessage,
            StringComparison.Ordinal);
        List<string> after = await Ids(api, "/settings/domains");
        Assert.DoesNotContain(ids[0], after);
        Assert.DoesNotContain(ids[1], after);
        Assert.Equal(ids.Count - 2, after.Count);
    }

    public static TheoryData<string, string> InvalidBodies() => new()
    {
        { """[]""", "body" },
        { """{"deletes":[],"patches":[],"puts":[]}""", "posts" },
        { """{"deletes":[1],"patches":[],"puts":[],"posts":[]}""", "deletes" },
        { """{"deletes":[{}],"patches":[],"puts":[],"posts":[]}""", "deletes[0].id" },
        { """{"deletes":[],"patches":[{"comments":"no id"}],"puts":[],"posts":[]}""", "patches[0].id" },
        { """{"deletes":[],"patches":[],"puts":[{"is_regex":false,"pattern":"x@example.com","pattern_type":"EMAIL"}],"posts":[]}""",
            "puts[0].id" },
        { """{"deletes":[],"patches":[],"puts":[],"posts":[{"is_regex":false,"pattern":"x@example.com","pattern_type":"UNKNOWN"}]}""",
            "posts[0].pattern_type" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task A_malformed_batch_is_a_400_naming_the_entry_and_field(string body, string field)
    {
        AccountApi api = NewApi();
        string before = await api.Snapshot();

        ApiResult result = await api.Send(HttpMethod.Post, "/settings/block_senders/batch", body);

        result.ShouldBeInvalid(field);
        Assert.Equal(before, await api.Snapshot());
    }

    private static JsonObject PatchBody(string resource, string id)
    {
        JsonObject body = JsonNode.Parse(ApiOperations.EditBodies[resource])!.AsObject();
        body["id"] = id;
        return body;
    }

    /// <summary>
    /// A full replacement of entry <paramref name="id"/>: the create body, without the domain name, which cannot
    /// change.
    /// </summary>
    private static JsonObject PutBody(string resource, string id)
    {
        JsonObject body = JsonNode.Parse(ApiOperations.CreateBodies[resource])!.AsObject();
        body["id"] = id;
        body.Remove("domain");
        if (body["pattern"] != null)
        {
            body["pattern"] = "replaced-" + (string?)body["pattern"];
        }
        if (body.ContainsKey("comments"))
        {
            body["comments"] = "replaced";
        }
        return body;
    }

    /// <summary>
    /// Every field of <paramref name="expected"/> but the id has that value in <paramref name="entry"/>.
    /// </summary>
    private static void AssertHas(JsonElement entry, JsonObject expected)
    {
        foreach ((string name, JsonNode? value) in expected.Where(p => p.Key != "id"))
        {
            Assert.True(JsonNode.DeepEquals(value, JsonNode.Parse(entry.GetProperty(name).GetRawText())),
                $"{name}: {entry}");
        }
    }

    private static Task<ApiResult> Batch(
        AccountApi api,
        string resource,
        string deletes = "",
        string patches = "",
        string puts = "",
        string posts = "") =>
        api.Send(HttpMethod.Post, $"/settings/{resource}/batch",
            $$"""{"deletes":[{{deletes}}],"patches":[{{patches}}],"puts":[{{puts}}],"posts":[{{posts}}]}""");

    private static async Task<List<string>> Ids(AccountApi api, string collection) =>
        (await api.Get(collection + "?per_page=1000")).Result.EnumerateArray()
            .Select(e => e.GetProperty("id").GetString()!).ToList();
}
