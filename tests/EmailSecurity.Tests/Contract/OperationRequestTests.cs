using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EmailSecurity.Client;
using EmailSecurity.Tests.Emulator;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Contract;

/// <summary>
/// Every operation of the endpoint catalog driven through its cmdlet against the emulator, and the requests it sent
/// (method, target, body) compared byte for byte with Fixtures/requests/&lt;operation&gt;.txt, so a change to the REST
/// core or the cmdlets that alters what goes over the wire shows up here.
/// </summary>
/// <remarks>
/// The files are written only on request: <c>ES_RECORD_REQUESTS=1 dotnet test EsPowerShell.sln --filter
/// FullyQualifiedName~OperationRequestTests</c> (CONTRIBUTING.md), then review them with <c>git diff</c>.
/// Each case gets a fresh account generated from seed 1 and fixed -Start/-End; the account id and the ids a case
/// took from the emulator's data (messages are named by the time they were scanned, so they change from run to run)
/// are written as placeholders: {account_id}, {$id}, {$ids[1]}, and {$id|escaped} where the id went out
/// percent-encoded. The substitution is exact, so an id the module sent altered still shows, and fails.
/// The operations of the settings lists have no rows here: their scripts are written from the cmdlet types
/// (<see cref="SettingsScripts"/>) when their file is first recorded, and read back from the file after that, so
/// the file keeps the script it was recorded with.
/// </remarks>
[Collection("Emulator")]
public sealed class OperationRequestTests : ModuleTest
{
    public const string RecordVariable = "ES_RECORD_REQUESTS";

    private const string Start = "-Start ([datetimeoffset]'2026-01-01T00:00:00Z')";
    private const string End = "-End ([datetimeoffset]'2026-01-31T23:59:59Z')";
    private const string Confirmed = "-Confirm:$false";

    // A short .eml as base64, the form -EmlContent takes.
    private static readonly string Eml = Convert.ToBase64String(Encoding.UTF8.GetBytes(
        "From: a@phish.test\r\nTo: b@contoso.example\r\nSubject: Invoice\r\n\r\nPay now.\r\n"));

    /// <summary>
    /// Each operation: the script that drives it (several calls where the cmdlet builds the request in several ways),
    /// and the ids it needs from the account's data. Those of the settings lists are made by <see cref="SettingsRows"/>.
    /// </summary>
    private static readonly Dictionary<string, Operation> Operations = new Operation[]
    {
        new("investigate.list",
            $"Get-EsMessage -Query 'invoice' -Sender 'a@phish.test' -Recipient 'b@contoso.example' -Subject 'Pay now' -Domain 'phish.test' " +
            $"-Disposition malicious -MessageAction moved -AlertId '20260101-000001' -MessageId '<x.1@phish.test>' -Metric 'm' -DetectionsOnly {Start} {End} -PageSize 50\n" +
            "Get-EsMessage -Disposition NONE -PageSize 2 -First 3"),
        new("investigate.get", "Get-EsMessage -Id $id\nGet-EsMessage -Id $id -Submission", Message("final_disposition=MALICIOUS")),
        new("investigate.detections.get", "Get-EsMessageDetection -Id $id", Message("final_disposition=MALICIOUS")),
        new("investigate.preview.get", "Get-EsMessagePreview -Id $id", Message("final_disposition=MALICIOUS")),
        new("investigate.preview.create", "Get-EsMessagePreview -PostfixId $id", PostfixId("final_disposition=NONE")),
        new("investigate.raw.get", "Get-EsMessageRaw -Id $id", Message("final_disposition=MALICIOUS")),
        new("investigate.trace.get", "Get-EsMessageTrace -Id $id", Message("final_disposition=MALICIOUS")),
        new("investigate.move.create", $"Move-EsMessage -Id $id -Destination junkemail {Confirmed}", Message("final_disposition=MALICIOUS")),
        new("investigate.move.bulk", $"$ids | Move-EsMessage -Destination DeletedItems -BatchSize 2 {Confirmed}", Messages("final_disposition=MALICIOUS", 3)),
        new("investigate.reclassify.create",
            $"Submit-EsReclassification -Id $id -ExpectedDisposition spam -EmlContent '{Eml}' -EscalatedSubmissionId 'sub-1' {Confirmed}\n" +
            $"Submit-EsReclassification -Id $id -ExpectedDisposition NONE {Confirmed}",
            Message("final_disposition=MALICIOUS")),
        new("investigate.release.bulk", $"$ids | Unblock-EsMessage -BatchSize 2 {Confirmed}", Quarantined(3)),
        new("phishguard.reports.list", $"Get-EsPhishGuardReport {Start} {End}"),
        new("submissions.list",
            "Get-EsSubmission -Query 'invoice' -SubmissionId 'sub-1' -Type team -Status 'complete' -RequestedDisposition MALICIOUS " +
            $"-OriginalDisposition NONE -OutcomeDisposition SPAM -EscalatedFromUser $true {Start} {End} -PageSize 10\n" +
            "Get-EsSubmission -PageSize 2 -First 3"),
    }.Concat(SettingsRows()).ToDictionary(o => o.Name);

    public OperationRequestTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private static string Folder => Path.Combine(Paths.RepoRoot, "tests", "EmailSecurity.Tests", "Fixtures", "requests");

    private static bool Recording => Environment.GetEnvironmentVariable(RecordVariable) == "1";

    public static TheoryData<string> Names() => new(Operations.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Every_operation_of_the_catalog_is_driven_here_with_its_recorded_requests()
    {
        var expected = ApiCatalog.All.Select(o => o.Name).Order(StringComparer.Ordinal).ToList();
        var recorded = Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, "*.txt").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList()
            : new List<string>();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, Operations.Keys.Order(StringComparer.Ordinal));
        if (!Recording)
        {
            Assert.Equal(expected, recorded);
        }
    }

    [Fact]
    public void The_catalog_declares_every_operation_of_the_API_reference_with_its_method_and_path()
    {
        Assert.NotEmpty(ApiReference.Operations);
        Assert.All(ApiReference.Operations, described =>
        {
            var declared = ApiCatalog.All.SingleOrDefault(o => o.Name == described.Name);
            Assert.True(declared is not null, $"{described.Name} of {ApiReference.File} is not in the catalog");
            Assert.Equal((described.Method, described.PathTemplate), (declared!.Method.Method, declared.Route));
        });
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void An_operation_sends_exactly_the_recorded_requests(string name)
    {
        var operation = Operations[name];
        var declared = ApiCatalog.All.Single(o => o.Name == name);
        var file = Path.Combine(Folder, name + ".txt");
        var (session, account) = Connected(messages: 60, seed: 1, apiVersion: VersionFor(operation));
        var api = new AccountApi(Emulator, account);
        var variables = operation.Variables?.Invoke(api) ?? new Dictionary<string, object>();
        var script = operation.Script ?? RecordedScript(file) ?? operation.Generate!(api);
        account.ClearRequests();

        session.Run(script, variables.ToDictionary(v => v.Key, v => (object?)v.Value)).ShouldSucceed();

        var requests = account.Requests();
        AssertSentBy(declared, requests, account.Id, operation.Noun);
        Assert.Empty(operation.Sends.Except(SentNames(requests)));
        var actual = Render(script, requests, account.Id, variables);
        if (Recording)
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllBytes(file, Encoding.UTF8.GetBytes(actual));
            return;
        }

        Assert.True(File.Exists(file), $"No recorded requests for {name}: run {RecordVariable}=1 dotnet test EsPowerShell.sln --filter FullyQualifiedName~{nameof(OperationRequestTests)} and review the new file.");
        Assert.Equal(Encoding.UTF8.GetString(File.ReadAllBytes(file)), actual);
    }

    /// <summary>
    /// The scripts written for the settings lists, run whether or not their files were recorded with them: each
    /// succeeds, sends only its operation and every filter or field its cmdlet declares.
    /// </summary>
    [Theory]
    [MemberData(nameof(SettingsNames))]
    public void The_script_written_for_a_settings_operation_drives_every_filter_and_field_of_its_cmdlet(string name)
    {
        var operation = Operations[name];
        var (session, account) = Connected(messages: 60, seed: 1, apiVersion: VersionFor(operation));
        var api = new AccountApi(Emulator, account);
        var variables = operation.Variables?.Invoke(api) ?? new Dictionary<string, object>();
        var script = operation.Generate!(api);
        account.ClearRequests();

        session.Run(script, variables.ToDictionary(v => v.Key, v => (object?)v.Value)).ShouldSucceed();

        var requests = account.Requests();
        AssertSentBy(ApiCatalog.All.Single(o => o.Name == name), requests, account.Id, operation.Noun);
        Assert.NotEmpty(operation.Sends);
        Assert.Empty(operation.Sends.Except(SentNames(requests)));
    }

    public static TheoryData<string> SettingsNames() =>
        new(Operations.Values.Where(o => o.Generate is not null && o.Sends.Count > 0).Select(o => o.Name).Order(StringComparer.Ordinal));

    /// <summary>The rows of the settings lists, one per operation of each list's collection that a cmdlet sends.</summary>
    private static IEnumerable<Operation> SettingsRows() => SettingsNoun.All.SelectMany(noun => noun.Collection.Operations
        .Where(operation => operation != noun.Collection.Create || noun.New is not null)
        .Select(operation => new Operation(
            operation.Name,
            null,
            operation.Route.Contains('{') ? Entry(noun.Collection) : null,
            api => SettingsScripts.For(noun, operation, FirstEntry(api, noun.Collection))!,
            SettingsScripts.Declared(noun, operation),
            noun)));

    /// <summary>
    /// The API version the operation's account plays: the emulator's default, or the oldest with its settings list.
    /// A batch endpoint came with the 2026-10 API; the older one answers it as an unknown route (Sync-Es* then sends
    /// one request per change, which is not this operation).
    private string? VersionFor(Operation operation) =>
        operation.Noun is not { } noun ? null
        : operation.Name == noun.Collection.Batch?.Name ? ApiVersionNames.V2026_10
        : Emulator.FirstVersionServing(noun.Collection.Route);

    /// <summary>
    /// Every request was one of the operation's: its method, its route with a segment in each placeholder. A batch
    /// (Sync-Es*) reads its list first, so the list's reads are its too.
    /// </summary>
    private static void AssertSentBy(ApiOperation operation, IReadOnlyList<RecordedRequest> requests, string accountId, SettingsNoun? noun)
    {
        var operations = operation == noun?.Collection.Batch ? new[] { operation, noun.Collection.List } : new[] { operation };
        Regex Route(ApiOperation o) => new("^" + string.Join("/", o.Route.Split('/').Select(s => s.StartsWith('{') ? "[^/]+" : Regex.Escape(s))) + "$");
        Assert.NotEmpty(requests);
        Assert.Contains(requests, r => r.Method == operation.Method.Method && Route(operation).IsMatch(EncodedPath(r, accountId)));
        Assert.All(requests, r => Assert.True(
            operations.Any(o => r.Method == o.Method.Method && Route(o).IsMatch(EncodedPath(r, accountId))),
            $"{r.Method} {r.RawTarget} is not {operation}"));
    }

    /// <summary>The query parameters and top-level body fields the requests sent, by name.</summary>
    private static IEnumerable<string> SentNames(IEnumerable<RecordedRequest> requests) => requests.SelectMany(r =>
        r.QueryParameters.Keys.Concat(
            r.Body is { } body && JsonDocument.Parse(body).RootElement is { ValueKind: JsonValueKind.Object } fields
                ? fields.EnumerateObject().Select(f => f.Name).ToList()
                : []));

    /// <summary>The script a file was recorded with (its "# " lines), or null when there is no file.</summary>
    private static string? RecordedScript(string file) => File.Exists(file)
        ? string.Join("\n", File.ReadAllText(file).Split('\n').TakeWhile(l => l.StartsWith("# ", StringComparison.Ordinal)).Select(l => l[2..]))
        : null;

    /// <summary>The path of the raw target below /email-security, still encoded.</summary>
    private static string EncodedPath(RecordedRequest request, string accountId)
    {
        var prefix = $"/client/v4/accounts/{accountId}/email-security";
        var target = request.RawTarget.Split('?')[0];
        Assert.StartsWith(prefix, target, StringComparison.Ordinal);
        return target[prefix.Length..];
    }

    /// <summary>"# script" lines, then per request its method and target and, when it has one, its body on the next line.</summary>
    private static string Render(string script, IReadOnlyList<RecordedRequest> requests, string accountId, IReadOnlyDictionary<string, object> variables)
    {
        var placeholders = new List<(string Value, string Placeholder)> { (accountId, "{account_id}") };
        foreach (var (variable, value) in variables)
        {
            var values = value as string[] ?? new[] { (string)value };
            for (var i = 0; i < values.Length; i++)
            {
                var name = value is string[] ? $"${variable}[{i}]" : $"${variable}";
                placeholders.Add((values[i], $"{{{name}}}"));
                if (Uri.EscapeDataString(values[i]) is var escaped && escaped != values[i])
                {
                    placeholders.Add((escaped, $"{{{name}|escaped}}"));
                }
            }
        }

        string Substitute(string text)
        {
            foreach (var (value, placeholder) in placeholders.Where(p => p.Value.Length > 0).OrderByDescending(p => p.Value.Length))
            {
                text = text.Replace(value, placeholder, StringComparison.Ordinal);
            }

            return text;
        }

        var lines = new StringBuilder();
        foreach (var line in script.Split('\n'))
        {
            lines.Append("# ").Append(line).Append('\n');
        }

        foreach (var request in requests)
        {
            lines.Append('\n').Append(request.Method).Append(' ').Append(Substitute(request.RawTarget)).Append('\n');
            if (request.Body != null)
            {
                lines.Append(Substitute(request.Body)).Append('\n');
            }
        }

        return lines.ToString();
    }

    private static Func<AccountApi, Dictionary<string, object>> Message(string query) =>
        api => new() { ["id"] = api.First(query).GetAwaiter().GetResult().GetProperty("id").GetString()! };

    private static Func<AccountApi, Dictionary<string, object>> PostfixId(string query) =>
        api => new() { ["id"] = api.First(query).GetAwaiter().GetResult().GetProperty("postfix_id").GetString()! };

    private static Func<AccountApi, Dictionary<string, object>> Messages(string query, int count) =>
        api => new() { ["ids"] = api.AllIds("per_page=1000&" + query).GetAwaiter().GetResult().Take(count).ToArray() };

    private static Func<AccountApi, Dictionary<string, object>> Quarantined(int count) =>
        api =>
        {
            var page = api.Get("/investigate?per_page=1000").GetAwaiter().GetResult();
            page.ShouldSucceed();
            var ids = page.Result.EnumerateArray()
                .Where(m => m.GetProperty("is_quarantined").ValueKind == JsonValueKind.True)
                .Select(m => m.GetProperty("id").GetString()!)
                .Take(count)
                .ToArray();
            Assert.Equal(count, ids.Length);
            return new() { ["ids"] = ids };
        };

    private static Func<AccountApi, Dictionary<string, object>> Entry(ApiCollection collection) =>
        api => new() { ["id"] = FirstEntry(api, collection).GetProperty("id").GetString()! };

    private static JsonElement FirstEntry(AccountApi api, ApiCollection collection)
    {
        var list = api.Get($"{collection.Route}?per_page=1").GetAwaiter().GetResult();
        list.ShouldSucceed();
        return list.Result[0];
    }

    /// <summary>
    /// An operation, the script that drives it (or how to write it), the variables ($id, $ids) it takes from the
    /// account's data, and the names of the filters or fields its requests must send.
    /// </summary>
    private sealed record Operation(
        string Name,
        string? Script,
        Func<AccountApi, Dictionary<string, object>>? Variables = null,
        Func<AccountApi, string>? Generate = null,
        IReadOnlyList<string>? Declared = null,
        SettingsNoun? Noun = null)
    {
        public IReadOnlyList<string> Sends => Declared ?? [];
    }
}
