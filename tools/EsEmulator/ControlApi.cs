using System.Text.Json;
using EmailSecurity.Simulator;
using EsEmulator.Faults;
using EsEmulator.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace EsEmulator;

/// <summary>
/// /_emulator: health, per-account data reset, fault rules, rate limit and the request log. No authentication, not recorded.
/// </summary>
public static class ControlApi
{
    public const string BasePath = "/_emulator";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private sealed record ResetBody(int? Messages, int? Seed, int? MaxPerPage, int? SpanSeconds = null, string? TimeProfile = null);

    public static async Task HandleAsync(HttpContext context, Emulator emulator)
    {
        string[] segments = (context.Request.Path.Value ?? "").Trim('/').Split('/');
        string method = context.Request.Method;
        try
        {
            switch (segments)
            {
                case ["_emulator", "health"] when method == "GET":
                    await WriteAsync(context, 200, new { status = "ok" });
                    break;
                case ["_emulator", "accounts", var id] when method == "PUT":
                    ResetBody reset = await ReadAsync<ResetBody>(context) ?? new ResetBody(null, null, null);
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
                    var seed = new AccountSeed { Messages = reset.Messages ?? 60, Seed = reset.Seed ?? 1, MaxPerPage = reset.MaxPerPage ?? 1000 };
                    seed.SpanSeconds = reset.SpanSeconds ?? seed.SpanSeconds;
                    seed.TimeProfile = reset.TimeProfile ?? seed.TimeProfile;
                    emulator.Api.ResetAccount(id, seed);
                    await WriteAsync(context, 200, new { id, messages = seed.Messages, seed = seed.Seed, maxPerPage = seed.MaxPerPage });
                    break;
                case ["_emulator", "accounts", var id, "faults"] when method == "PUT":
                    List<FaultRule> rules = await ReadAsync<List<FaultRule>>(context) ?? throw new BadRequest("body: must be a JSON array of fault rules");
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
                    RateLimitSettings limit = await ReadAsync<RateLimitSettings>(context) ?? throw new BadRequest("body: must be {\"limit\":n,\"windowSeconds\":s}");
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
                    await WriteAsync(context, 404, new { error = "No control route " + method + " " + context.Request.Path });
                    break;
            }
        }
        catch (BadRequest error)
        {
            await WriteAsync(context, 400, new { error = error.Message });
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpContext context)
    {
        try
        {
            return context.Request.ContentLength == 0 ? default : await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Options);
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
