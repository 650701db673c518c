using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EsBenchmark;

/// <summary>
/// The limit: the same cursor walk as Get-EsMessage (GET /investigate?per_page=1000, then &amp;cursor=result_info.next
/// until there is none) with a plain HttpClient and System.Text.Json (default options, the model's JsonPropertyName
/// attributes), deserializing into the module's own EmailSecurity.Models.Message and counting. No PowerShell, no
/// handler chain, no retry, no paging bridge.
/// </summary>
internal sealed class PlainLoop : IDisposable
{
    public const int PageSize = 1000;

    private readonly HttpClient http;
    private readonly Uri apiBaseUri;
    private readonly Type messageType;
    private readonly Func<object, string?> idOf;

    public PlainLoop(Uri apiBaseUri, Type messageType)
    {
        this.apiBaseUri = apiBaseUri;
        this.messageType = messageType;
        var id = messageType.GetProperty("Id")!;
        idOf = message => id.GetValue(message) as string;
        http = new HttpClient(new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            UseProxy = false,
        });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "benchmark-token");
    }

    public enum BodyReading
    {
        /// <summary>
        /// JsonSerializer.DeserializeAsync over the response stream (ResponseHeadersRead): the fastest way.
        /// </summary>
        Stream,

        /// <summary>ReadAsStringAsync, then JsonSerializer.Deserialize(string): what the module's core does.</summary>
        String,
    }

    /// <summary>The id of one of the module's messages.</summary>
    public Func<object, string?> IdOf => idOf;

    /// <summary>Walks every page of the account's messages; returns the objects counted.</summary>
    public PlainResult Walk(
        string account,
        BodyReading reading,
        Stopwatch clock,
        MemorySampler? sampler = null,
        int? maxObjects = null)
    {
        var method = typeof(PlainLoop).GetMethod(nameof(WalkAsync), BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(messageType);
        var task = (Task<PlainResult>)method.Invoke(this, [account, reading, clock, sampler, maxObjects])!;
        return task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// The retained size of one deserialized message: one page held in a list, measured between two forced GCs.
    /// What a command that buffered its results would hold per object (before any PSObject wrapper).
    /// </summary>
    public double RetainedBytesPerMessage(string account)
    {
        var method = typeof(PlainLoop).GetMethod(nameof(RetainedAsync), BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(messageType);
        return ((Task<double>)method.Invoke(this, [account])!).GetAwaiter().GetResult();
    }

    /// <summary>
    /// The first page of the account's messages as the module's Message objects (setup, not measured).
    /// </summary>
    public object[] FirstPage(string account)
    {
        using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, PageUri(account, null)));
        response.EnsureSuccessStatusCode();
        var envelopeType = typeof(Envelope<>).MakeGenericType(messageType);
        var envelope = JsonSerializer.Deserialize(response.Content.ReadAsStream(), envelopeType)!;
        var items = (System.Collections.IEnumerable)envelopeType.GetProperty(nameof(Envelope<object>.Result))!
            .GetValue(envelope)!;
        return items.Cast<object>().ToArray();
    }

    /// <summary>
    /// Investigate ids of the account's first <paramref name="count"/> messages, newest first (setup, not measured).
    /// </summary>
    public string[] Ids(string account, int count)
    {
        var ids = new List<string>(count);
        string? cursor = null;
        while (ids.Count < count)
        {
            using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, PageUri(account, cursor)));
            response.EnsureSuccessStatusCode();
            var page = JsonSerializer.Deserialize<Envelope<IdOnly>>(response.Content.ReadAsStream())
                       ?? throw new InvalidOperationException("Empty answer");
            ids.AddRange(page.Result!.Select(m => m.Id));
            cursor = page.ResultInfo?.Next;
            if (string.IsNullOrEmpty(cursor)) break;
        }

        if (ids.Count < count) throw new InvalidOperationException(
            $"The account has {ids.Count} messages; {count} are needed.");
        return ids.Take(count).ToArray();
    }

    private async Task<PlainResult> WalkAsync<T>(
        string account,
        BodyReading reading,
        Stopwatch clock,
        MemorySampler? sampler,
        int? maxObjects)
        where T : class
    {
        long count = 0;
        var requests = 0;
        TimeSpan? first = null;
        string? cursor = null;
        var digest = new OrderDigest();
        do
        {
            requests++;
            Envelope<T>? envelope;
            if (reading == BodyReading.Stream)
            {
                using var response = await http.GetAsync(PageUri(account, cursor),
                    HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                envelope = await JsonSerializer.DeserializeAsync<Envelope<T>>(body).ConfigureAwait(false);
            }
            else
            {
                using var response = await http.GetAsync(PageUri(account, cursor)).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                envelope = JsonSerializer.Deserialize<Envelope<T>>(body);
            }

            if (envelope is not { Success: true, Result: not null })
                throw new InvalidOperationException($"Page {requests} was not a successful list.");

            if (envelope.Result.Count > 0 && first == null)
            {
                first = clock.Elapsed;
                CheckFilledIn(envelope.Result[0]);
            }
            count += envelope.Result.Count;
            foreach (var message in envelope.Result) digest.Add(idOf(message));
            sampler?.Sample(count);
            cursor = envelope.ResultInfo?.Next;
        }
        while (!string.IsNullOrEmpty(cursor) && (maxObjects == null || count < maxObjects));

        return new PlainResult(count, requests, first, digest.Value);
    }

    /// <summary>
    /// The loop must really deserialize: the model's JsonPropertyName attributes only count when they come from the
    /// System.Text.Json this code uses. If they did not, every property would stay empty and the loop would be cheap.
    /// </summary>
    private void CheckFilledIn(object message)
    {
        string? Text(string property) => messageType.GetProperty(property)?.GetValue(message)?.ToString();
        if (string.IsNullOrEmpty(Text("Id")) || string.IsNullOrEmpty(Text("ScannedAt"))
            || string.IsNullOrEmpty(Text("From")))
            throw new InvalidOperationException("The plain loop's messages came back empty (Id, ScannedAt or From " +
                "missing): the module's JSON attributes were not honoured.");
    }

    private async Task<double> RetainedAsync<T>(string account)
        where T : class
    {
        using var response = await http.GetAsync(PageUri(account, null)).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var page = JsonSerializer.Deserialize<Envelope<T>>(body)!.Result!;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(page);
        return (double)(after - before) / page.Count;
    }

    private Uri PageUri(string account, string? cursor)
    {
        var uri =
            $"{apiBaseUri.AbsoluteUri.TrimEnd('/')}/accounts/{account}/email-security/investigate?per_page={PageSize}";
        if (cursor != null) uri += "&cursor=" + Uri.EscapeDataString(cursor);
        return new Uri(uri);
    }

    public void Dispose() => http.Dispose();

    private sealed class Envelope<T>
    {
        [JsonPropertyName("success")]
        public bool Success { get; set; }

        [JsonPropertyName("result")]
        public List<T>? Result { get; set; }

        [JsonPropertyName("result_info")]
        public Info? ResultInfo { get; set; }
    }

    private sealed class Info
    {
        [JsonPropertyName("next")]
        public string? Next { get; set; }
    }

    private sealed class IdOnly
    {
        [JsonPropertyName("id")]
        public string Id { get; set; } = "";
    }
}

/// <param name="Digest">The ids in the order read (<see cref="OrderDigest"/>).</param>
internal sealed record PlainResult(long Objects, int Requests, TimeSpan? FirstObjectAt, ulong Digest);
