using System.Security.Cryptography;
using EmailSecurity.Simulator;
using EsEmulator.Faults;
using EsEmulator.Recording;
using Microsoft.AspNetCore.Http;

namespace EsEmulator;

/// <summary>One API request: record it, authenticate, let a fault rule claim it, otherwise ask the simulator.</summary>
public static class ApiPipeline
{
    public const string InvalidToken = "invalid-token";

    public static async Task HandleAsync(HttpContext context, Emulator emulator, ApiTarget target)
    {
        HttpRequest request = context.Request;
        string? body = await ReadBodyAsync(request);
        RecordedRequest record = emulator.Requests.Add(target.AccountId, seq => new RecordedRequest
        {
            Seq = seq,
            Method = request.Method,
            RawTarget = target.RawTarget,
            Path = target.DecodedPath,
            Query = target.RawQuery,
            Body = body,
            Authorization = Header(request, "Authorization"),
            AuthKey = Header(request, "X-Auth-Key"),
            AuthEmail = Header(request, "X-Auth-Email"),
            UserAgent = Header(request, "User-Agent"),
            ReceivedAt = DateTimeOffset.UtcNow,
        });
        var reply = new Reply(context, emulator.Requests, record);
        context.Response.Headers["cf-ray"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant() + "-EMU";

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

        var simulated = new SimulatedRequest(request.Method, target.RawPath, target.RawQuery, body);
        FaultRule? rule = emulator.Faults.Claim(target.AccountId, request.Method, target.DecodedPath);
        if (rule == null)
        {
            SimulatedResponse response = emulator.Api.Handle(simulated);
            await reply.SendAsync(response.StatusCode, response.Body, "ok");
            return;
        }
        await FaultInjector.ApplyAsync(rule, reply, () => emulator.Api.Handle(simulated), request.Query["cursor"].FirstOrDefault());
    }

    /// <summary>401 without credentials, 403 for the token (or key) "invalid-token", null when the caller may proceed.</summary>
    private static int? Authenticate(HttpRequest request)
    {
        string? authorization = Header(request, "Authorization");
        if (authorization != null && authorization.StartsWith("Bearer ", StringComparison.Ordinal) && authorization.Length > 7)
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
