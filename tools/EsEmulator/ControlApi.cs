using System.Text.Json;
using EmailSecurity.Simulator;
using EsEmulator.Faults;
using EsEmulator.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace EsEmulator;

/// <summary>
/// /_emulator: health, per-account data reset and API version, bulk job progress, fault rules, rate limit and the
/// request log. No authentication, not recorded.
/// </summary>
public static class ControlApi
{
    public const string BasePath = "/_emulator";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private sealed record ResetBody(
        int? Messages,
        int? Seed,
        int? MaxPerPage,
        string? ApiVersion,
        int? BulkJobMessagesPerStep,
        bool? BulkJobsAdvanceOnGet,
        int? SpanSeconds,
        string? TimeProfile);

    private sealed record VersionBody(string? ApiVersion);

    private sealed record AdvanceBody(int? Steps);

    public static async Task HandleAsync(HttpContext context, Emulator emulator)
    {
        string[] segments = (context.Request.Path.Value ?? "").Trim('/').Split('/');
        string method = context.Request.Method;
        try
        {
            switch (segments)
            {
                case ["_emulator", "health"] when method == "GET":
                    await WriteAsync(context, 200,
                        new { status = "ok", apiVersion = ApiVersions.Name(emulator.Api.DefaultVersion) });
                    break;
                case ["_emulator", "accounts", var id] when method == "PUT":
                    ResetBody reset = await ReadAsync<ResetBody>(context)
                        ?? new ResetBody(null, null, null, null, null, null, null, null);
                    if (reset.MaxPerPage is < 1)
                    {
                        throw new BadRequest("maxPerPage: must be at least 1");
                    }
                    if (reset.SpanSeconds is < 61)
                    {
                        throw new BadRequest("spanSeconds: must be at least 61");
                    }
                    if (reset.TimeProfile is not (null or AccountSeed.UniformTime or AccountSeed.WorkdayTime))
                    {
                        throw new BadRequest("timeProfile: must be uniform or workday");
                    }
                    if (reset.BulkJobMessagesPerStep is < 1)
                    {
                        throw new BadRequest("bulkJobMessagesPerStep: must be at least 1");
                    }
                    var seed = new AccountSeed
                    {
                        Messages = reset.Messages ?? 60,
                        Seed = reset.Seed ?? 1,
                        MaxPerPage = reset.MaxPerPage ?? 1000,
                        ApiVersion = reset.ApiVersion == null ? null : ParseVersion(reset.ApiVersion),
                        BulkJobMessagesPerStep = reset.BulkJobMessagesPerStep ?? 25,
                        BulkJobsAdvanceOnGet = reset.BulkJobsAdvanceOnGet ?? true,
                    };
                    seed.SpanSeconds = reset.SpanSeconds ?? seed.SpanSeconds;
                    seed.TimeProfile = reset.TimeProfile ?? seed.TimeProfile;
                    emulator.Api.ResetAccount(id, seed);
                    await WriteAsync(context, 200, new
                    {
                        id, messages = seed.Messages, seed = seed.Seed, maxPerPage = seed.MaxPerPage,
                        apiVersion = ApiVersions.Name(emulator.Api.GetApiVersion(id)),
                        bulkJobMessagesPerStep = seed.BulkJobMessagesPerStep,
                        bulkJobsAdvanceOnGet = seed.BulkJobsAdvanceOnGet,
                    });
                    break;
                case ["_emulator", "accounts", var id, "apiversion"] when method == "PUT":
                    VersionBody version = await ReadAsync<VersionBody>(context) ?? new VersionBody(null);
                    emulator.Api.SetApiVersion(id, ParseVersion(version.ApiVersion));
                    await WriteAsync(context, 200,
                        new { apiVersion = ApiVersions.Name(emulator.Api.GetApiVersion(id)) });
                    break;
                case ["_emulator", "accounts", var id, "apiversion"] when method == "GET":
                    await WriteAsync(context, 200,
                        new { apiVersion = ApiVersions.Name(emulator.Api.GetApiVersion(id)) });
                    break;
                case ["_emulator", "accounts", var id, "bulkjobs", "advance"] when method == "POST":
                    AdvanceBody advance = await ReadAsync<AdvanceBody>(context) ?? new AdvanceBody(null);
                    if (advance.Steps is < 1)
                    {
                        throw new BadRequest("steps: must be at least 1");
                    }
                    var jobs = emulator.Api.AdvanceBulkJobs(id, advance.Steps)
                        .Select(j => new { jobId = j.Key, status = j.Value });
                    await WriteAsync(context, 200, new { jobs });
                    break;
                case ["_emulator", "accounts", var id, "faults"] when method == "PUT":
                    List<FaultRule> rules = await ReadAsync<List<FaultRule>>(context)
                        ?? throw new BadRequest("body: must be a JSON array of fault rules");
                    string? problem = rules.Select(r => r.Problem()).FirstOrDefault(p => p != null);
                    if (problem != null)
                    {
                        throw new BadRequest(problem);
                    }
                    emulator.Faults.Replace(id, rules);
                    await WriteAsync(context, 200, new { rules = rules.Count });
                    break;
                case ["_emulator", "accounts", var id, "faults"] when method == "DELETE":
                    emulator.Faults.Clear(id);
                    await WriteAsync(context, 200, new { rules = 0 });
                    break;
                case ["_emulator", "accounts", var id, "ratelimit"] when method == "PUT":
                    RateLimitSettings limit = await ReadAsync<RateLimitSettings>(context)
                        ?? throw new BadRequest("body: must be {\"limit\":n,\"windowSeconds\":s}");
                    if (limit.Problem() is string limitProblem)
                    {
                        throw new BadRequest(limitProblem);
                    }
                    emulator.RateLimits.Set(id, limit);
                    await WriteAsync(context, 200, new { limit = limit.Limit, windowSeconds = limit.WindowSeconds });
                    break;
                case ["_emulator", "accounts", var id, "ratelimit"] when method == "DELETE":
                    emulator.RateLimits.Clear(id);
                    await WriteAsync(context, 200, new { limit = (int?)null });
                    break;
                case ["_emulator", "accounts", var id, "requests"] when method == "GET":
                    await WriteAsync(context, 200, emulator.Requests.List(id));
                    break;
                case ["_emulator", "accounts", var id, "requests"] when method == "DELETE":
                    emulator.Requests.Clear(id);
                    await WriteAsync(context, 200, new { requests = 0 });
                    break;
                default:
                    await WriteAsync(context, 404,
                        new { error = "No control route " + method + " " + context.Request.Path });
                    break;
            }
        }
        catch (BadRequest error)
        {
            await WriteAsync(context, 400, new { error = error.Message });
        }
    }

    private static ApiVersion ParseVersion(string? name) =>
        ApiVersions.Parse(name)
            ?? throw new BadRequest("apiVersion: must be one of " + string.Join(", ", ApiVersions.Names));

    private static async Task<T?> ReadAsync<T>(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        string text = await reader.ReadToEndAsync();
        try
        {
            return string.IsNullOrWhiteSpace(text) ? default : JsonSerializer.Deserialize<T>(text, Options);
        }
        catch (JsonException error)
        {
            throw new BadRequest("body: " + error.Message);
        }
    }

    private static Task WriteAsync<T>(HttpContext context, int status, T value)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(value, Options);
    }

    private sealed class BadRequest(string message) : Exception(message);
}
