using EmailSecurity.Simulator;
using EsEmulator.Faults;
using EsEmulator.RateLimiting;
using EsEmulator.Recording;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EsEmulator;

/// <summary>
/// The emulator's state and front door: /_emulator/* is the control API, everything else the Email Security API.
/// </summary>
public sealed class Emulator(ApiVersion defaultVersion)
{
    public EmailSecurityApi Api { get; } = new(defaultVersion: defaultVersion);
    public FaultBook Faults { get; } = new();
    public RequestLog Requests { get; } = new();
    public RateLimiter RateLimits { get; } = new();
    public PollBook Polls { get; } = new();

    public Task HandleAsync(HttpContext context)
    {
        // RawTarget is the request line as sent: percent-encoding intact, so an encoded '/' stays inside its segment.
        string rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget
            ?? context.Request.Path + context.Request.QueryString;
        if (rawTarget == ControlApi.BasePath
            || rawTarget.StartsWith(ControlApi.BasePath + "/", StringComparison.Ordinal))
        {
            return ControlApi.HandleAsync(context, this);
        }
        return ApiPipeline.HandleAsync(context, this, ApiTarget.Parse(rawTarget));
    }
}
