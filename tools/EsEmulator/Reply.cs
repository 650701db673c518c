using EsEmulator.Recording;
using Microsoft.AspNetCore.Http;

namespace EsEmulator;

/// <summary>
/// Writes (or withholds) the answer to one API request. The request's record is completed first, so a client
/// that reads the log right after seeing the answer, or the dropped connection, finds it final.
/// </summary>
public sealed class Reply(HttpContext context, RequestLog log, RecordedRequest record)
{
    public async Task SendAsync(int status, string body, string outcome, string? retryAfter = null)
    {
        log.Complete(record, status, outcome);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (retryAfter != null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }
        await context.Response.WriteAsync(body);
    }

    /// <summary>
    /// 202 Accepted with <c>Location</c> (where to poll) and <c>Retry-After</c>: the work is still running.
    /// </summary>
    public Task SendAcceptedAsync(string location, string retryAfter, string outcome)
    {
        context.Response.Headers.Location = location;
        return SendAsync(202, Faults.PollBook.RunningBody, outcome, retryAfter);
    }

    /// <summary>
    /// A redirect (<paramref name="status"/> 3xx) to <paramref name="location"/>, with an empty body.
    /// </summary>
    public Task SendRedirectAsync(int status, string location, string outcome)
    {
        log.Complete(record, status, outcome);
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    /// <summary>Adds a header to the answer, whatever it turns out to be.</summary>
    public void SetHeader(string name, string value) => context.Response.Headers[name] = value;

    /// <summary>Closes the connection without an answer.</summary>
    public void Drop(string outcome)
    {
        log.Complete(record, 0, outcome);
        context.Abort();
    }

    /// <summary>
    /// Sends status, headers (with the full Content-Length) and half the body, then closes the connection.
    /// </summary>
    public async Task SendHalfThenDropAsync(int status, string body, string outcome)
    {
        log.Complete(record, status, outcome);
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
        await context.Response.Body.FlushAsync();
        context.Abort();
    }
}
