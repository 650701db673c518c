using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using EmailSecurity.Client;
using EmailSecurity.Client.Http;

namespace EmailSecurity.Tests.Core;

/// <summary>
/// GET /investigate in process, for the core's paging: the messages newest first (ties by id), cursor paging,
/// <c>start</c>/<c>end</c> with the edge semantics a test chooses (the reference does not say whether the API's end is
/// inclusive), the API's defaults (start: 30 days before now, end: now), <c>total_count</c>, a page cap, latency, and
/// faults chosen per request. Safe for the concurrent requests of a partitioned search; records every query.
/// </summary>
internal sealed class FakeSearchApi : HttpMessageHandler
{
    private readonly List<(string Id, DateTimeOffset? At)> newestFirst;
    private readonly object gate = new();
    private int underWay;

    public FakeSearchApi(IEnumerable<(string Id, DateTimeOffset? At)> messages, DateTimeOffset now)
    {
        Now = now;
        newestFirst = messages
            .OrderByDescending(m => m.At ?? DateTimeOffset.MinValue)
            .ThenBy(m => m.Id, StringComparer.Ordinal)
            .ToList();
    }

    public DateTimeOffset Now { get; }

    public bool StartInclusive { get; init; } = true;

    public bool EndInclusive { get; init; } = true;

    /// <summary>The most items on a page, whatever per_page asks.</summary>
    public int PageCap { get; init; } = 1000;

    public TimeSpan Latency { get; init; }

    /// <summary>JSON written into every message after its id and scan time, e.g. a field of the wrong kind.</summary>
    public string? ExtraFields { get; init; }

    /// <summary>Leaves total_count out of result_info.</summary>
    public bool WithoutTotal { get; init; }

    /// <summary>A fault for the request with this number (1 for the first), or null to answer normally.</summary>
    public Func<int, HttpRequestMessage, HttpResponseMessage?>? Fault { get; set; }

    public List<Dictionary<string, string>> Queries { get; } = new();

    /// <summary>Results sent in all pages so far.</summary>
    public int ResultsSent { get; private set; }

    /// <summary>The most requests that were under way at the same time.</summary>
    public int MostAtOnce { get; private set; }

    public IReadOnlyList<string> AllIds(DateTimeOffset? start = null, DateTimeOffset? end = null) =>
        Matching(start, end).Select(m => m.Id).ToList();

    /// <summary>
    /// A core over this API with retries that do not wait, for a connection of its own (its own request budget).
    /// </summary>
    public EsApiClient Client(IApiObserver observer) =>
        new(
            new EsConnection("acct", new Uri("https://search.example.test/client/v4"), EsAuthKind.ApiToken,
                Infrastructure.ModuleTest.Secure(Guid.NewGuid().ToString("N")), null),
            observer,
            new HttpPipeline(new RetryPolicy { Delay = (_, _) => Task.CompletedTask }, () => this));

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        var query = Parse(request.RequestUri!.Query);
        int number;
        lock (gate)
        {
            Queries.Add(query);
            number = Queries.Count;
            MostAtOnce = Math.Max(MostAtOnce, ++underWay);
        }

        try
        {
            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency, cancellationToken);
            }

            return Fault?.Invoke(number, request) ?? Answer(request);
        }
        finally
        {
            lock (gate)
            {
                underWay--;
            }
        }
    }

    /// <summary>
    /// What the API answers to <paramref name="request"/> without a fault (for a fault that alters it).
    /// </summary>
    public HttpResponseMessage Answer(HttpRequestMessage request)
    {
        var query = Parse(request.RequestUri!.Query);
        var start = query.TryGetValue("start", out var s) ? Date(s) : Now.AddDays(-30);
        var end = query.TryGetValue("end", out var e) ? Date(e) : Now;
        if (start > end)
        {
            return Json(request, 400, "{\"success\":false,\"errors\":[{\"code\":1001,\"message\":\"start must not be " +
                "later than end\"}],\"result\":null}");
        }

        var matches = Matching(start, end).ToList();
        var perPage = Math.Min(PageCap, int.Parse(query["per_page"], CultureInfo.InvariantCulture));
        var search = string.Join("&", query.Where(p => p.Key != "cursor" && p.Key != "per_page").OrderBy(p => p.Key)
            .Select(p => p.Key + "=" + p.Value));
        var offset = query.TryGetValue("cursor", out var cursor) ? Offset(cursor, search) : 0;
        var page = matches.Skip(offset).Take(perPage).ToList();
        lock (gate)
        {
            ResultsSent += page.Count;
        }

        var next = offset + page.Count < matches.Count ? Cursor(offset + page.Count, search) : null;
        var extra = ExtraFields == null ? string.Empty : "," + ExtraFields;
        var items = string.Join(",",
            page.Select(
                m =>
                    $"{{\"id\":\"{m.Id}\",\"scanned_at\":{(m.At is { } at ? "\"" + at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + "\"" : "null")}{extra}}}"));
        var total = WithoutTotal ? string.Empty : $",\"total_count\":{matches.Count}";
        var info =
            $"{{\"count\":{page.Count},\"per_page\":{perPage}{total},\"next\":{(next == null ? "null" : "\"" + next + "\"")}}}";
        var response = Json(request, 200,
            $"{{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[{items}],\"result_info\":{info}}}");
        response.Headers.Date = Now;
        return response;
    }

    private IEnumerable<(string Id, DateTimeOffset? At)> Matching(DateTimeOffset? start, DateTimeOffset? end)
    {
        var from = start ?? Now.AddDays(-30);
        var until = end ?? Now;
        return newestFirst.Where(m => m.At is { } at
            && (StartInclusive ? at >= from : at > from)
            && (EndInclusive ? at <= until : at < until));
    }

    public static HttpResponseMessage Json(HttpRequestMessage request, int status, string body) =>
        new((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json"),
            RequestMessage = request };

    private static DateTimeOffset Date(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static string Cursor(int offset, string search) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(offset + "|" + search));

    private static int Offset(string cursor, string search)
    {
        var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split('|', 2);
        if (parts[1] != search)
        {
            throw new InvalidOperationException("A cursor was sent with another search than its own.");
        }

        return int.Parse(parts[0], CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, string> Parse(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]),
                p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty));
}
