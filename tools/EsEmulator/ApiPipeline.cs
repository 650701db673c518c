using System.Security.Cryptography;
using EmailSecurity.Simulator;
using EsEmulator.Faults;
using EsEmulator.RateLimiting;
using EsEmulator.Recording;
using Microsoft.AspNetCore.Http;

namespace EsEmulator;

/// <summary>
/// One API request: record it, authenticate, apply the account's rate limit, let a fault rule claim it, otherwise ask
/// the simulator (or, for a poll of an accepted request, the poll book).
/// </summary>
public static class ApiPipeline
{
    public const string InvalidToken = "invalid-token";

    public static async Task HandleAsync(HttpContext context, Emulator emulator, ApiTarget target)
    {
        HttpRequest request = context.Request;
        string? body = await ReadBodyAsync(request);
        string? pollToken = PollToken(target);
        string accountId = pollToken == null
            ? target.AccountId
            : emulator.Polls.AccountOf(pollToken) ?? ApiTarget.NoAccount;
        string path = pollToken == null ? target.DecodedPath : PollBook.RecordedPath;
        RecordedRequest record = emulator.Requests.Add(accountId, seq => new RecordedRequest
        {
            Seq = seq,
            Method = request.Method,
            RawTarget = target.RawTarget,
            Path = path,
            Query = target.RawQuery,
            Body = body,
            Authorization = Header(request, "Authorization"),
            AuthKey = Header(request, "X-Auth-Key"),
            AuthEmail = Header(request, "X-Auth-Email"),
            UserAgent = Header(request, "User-Agent"),
            ReceivedAt = DateTimeOffset.UtcNow,
        });
        var reply = new Reply(context, emulator.Requests, record);
        context.Response.Headers["cf-ray"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant() +
            "-EMU";

        if (!target.IsApi)
        {
            await reply.SendAsync(404, ApiEnvelope.Error(7000, "No route for that URI"), "ok");
            return;
        }
        int? authFailure = Authenticate(request);
        if (authFailure != null)
        {
            await reply.SendAsync(authFailure.Value, ApiEnvelope.Error(10000, "Authentication error"), "ok");
            return;
        }
        if (pollToken != null && (accountId == ApiTarget.NoAccount || request.Method != HttpMethods.Get))
        {
            await reply.SendAsync(404, ApiEnvelope.Error(7003, "No pending result for that URI"), "ok");
            return;
        }

        RateLimitDecision? limit = emulator.RateLimits.Admit(accountId);
        if (limit != null)
        {
            reply.SetHeader("Ratelimit", limit.RateLimit);
            reply.SetHeader("Ratelimit-Policy", limit.RateLimitPolicy);
            if (!limit.Allowed)
            {
                await reply.SendAsync(429, ApiEnvelope.Error(971,
                    "Please wait and consider throttling your request speed"), "ratelimited", limit.RetryAfter);
                return;
            }
        }

        Func<SimulatedResponse> process = pollToken == null
            ? () => emulator.Api.Handle(new SimulatedRequest(request.Method, target.RawPath, target.RawQuery, body))
            : () => Poll(emulator.Polls, pollToken, reply);
        FaultRule? rule = emulator.Faults.Claim(accountId, request.Method, path);
        if (rule == null)
        {
            SimulatedResponse response = process();
            await reply.SendAsync(response.StatusCode, response.Body, "ok");
            return;
        }
        await FaultInjector.ApplyAsync(rule, reply, process, request.Query["cursor"].FirstOrDefault(), target.RawTarget,
            (answer, pollCount, retryAfter) => emulator.Polls.Start(accountId, answer, pollCount, retryAfter));
    }

    /// <summary>
    /// The token of a poll request (GET /client/v4/_emulator/poll/{token}); null for any other request.
    /// </summary>
    private static string? PollToken(ApiTarget target) =>
        target.RawPath.StartsWith(PollBook.PathPrefix, StringComparison.Ordinal)
            && target.RawPath.Length > PollBook.PathPrefix.Length
            ? target.RawPath.Substring(PollBook.PathPrefix.Length)
            : null;

    /// <summary>
    /// One poll: 202 (with Location and Retry-After) while the result is pending, then the kept answer.
    /// </summary>
    private static SimulatedResponse Poll(PollBook polls, string token, Reply reply)
    {
        PollBook.PollStep? step = polls.Poll(token);
        if (step == null)
        {
            return new SimulatedResponse(404, ApiEnvelope.Error(7003, "No pending result for that URI"));
        }
        if (step.Answer == null)
        {
            reply.SetHeader("Location", PollBook.Location(token));
            reply.SetHeader("Retry-After", step.RetryAfter);
            return new SimulatedResponse(202, PollBook.RunningBody);
        }
        return step.Answer;
    }

    /// <summary>
    /// 401 without credentials, 403 for the token (or key) "invalid-token", null when the caller may proceed.
    /// </summary>
    private static int? Authenticate(HttpRequest request)
    {
        string? authorization = Header(request, "Authorization");
        if (authorization != null && authorization.StartsWith("Bearer ", StringComparison.Ordinal)
            && authorization.Length > 7)
        {
            return authorization.Substring(7).Trim() == InvalidToken ? 403 : null;
        }
        string? key = Header(request, "X-Auth-Key");
        if (key != null && Header(request, "X-Auth-Email") != null)
        {
            return key == InvalidToken ? 403 : null;
        }
        return 401;
    }

    private static string? Header(HttpRequest request, string name)
    {
        string? value = request.Headers[name].FirstOrDefault();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        string text = await reader.ReadToEndAsync();
        return text.Length == 0 ? null : text;
    }
}
