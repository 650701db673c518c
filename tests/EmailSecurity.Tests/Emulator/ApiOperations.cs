using System.Text.Json;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Emulator;

/// <summary>
/// Every operation of the Email Security API (the 66 of the 2026-10 reference, named by their SDK method), each with a
/// call that succeeds in the versions that have it, in that version's request shape.
/// </summary>
internal static class ApiOperations
{
    public sealed record Operation(
        string Name,
        string Method,
        string Path,
        bool InSeed,
        Func<AccountApi, string, Task<ApiResult>> Call);

    /// <summary>
    /// A body each settings resource accepts for create (and batch posts) in every version that has it.
    /// </summary>
    public static readonly Dictionary<string, string> CreateBodies = new()
    {
        [
            "allow_policies"] =
            """{"is_acceptable_sender":false,"is_exempt_recipient":false,"is_regex":false,"is_trusted_sender":true,"pattern":"partner@example.com","pattern_type":"EMAIL","verify_sender":true,"comments":"Trust partner@example.com"}""",
        ["block_senders"] =
            """{"is_regex":false,"pattern":"spammer@example.com","pattern_type":"EMAIL","comments":"Block"}""",
        ["content_policies"] =
            """{"enabled":true,"name":"Gift card lure (test)","pattern":"gift ?card","targets":["BODY"]}""",
        [
            "domains"] =
            """{"domain":"new-domain.example","allowed_delivery_modes":["DIRECT"],"drop_dispositions":["MALICIOUS","SPAM"],"ip_restrictions":["192.0.2.0/24"],"regions":["GLOBAL"],"transport":"mx.new-domain.example","require_tls_inbound":true}""",
        ["impersonation_registry"] = """{"email":"john.doe@example.com","is_email_regex":false,"name":"John Doe"}""",
        ["sending_domain_restrictions"] =
            """{"domain":"tls-partner.example","exclude":["legacy.tls-partner.example"],"comments":"Partner"}""",
        ["trusted_domains"] = """{"is_recent":true,"is_regex":false,"is_similarity":false,"pattern":"example.com"}""",
        ["url_ignore_patterns"] = """{"pattern":"https://portal\\.example\\.com/.*","comments":"Portal"}""",
    };

    /// <summary>A PATCH body for an entry of each settings resource.</summary>
    public static readonly Dictionary<string, string> EditBodies = new()
    {
        ["allow_policies"] = """{"comments":"edited"}""",
        ["block_senders"] = """{"comments":"edited"}""",
        ["content_policies"] = """{"enabled":false}""",
        ["domains"] = """{"folder":"Inbox"}""",
        ["impersonation_registry"] = """{"comments":"edited"}""",
        ["sending_domain_restrictions"] = """{"exclude":["old.example.com"]}""",
        ["trusted_domains"] = """{"comments":"edited"}""",
        ["url_ignore_patterns"] = """{"comments":null}""",
    };

    private static readonly string[] SeedSettings =
        { "allow_policies", "block_senders", "domains", "impersonation_registry", "trusted_domains" };
    private static readonly string[] BatchSettings =
        { "allow_policies", "block_senders", "content_policies", "domains", "trusted_domains" };

    public static readonly IReadOnlyList<Operation> All = Build();

    public static Operation Named(string name) => All.Single(o => o.Name == name);

    /// <summary>The release body: a bare array in the seed API, {"ids": [...]} in 2026-10.</summary>
    public static object ReleaseBody(string version, params string[] ids) =>
        version == ApiVersionNames.Seed ? ids : new { ids };

    /// <summary>The preview-create body: the postfix id in the seed API, the investigate id in 2026-10.</summary>
    public static object PreviewBody(string version, JsonElement message) =>
        version == ApiVersionNames.Seed
            ? new { postfix_id = message.GetProperty("postfix_id").GetString() }
            : new { id = message.GetProperty("id").GetString() };

    public static string EmptyBatch(string? post = null) =>
        $$"""{"deletes":[],"patches":[],"puts":[],"posts":[{{post}}]}""";

    /// <summary>Creates a bulk action job (2026-10) that moves the account's spam to junk; returns its id.</summary>
    public static async Task<string> CreateJob(AccountApi api, object? searchParams = null)
    {
        ApiResult created = await api.Post("/investigate/bulk", new
        {
            action = "MOVE", destination = "JunkEmail", comment = "Spam sweep", search_params = searchParams
                ?? new { final_disposition = "SPAM" },
        });
        created.ShouldSucceed();
        return created.Result.GetProperty("job_id").GetString()!;
    }

    private static List<Operation> Build()
    {
        var operations = new List<Operation>
        {
            new("investigate.list", "GET", "/investigate", true, (api, _) => api.Get("/investigate?per_page=5")),
            new("investigate.get", "GET", "/investigate/{id}", true,
                async (api, _) => await api.Get("/investigate/" + await Id(api))),
            new("investigate.detections.get", "GET", "/investigate/{id}/detections", true,
                async (api, _) => await api.Get($"/investigate/{await Id(api)}/detections")),
            new("investigate.preview.get", "GET", "/investigate/{id}/preview", true,
                async (api, _) => await api.Get($"/investigate/{await Id(api)}/preview")),
            new("investigate.preview.create", "POST", "/investigate/preview", true,
                async (api, v) => await api.Post("/investigate/preview",
                    PreviewBody(v, await api.First("final_disposition=NONE")))),
            new("investigate.raw.get", "GET", "/investigate/{id}/raw", true,
                async (api, _) => await api.Get($"/investigate/{await Id(api)}/raw")),
            new("investigate.trace.get", "GET", "/investigate/{id}/trace", true,
                async (api, _) => await api.Get($"/investigate/{await Id(api)}/trace")),
            new("investigate.move.create", "POST", "/investigate/{id}/move", true,
                async (api, _) => await api.Post($"/investigate/{await Id(api)}/move",
                    new { destination = "JunkEmail" })),
            new("investigate.move.bulk", "POST", "/investigate/move", true,
                async (api, _) => await api.Post("/investigate/move",
                    new { destination = "JunkEmail", ids = new[] { await Id(api) } })),
            new("investigate.reclassify.create", "POST", "/investigate/{id}/reclassify", true,
                async (api, _) => await api.Post($"/investigate/{await Id(api)}/reclassify",
                    new { expected_disposition = "SPAM" })),
            new("investigate.release.bulk", "POST", "/investigate/release", true,
                async (api, v) => await api.Post("/investigate/release",
                    ReleaseBody(v, await Id(api, "final_disposition=SPAM")))),
            new("investigate.bulk.create", "POST", "/investigate/bulk", false,
                (api, _) => api.Post("/investigate/bulk", new { action = "RELEASE", search_params = new { } })),
            new("investigate.bulk.list", "GET", "/investigate/bulk", false, async (api, _) =>
            {
                await CreateJob(api);
                return await api.Get("/investigate/bulk");
            }),
            new("investigate.bulk.get", "GET", "/investigate/bulk/{job_id}", false,
                async (api, _) => await api.Get("/investigate/bulk/" + await CreateJob(api))),
            new("investigate.bulk.delete", "DELETE", "/investigate/bulk/{job_id}", false, async (api, _) =>
            {
                string job = await CreateJob(api);
                api.Account.AdvanceBulkJobs();
                return await api.Delete("/investigate/bulk/" + job);
            }),
            new("investigate.bulk.cancel.create", "POST", "/investigate/bulk/{job_id}/cancel", false,
                async (api, _) => await api.Send(HttpMethod.Post, $"/investigate/bulk/{await CreateJob(api)}/cancel")),
            new("investigate.bulk.messages.list", "GET", "/investigate/bulk/{job_id}/messages", false, async (api, _) =>
            {
                string job = await CreateJob(api);
                api.Account.AdvanceBulkJobs(steps: 1);
                return await api.Get($"/investigate/bulk/{job}/messages");
            }),
            new("phishguard.reports.list", "GET", "/phishguard/reports", true,
                (api, _) => api.Get("/phishguard/reports")),
            new("submissions.list", "GET", "/submissions", true, (api, _) => api.Get("/submissions")),
        };
        foreach (string resource in CreateBodies.Keys)
        {
            bool inSeed = SeedSettings.Contains(resource);
            string collection = "/settings/" + resource;
            operations.Add(
                new($"settings.{resource}.list", "GET", collection, inSeed, (api, _) => api.Get(collection)));
            operations.Add(new($"settings.{resource}.get", "GET", collection + "/{id}", inSeed,
                async (api, _) => await api.Get(collection + "/" + await EntryId(api, collection))));
            operations.Add(new($"settings.{resource}.edit", "PATCH", collection + "/{id}", inSeed,
                async (api, _) => await api.Send(HttpMethod.Patch, collection + "/" + await EntryId(api, collection),
                    EditBodies[resource])));
            operations.Add(new($"settings.{resource}.delete", "DELETE", collection + "/{id}", inSeed,
                async (api, _) => await api.Delete(collection + "/" + await EntryId(api, collection))));
            operations.Add(new($"settings.{resource}.create", "POST", collection, inSeed && resource != "domains",
                (api, _) => api.Send(HttpMethod.Post, collection, CreateBodies[resource])));
            if (BatchSettings.Contains(resource))
            {
                operations.Add(new($"settings.{resource}.batch", "POST", collection + "/batch", false,
                    (api, _) => api.Send(HttpMethod.Post, collection + "/batch", EmptyBatch(CreateBodies[resource]))));
            }
        }
        operations.Add(new("settings.domains.update", "PUT", "/settings/domains/{id}", false, async (api, _) =>
            await api.Send(HttpMethod.Put, "/settings/domains/" + await EntryId(api, "/settings/domains"),
                """{"allowed_delivery_modes":["DIRECT","BCC"],"drop_dispositions":["MALICIOUS"],"ip_restrictions":["192.0.2.0/24"],"regions":["US"],"folder":null,"integration_id":null,"lookback_hops":2,"require_tls_inbound":true,"require_tls_outbound":false,"transport":"mx.example.com"}""")));
        operations.Add(new("settings.domains.bulkDelete", "DELETE", "/settings/domains", false,
            (api, _) => api.Delete("/settings/domains")));
        return operations;
    }

    private static async Task<string> Id(AccountApi api, string query = "final_disposition=MALICIOUS") =>
        Uri.EscapeDataString((await api.First(query)).GetProperty("id").GetString()!);

    private static async Task<string> EntryId(AccountApi api, string collection) =>
        (await api.Get(collection)).Result[0].GetProperty("id").GetString()!;
}
