using System.Management.Automation;
using System.Text.Json;
using EmailSecurity.Tests.Emulator;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine.Settings;

/// <summary>
/// Base of the settings cmdlet tests: what the emulator holds (read straight from its API, not through the module)
/// and what the module sent, in the shapes the assertions need.
/// </summary>
public abstract class SettingsTest : ModuleTest
{
    public const string MissingId = "00000000-0000-0000-0000-000000000000";

    protected SettingsTest(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    /// <summary>
    /// Every entry of a settings list (e.g. "allow_policies") as the API returns it. This request is recorded too:
    /// call it before <see cref="EmulatorAccount.ClearRequests"/> or after the request assertions.
    /// </summary>
    protected List<JsonElement> Stored(EmulatorAccount account, string resource) =>
        Api(account, $"/settings/{resource}?per_page=1000").EnumerateArray().ToList();

    /// <summary>Deletes every entry of a settings list, straight through the API.</summary>
    protected void Empty(EmulatorAccount account, string resource)
    {
        foreach (var entry in Stored(account, resource))
        {
            new AccountApi(Emulator, account).Delete($"/settings/{resource}/{entry.GetProperty("id").GetString()}")
                .GetAwaiter().GetResult().ShouldSucceed();
        }
    }

    /// <summary>One entry as the API returns it, or null when the API answers 404.</summary>
    protected JsonElement? StoredEntry(EmulatorAccount account, string resource, string id)
    {
        var answer = new AccountApi(Emulator, account).Get($"/settings/{resource}/{id}").GetAwaiter().GetResult();
        if (answer.Status == 404)
        {
            return null;
        }

        answer.ShouldSucceed();
        return answer.Result.Clone();
    }

    /// <summary>The API's error message for an id the list does not hold (e.g. "Allow policy not found").</summary>
    protected string NotFoundMessage(EmulatorAccount account, string resource, string id)
    {
        var answer = new AccountApi(Emulator, account).Get($"/settings/{resource}/{id}").GetAwaiter().GetResult();
        Assert.Equal(404, answer.Status);
        return answer.ErrorMessage;
    }

    private JsonElement Api(EmulatorAccount account, string relative)
    {
        var answer = new AccountApi(Emulator, account).Get(relative).GetAwaiter().GetResult();
        answer.ShouldSucceed();
        return answer.Result.Clone();
    }

    protected static TheoryData<string, string> Rows(IEnumerable<(string, string)> rows)
    {
        var data = new TheoryData<string, string>();
        foreach (var (first, second) in rows)
        {
            data.Add(first, second);
        }

        return data;
    }

    protected static Dictionary<string, object?> Vars(params (string Name, object? Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => v.Value);

    /// <summary>The errors of a run, including the one that stopped it.</summary>
    protected static IReadOnlyList<ErrorRecord> AllErrors(EngineResult result) =>
        result.Errors.Concat(result.Terminating is IContainsErrorRecord { ErrorRecord: { } stopped }
            ? new[] { stopped }
            : Array.Empty<ErrorRecord>()).ToList();
}

/// <summary>What went over the wire, read from the emulator's request log.</summary>
internal static class Wire
{
    public static JsonElement Body(RecordedRequest request)
    {
        Assert.False(string.IsNullOrEmpty(request.Body), $"{request.Method} {request.Path} has no body");
        return JsonDocument.Parse(request.Body!).RootElement.Clone();
    }

    /// <summary>Asserts the body is exactly these fields with these values (JSON text of each value).</summary>
    public static void BodyIs(RecordedRequest request, params (string Field, string Json)[] expected)
    {
        var body = Body(request);
        var actual = body.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
        Assert.Equal(expected.Select(e => e.Field).Order(), actual.Keys.Order());
        foreach (var (field, json) in expected)
        {
            Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(json).RootElement, body.GetProperty(field)),
                $"{field}: expected {json}, sent {actual[field]}");
        }
    }

    /// <summary>
    /// The requests after the batch request an API without a batch endpoint refused (an unknown route, nothing
    /// applied), which is asserted to be the first: what a piped New- or Remove- sends on the seed API.
    /// </summary>
    public static List<RecordedRequest> AfterRefusedBatch(IReadOnlyList<RecordedRequest> requests)
    {
        Assert.NotEmpty(requests);
        Assert.Equal(("POST", 404), (requests[0].Method, requests[0].Status));
        Assert.EndsWith("/batch", requests[0].Path, StringComparison.Ordinal);
        return requests.Skip(1).ToList();
    }

    /// <summary>
    /// The entries sent to be created, in order: the body of each POST to the list and each post of a batch request
    /// the API carried out.
    /// </summary>
    public static List<JsonElement> Created(IEnumerable<RecordedRequest> requests) =>
        requests.Where(r => r.Method == "POST" && r.Status == 200)
            .SelectMany(r => r.Path.EndsWith("/batch", StringComparison.Ordinal)
                ? Body(r).GetProperty("posts").EnumerateArray().ToList()
                : [Body(r)])
            .ToList();

    /// <summary>The query's name=value pairs in the order sent, repeated names included, decoded.</summary>
    public static List<(string Name, string Value)> Query(RecordedRequest request) =>
        (request.Query ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (Decode(parts[0]), parts.Length > 1 ? Decode(parts[1]) : string.Empty))
            .ToList();

    public static void QueryIs(RecordedRequest request, params (string Name, string Value)[] expected) =>
        Assert.Equal(expected.Order(), Query(request).Order());

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
