using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator;
using Microsoft.AspNetCore.WebUtilities;

namespace EsEmulator.Faults;

/// <summary>What each fault kind does to the request it claims. See README.md for the table.</summary>
public static class FaultInjector
{
    private const string FixedStaleCursor = "stale-cursor";

    /// <summary>The fields by which bulk results name their message: message_id (move), id (release).</summary>
    private static readonly string[] ResultIdFields = { "message_id", "id" };

    private static readonly JsonSerializerOptions WriteOptions =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="startPoll">
    /// Keeps an answer for the <c>accepted</c> kind (with its poll count and Retry-After) and returns the Location to
    /// poll for it.
    /// </param>
    /// <param name="requestTarget">The request's raw target (path and query), for the <c>redirect</c> kind's
    /// Location.</param>
    public static async Task ApplyAsync(
        FaultRule rule,
        Reply reply,
        Func<SimulatedResponse> process,
        string? requestCursor,
        string requestTarget,
        Func<SimulatedResponse, int, string, string> startPoll)
    {
        if (rule.DelayMs is > 0)
        {
            await Task.Delay(rule.DelayMs.Value);
        }
        string outcome = "fault:" + rule.Kind;
        int status = rule.Status ?? 503;
        SimulatedResponse response;
        switch (rule.Kind)
        {
            case "status":
                await reply.SendAsync(status, ErrorBody(rule, status), outcome, rule.RetryAfter);
                break;
            case "statusAfterProcessing":
                process();
                await reply.SendAsync(status, ErrorBody(rule, status), outcome, rule.RetryAfter);
                break;
            case "successFalse":
                await reply.SendAsync(200, ErrorBody(rule, 200), outcome, rule.RetryAfter);
                break;
            case "drop":
                reply.Drop(outcome);
                break;
            case "dropAfterProcessing":
                process();
                reply.Drop(outcome);
                break;
            case "dropMidBody":
                response = process();
                await reply.SendHalfThenDropAsync(response.StatusCode, response.Body, outcome);
                break;
            case "malformed":
                response = process();
                await reply.SendAsync(200, response.Body.Substring(0, response.Body.Length / 2), outcome);
                break;
            case "staleCursor":
                response = process();
                await reply.SendAsync(response.StatusCode, RewritePage(response, (_, info) =>
                    info["next"] = requestCursor ?? response.PageCursor ?? FixedStaleCursor), outcome);
                break;
            case "emptyPageWithNext":
                response = process();
                await reply.SendAsync(response.StatusCode, RewritePage(response, (body, info) =>
                {
                    if (response.PageCursor != null)
                    {
                        body["result"] = new JsonArray();
                        info["count"] = 0;
                        info["next"] = response.PageCursor;
                    }
                }), outcome);
                break;
            case "noResultInfo":
                response = process();
                await reply.SendAsync(response.StatusCode,
                    RewritePage(response, (body, _) => body.Remove("result_info")), outcome);
                break;
            case "retypedFields":
                response = process();
                await reply.SendAsync(response.StatusCode, RewriteResultItems(response, item =>
                {
                    foreach (var (name, value) in rule.Fields!)
                    {
                        if (item.ContainsKey(name))
                        {
                            item[name] = value?.DeepClone();
                        }
                    }
                }), outcome);
                break;
            case "foreignResultIds":
                response = process();
                await reply.SendAsync(response.StatusCode, RewriteResults(response, items =>
                {
                    foreach (var item in items.OfType<JsonObject>())
                    {
                        foreach (var key in ResultIdFields.Where(item.ContainsKey))
                        {
                            item[key] = $"<{item[key]}@emulator.invalid>";
                        }
                    }
                }), outcome);
                break;
            case "partialResults":
                response = process();
                await reply.SendAsync(response.StatusCode, RewriteResults(response, items =>
                {
                    for (int keep = items.Count / 2; items.Count > keep;)
                    {
                        items.RemoveAt(items.Count - 1);
                    }
                }), outcome);
                break;
            case "wrongShape":
                response = process();
                await reply.SendAsync(200, JsonNode.Parse(response.Body)?["result"]?.ToJsonString(WriteOptions) ?? "{}",
                    outcome);
                break;
            case "redirect":
                await reply.SendRedirectAsync(rule.Status ?? 307,
                    (rule.Location ?? "{target}").Replace("{target}", requestTarget), outcome);
                break;
            case "accepted":
                response = process();
                string retryAfter = rule.RetryAfter ?? "0";
                await reply.SendAcceptedAsync(startPoll(response, rule.PollCount ?? 2, retryAfter), retryAfter,
                    outcome);
                break;
            default: // "delay": the wait above was the whole fault.
                response = process();
                await reply.SendAsync(response.StatusCode, response.Body, outcome);
                break;
        }
    }

    /// <summary>Edits the result array of a successful answer; any other answer passes unchanged.</summary>
    private static string RewriteResults(SimulatedResponse response, Action<JsonArray> edit)
    {
        if (response.StatusCode != 200 || JsonNode.Parse(response.Body) is not JsonObject body
            || body["result"] is not JsonArray items)
        {
            return response.Body;
        }
        edit(items);
        return body.ToJsonString(WriteOptions);
    }

    /// <summary>
    /// Edits each object of a successful answer's result: the result itself, or each item of a result array.
    /// </summary>
    private static string RewriteResultItems(SimulatedResponse response, Action<JsonObject> edit)
    {
        if (response.StatusCode != 200 || JsonNode.Parse(response.Body) is not JsonObject body)
        {
            return response.Body;
        }
        var items = body["result"] switch
        {
            JsonArray array => array.OfType<JsonObject>().ToList(),
            JsonObject single => [single],
            _ => new List<JsonObject>(),
        };
        items.ForEach(edit);
        return body.ToJsonString(WriteOptions);
    }

    /// <summary>Edits result_info of a successful list answer; any other answer passes unchanged.</summary>
    private static string RewritePage(SimulatedResponse response, Action<JsonObject, JsonObject> edit)
    {
        if (response.StatusCode != 200 || JsonNode.Parse(response.Body) is not JsonObject body
            || body["result_info"] is not JsonObject info)
        {
            return response.Body;
        }
        edit(body, info);
        return body.ToJsonString(WriteOptions);
    }

    private static string ErrorBody(FaultRule rule, int status)
    {
        int code = rule.ErrorCode ?? (status == 429 ? 971 : 1000);
        string message = rule.ErrorMessage
            ?? (status == 429 ? "Please wait and consider throttling your request speed"
                : status == 200 ? "Simulated failure"
                : "Simulated fault: " + status + " " + ReasonPhrases.GetReasonPhrase(status));
        return ApiEnvelope.Error(code, message);
    }
}
