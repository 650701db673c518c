using System.Net;
using System.Net.Http;
using System.Text;
using EmailSecurity.Client;
using EmailSecurity.Client.Http;

namespace EmailSecurity.Tests.Core;

/// <summary>
/// The network under the REST core, answering from a script: one queued answer (or failure) per request.
/// </summary>
internal sealed class ScriptedNetwork : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> answers = new();

    public List<HttpRequestMessage> Requests { get; } = new();

    /// <summary>The body of each request as sent (read before the core disposes of it), null for none.</summary>
    public List<string?> Bodies { get; } = new();

    /// <summary>A token connection to https://api.example.test; tests that change its limits take their own.</summary>
    public static EsConnection Connection(string token = "t") =>
        new("acct", new Uri("https://api.example.test/client/v4"), EsAuthKind.ApiToken,
            Infrastructure.ModuleTest.Secure(token), null);

    /// <summary>The REST core over this script; without a policy, waits are not spent.</summary>
    public EsApiClient Client(
        IApiObserver? observer = null,
        EsConnection? connection = null,
        RetryPolicy? policy = null) =>
        new(connection ?? Connection(), observer ?? SilentObserver.Instance,
            new HttpPipeline(policy ?? new RetryPolicy { Delay = (_, _) => Task.CompletedTask }, () => this));

    /// <summary>A change to send: a bulk move of one message to the Inbox.</summary>
    public static ApiRequest MoveToInbox() =>
        ApiCatalog.Investigate.MoveBulk.Request()
            .WithFields(new Dictionary<string, object?> { ["destination"] = "Inbox" }).WithIds(["m1"]);

    /// <summary>
    /// A successful v4 envelope around <paramref name="result"/> (JSON), with <paramref name="info"/> as result_info.
    /// </summary>
    public static string Envelope(string result, string? info = null) =>
        $"{{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{result}{(info == null ? string.Empty : ",\"result_info\":" + info)}}}";

    public void Answer(int status, string body, params (string Name, string Value)[] headers) =>
        answers.Enqueue((request, _) => Task.FromResult(
            Response(request, status, new StringContent(body, Encoding.UTF8, "application/json"), headers)));

    public void Answer(int status, HttpContent content) =>
        answers.Enqueue((request, _) => Task.FromResult(Response(request, status, content)));

    public void Fail(Exception error) => answers.Enqueue((_, _) => throw error);

    /// <summary>
    /// An attempt that never answers: it ends only when its cancellation token (the attempt's time limit) fires.
    /// </summary>
    public void Hang() => answers.Enqueue(async (_, token) =>
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, token);
        throw new InvalidOperationException("unreachable");
    });

    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        Requests.Add(request);
        Bodies.Add(request.Content?.ReadAsStringAsync(cancellationToken).GetAwaiter().GetResult());
        return answers.Dequeue()(request, cancellationToken);
    }

    private static HttpResponseMessage Response(
        HttpRequestMessage request,
        int status,
        HttpContent content,
        params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = content, RequestMessage = request };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}

/// <summary>What the core reported, by stream.</summary>
internal sealed class RecordingObserver : IApiObserver
{
    public List<string> Verbose { get; } = new();

    public List<string> Warnings { get; } = new();

    public List<string> Progress { get; } = new();

    void IApiObserver.Verbose(string message) => Verbose.Add(message);

    void IApiObserver.Debug(string message)
    {
    }

    void IApiObserver.Warning(string message) => Warnings.Add(message);

    void IApiObserver.Progress(string status) => Progress.Add(status);
}
