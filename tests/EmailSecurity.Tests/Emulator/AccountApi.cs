using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EmailSecurity.Tests.Infrastructure;
using Xunit;

namespace EmailSecurity.Tests.Emulator;

/// <summary>Plain HTTP against one emulator account's Email Security API, authenticated with a bearer token.</summary>
internal sealed class AccountApi
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private readonly EmulatorFixture fixture;

    public AccountApi(EmulatorFixture fixture, EmulatorAccount account)
    {
        this.fixture = fixture;
        Account = account;
    }

    public EmulatorAccount Account { get; }

    /// <summary>
    /// The full URL of <paramref name="relative"/>, which is taken as is (already encoded) after /email-security.
    /// </summary>
    public string Url(string relative) => $"{fixture.ApiBaseUri}/accounts/{Account.Id}/email-security{relative}";

    public Task<ApiResult> Get(string relative) => Send(HttpMethod.Get, relative);

    public Task<ApiResult> Post(string relative, object body) =>
        Send(HttpMethod.Post, relative, JsonSerializer.Serialize(body));

    public Task<ApiResult> Patch(string relative, object body) =>
        Send(HttpMethod.Patch, relative, JsonSerializer.Serialize(body));

    public Task<ApiResult> Put(string relative, object body) =>
        Send(HttpMethod.Put, relative, JsonSerializer.Serialize(body));

    public Task<ApiResult> Delete(string relative) => Send(HttpMethod.Delete, relative);

    /// <summary>
    /// What a change could have touched, as the API shows it: every message, submission, settings entry and bulk job
    /// (answers of lists the account's version lacks are constant 404s). Equal snapshots: nothing changed.
    /// </summary>
    public async Task<string> Snapshot()
    {
        var parts = new List<string>();
        foreach (string list in SnapshotLists)
        {
            parts.Add((await Get(list)).Body);
        }
        return string.Join("\n", parts);
    }

    private static readonly string[] SnapshotLists =
    {
        "/investigate?per_page=1000", "/submissions?per_page=1000", "/investigate/bulk?per_page=1000",
        "/settings/allow_policies?per_page=1000", "/settings/block_senders?per_page=1000",
        "/settings/content_policies?per_page=1000",
        "/settings/domains?per_page=1000", "/settings/impersonation_registry?per_page=1000",
        "/settings/sending_domain_restrictions?per_page=1000", "/settings/trusted_domains?per_page=1000",
        "/settings/url_ignore_patterns?per_page=1000",
    };

    public async Task<ApiResult> Send(
        HttpMethod method,
        string relative,
        string? json = null,
        Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, Url(relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "emulator-test-token");
        request.Headers.UserAgent.ParseAdd("EmulatorTests/1.0");
        if (json != null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        configure?.Invoke(request);
        using HttpResponseMessage response = await Http.SendAsync(request);
        return new ApiResult((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers,
            response.Content.Headers);
    }

    /// <summary>result_info.total_count of a list (path without a query), read with a one-item page.</summary>
    public async Task<int> TotalCount(string listPath) =>
        (await Get(listPath + "?per_page=1")).Json.GetProperty("result_info").GetProperty("total_count").GetInt32();

    /// <summary>Every message id of a search, following next cursors.</summary>
    public async Task<List<string>> AllIds(string query = "per_page=1000")
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            ApiResult page =
                await Get("/investigate?" + query + (cursor == null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            page.ShouldSucceed();
            ids.AddRange(page.Result.EnumerateArray().Select(m => m.GetProperty("id").GetString()!));
            cursor = page.Json.GetProperty("result_info").GetProperty("next").GetString();
        }
        while (cursor != null);
        return ids;
    }

    /// <summary>The first message of a search, e.g. "final_disposition=MALICIOUS".</summary>
    public async Task<JsonElement> First(string query = "")
    {
        ApiResult page = await Get("/investigate?per_page=1000&" + query);
        page.ShouldSucceed();
        return page.Result.EnumerateArray().First();
    }

    /// <summary>
    /// How many of a message's trace lines read exactly <paramref name="line"/> (each move or release adds one).
    /// </summary>
    public int TraceLines(string id, string line)
    {
        ApiResult trace = Get($"/investigate/{Uri.EscapeDataString(id)}/trace").GetAwaiter().GetResult();
        trace.ShouldSucceed();
        return trace.Result.GetProperty("inbound").GetProperty("lines").EnumerateArray()
            .Count(l => l.GetProperty("message").GetString() == line);
    }

    public async Task<JsonElement> Message(string id)
    {
        ApiResult result = await Get("/investigate/" + Uri.EscapeDataString(id));
        result.ShouldSucceed();
        return result.Result;
    }
}

internal sealed class ApiResult(int status, string body, HttpResponseHeaders headers, HttpContentHeaders contentHeaders)
{
    public int Status { get; } = status;
    public string Body { get; } = body;
    public HttpResponseHeaders Headers { get; } = headers;
    public HttpContentHeaders ContentHeaders { get; } = contentHeaders;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    public JsonElement Result => Json.GetProperty("result");
    public JsonElement Error => Json.GetProperty("errors")[0];
    public int ErrorCode => Error.GetProperty("code").GetInt32();
    public string ErrorMessage => Error.GetProperty("message").GetString()!;

    public void ShouldSucceed()
    {
        Assert.True(Status == 200, $"Expected 200, got {Status}: {Body}");
        Assert.True(Json.GetProperty("success").GetBoolean(), Body);
    }

    /// <summary>
    /// An error envelope with the given status whose first error message starts with "<paramref name="field"/>:".
    /// </summary>
    public void ShouldBeInvalid(string field)
    {
        Assert.True(Status == 400, $"Expected 400, got {Status}: {Body}");
        Assert.False(Json.GetProperty("success").GetBoolean());
        Assert.Equal(JsonValueKind.Null, Result.ValueKind);
        Assert.StartsWith(field + ":", ErrorMessage, StringComparison.Ordinal);
    }
}
