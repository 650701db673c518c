using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EmailSecurity.Client;
using EmailSecurity.Tests.Emulator;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Contract;

/// <summary>
/// Every operation of the endpoint catalog driven through its cmdlet against the emulator in each API version that
/// serves it (the seed's 37 operations in both; the others in 2026-10), and the requests it sent (method, target, body)
/// compared byte for byte with Fixtures/requests/&lt;operation&gt;.&lt;version&gt;.txt, so a change to the REST core or
/// the cmdlets that alters what goes over the wire shows up here. A shape the version refuses shows as the refused
/// request followed by the one in the shape it takes (at most one refusal per operation and connection).
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
    /// and the ids it needs from the account's data. Those of the settings lists are made by
    /// <see cref="SettingsRows"/>.
    /// </summary>
    private static readonly Dictionary<string, Operation> Operations = new Operation[]
    {
        new("investigate.list",
            "Get-EsMessage -Query 'invoice' -Sender 'a@phish.test' -Recipient 'b@contoso.example' -Subject 'Pay now' " +
            "-Domain 'phish.test' -Disposition malicious -MessageAction moved -AlertId '20260101-000001' -MessageId " +
            $"'<x.1@phish.test>' -Metric 'm' -DetectionsOnly {Start} {End} -PageSize 50\n" +
            "Get-EsMessage -Disposition NONE -PageSize 2 -First 3"),
        new("investigate.get", "Get-EsMessage -Id $id\nGet-EsMessage -Id $id -Submission",
            Message("final_disposition=MALICIOUS")),
        new("investigate.detections.get", "Get-EsMessageDetection -Id $id", Message("final_disposition=MALICIOUS")),
        new("investigate.preview.get", "Get-EsMessagePreview -Id $id", Message("final_disposition=MALICIOUS")),
        new("investigate.preview.create", "Get-EsMessagePreview -PostfixId $id", PostfixId("final_disposition=NONE"))
        {
            // 2026-10 refuses postfix ids: the same preview by investigate id, the detection preview refused as for a
            // message without a detection.
            In2026 = ("Get-EsMessagePreview -Id $id", Message("final_disposition=NONE"), NoDetectionPreview),
        },
        new("investigate.raw.get", "Get-EsMessageRaw -Id $id", Message("final_disposition=MALICIOUS")),
        new("investigate.trace.get", "Get-EsMessageTrace -Id $id", Message("final_disposition=MALICIOUS")),
        new("investigate.move.create", $"Move-EsMessage -Id $id -Destination junkemail {Confirmed}",
            Message("final_disposition=MALICIOUS")),
        new("investigate.move.bulk", $"$ids | Move-EsMessage -Destination DeletedItems -BatchSize 2 {Confirmed}",
            Messages("final_disposition=MALICIOUS", 3)),
        new("investigate.reclassify.create",
            $"Submit-EsReclassification -Id $id -ExpectedDisposition spam -EmlContent '{Eml}' -EscalatedSubmissionId " +
            $"'sub-1' {Confirmed}\nSubmit-EsReclassification -Id $id -ExpectedDisposition NONE {Confirmed}",
            Message("final_disposition=MALICIOUS")),
        new("investigate.release.bulk", $"$ids | Unblock-EsMessage -BatchSize 2 {Confirmed}", Quarantined(3)),
        new("investigate.bulk.create",
            "Start-EsBulkAction -Action Move -Destination junkemail -Query 'invoice' -Sender '*@phish.test' " +
            "-Recipient 'b@contoso.example' -Subject 'Pay now' -ExactSubject 'Pay now!' -Domain 'phish.test' " +
            "-Disposition malicious -MessageAction moved -AlertId '20260101-000001' -MessageId '<x.1@phish.test>' " +
            $"-DeliveryStatus Delivered -DetectionsOnly {Start} {End} -Comment 'Pull the wave' -Force\n" +
            "Start-EsBulkAction Release -Disposition SPAM -Force"),
        new("investigate.bulk.list", "Get-EsBulkAction -Status pending -Action move -PageSize 5\n" +
            "Get-EsBulkAction -PageSize 2 -First 3", BulkJobs(3)),
        new("investigate.bulk.get", "Get-EsBulkAction -Id $id", BulkJob(finished: false)),
        new("investigate.bulk.delete", $"Remove-EsBulkAction -Id $id {Confirmed}", BulkJob(finished: true)),
        new("investigate.bulk.cancel.create", $"Stop-EsBulkAction -Id $id -PassThru {Confirmed}",
            BulkJob(finished: false)),
        new("investigate.bulk.messages.list",
            "Get-EsBulkActionMessage -Id $id -Status completed -PageSize 5\n" +
            "Get-EsBulkActionMessage -Id $id -PageSize 2 -First 3", BulkJob(finished: true)),
        new("phishguard.reports.list", $"Get-EsPhishGuardReport {Start} {End}"),
        new("submissions.list",
            "Get-EsSubmission -Query 'invoice' -SubmissionId 'sub-1' -Type team -Status 'complete' " +
            "-RequestedDisposition MALICIOUS -OriginalDisposition NONE -OutcomeDisposition SPAM -EscalatedFromUser " +
            $"$true {Start} {End} -PageSize 10\nGet-EsSubmission -PageSize 2 -First 3"),
    }.Concat(SettingsRows()).ToDictionary(o => o.Name);

    public OperationRequestTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private static string Folder =>
        Path.Combine(Paths.RepoRoot, "tests", "EmailSecurity.Tests", "Fixtures", "requests");

    private static bool Recording => Environment.GetEnvironmentVariable(RecordVariable) == "1";

    /// <summary>
    /// Each operation with each API version that serves it: the seed's operations in both, the others in 2026-10.
    /// </summary>
    public static TheoryData<string, string> Recordings()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Operations.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var version in VersionsServing(name))
            {
                data.Add(name, version);
            }
        }

        return data;
    }

    /// <summary>The seed serves what its reference describes; 2026-10 serves every operation of the catalog.</summary>
    private static IEnumerable<string> VersionsServing(string name) =>
        ApiReference.Operations.Any(o => o.Name == name) ? ApiVersionNames.All : new[] { ApiVersionNames.V2026_10 };

    private static string FileOf(string name, string version) => Path.Combine(Folder, $"{name}.{version}.txt");

    [Fact]
    public void Every_operation_of_the_catalog_is_driven_here_with_its_recorded_requests()
    {
        var expected = ApiCatalog.All.Select(o => o.Name).Order(StringComparer.Ordinal).ToList();
        var files = expected.SelectMany(
            name => VersionsServing(name).Select(version => Path.GetFileName(FileOf(name, version))))
            .Order(StringComparer.Ordinal).ToList();
        var recorded = Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, "*.txt").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)
                .ToList()
            : new List<string>();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, Operations.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(37, expected.Count(name => VersionsServing(name).Contains(ApiVersionNames.Seed)));
        if (!Recording)
        {
            Assert.Equal(files, recorded);
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
    [MemberData(nameof(Recordings))]
    public void An_operation_sends_exactly_the_recorded_requests(string name, string version)
    {
        var operation = Operations[name];
        var declared = ApiCatalog.All.Single(o => o.Name == name);
        var file = FileOf(name, version);
        var (session, account) = Connected(messages: 60, seed: 1, apiVersion: version);
        var api = new AccountApi(Emulator, account);
        var (script, variablesOf, faults) = version == ApiVersionNames.V2026_10 && operation.In2026 is { } other
            ? other
            : (operation.Script, operation.Variables, (FaultRule[]?)null);
        // The script first: a creation copies an entry its variables then take out of the list (see SettingsRows).
        script = script ?? RecordedScript(file) ?? operation.Generate!(api);
        var variables = variablesOf?.Invoke(api) ?? new Dictionary<string, object>();
        var sends = operation.Sends;
        if (version == ApiVersionNames.V2026_10 && RefusedIn2026.TryGetValue(name, out var refused))
        {
            script = Regex.Replace(script, $@" -{refused.Parameter} '[^']*'", string.Empty);
            sends = sends.Where(field => field != refused.Field).ToList();
        }

        account.SetFaults(faults ?? []);
        account.ClearRequests();

        session.Run(script, variables.ToDictionary(v => v.Key, v => (object?)v.Value)).ShouldSucceed();

        var requests =
            account.Requests().Where(r => !r.Outcome.StartsWith("fault:", StringComparison.Ordinal)).ToList();
        AssertSentBy(declared, requests, account.Id, operation.Noun);
        Assert.Empty(sends.Except(SentNames(requests)));
        Assert.True(requests.Count(r => r.Status == 400) <= 1, $"{name} was refused more than once on one connection");
        if (version == ApiVersionNames.Seed)
        {
            AssertDescribed(name, requests.Where(r => r.Status != 400));
        }

        var actual = Render(script, requests, account.Id, variables);
        if (Recording)
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllBytes(file, Encoding.UTF8.GetBytes(actual));
            return;
        }

        Assert.True(File.Exists(file),
            $"No recorded requests for {name} in {version}: run {RecordVariable}=1 dotnet test EsPowerShell.sln " +
            $"--filter FullyQualifiedName~{nameof(OperationRequestTests)} and review the new file.");
        Assert.Equal(Encoding.UTF8.GetString(File.ReadAllBytes(file)), actual);
    }

    /// <summary>
    /// The requests the seed took send only the parameters the reference describes for the operation (its
    /// "### Parameters" names; page and per_page for a paged list), and go to its method and path.
    /// </summary>
    private static void AssertDescribed(string name, IEnumerable<RecordedRequest> requests)
    {
        var described = ApiReference.Operations.Single(o => o.Name == name);
        var paging = new[] { "page", "per_page" };
        Assert.All(requests, r =>
        {
            Assert.Equal(described.Method, r.Method);
            var unknown = SentNames(new[] { r }).Distinct().Except(described.Parameters).Except(paging).ToList();
            Assert.True(unknown.Count == 0, $"{r.Method} {r.RawTarget} sends {string.Join(", ", unknown)}, which " +
                $"{ApiReference.File} does not describe for {name}");
        });
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
        var (session, account) = Connected(messages: 60, seed: 1, apiVersion: VersionsServing(name).First());
        var api = new AccountApi(Emulator, account);
        var script = operation.Generate!(api);
        var variables = operation.Variables?.Invoke(api) ?? new Dictionary<string, object>();
        account.ClearRequests();

        session.Run(script, variables.ToDictionary(v => v.Key, v => (object?)v.Value)).ShouldSucceed();

        var requests = account.Requests();
        AssertSentBy(ApiCatalog.All.Single(o => o.Name == name), requests, account.Id, operation.Noun);
        Assert.NotEmpty(operation.Sends);
        Assert.Empty(operation.Sends.Except(SentNames(requests)));
    }

    public static TheoryData<string> SettingsNames() =>
        new(Operations.Values.Where(o => o.Generate is not null && o.Sends.Count > 0).Select(o => o.Name)
            .Order(StringComparer.Ordinal));

    /// <summary>
    /// The rows of the settings lists, one per operation of each list's collection that a cmdlet sends. A creation
    /// copies the list's first entry, which is taken out of the list first, so a list whose entries are unique takes it
    /// again.
    /// </summary>
    private static IEnumerable<Operation> SettingsRows() =>
        SettingsNoun.All.SelectMany(noun => noun.Collection.Operations
        .Where(operation => operation != noun.Collection.Create || noun.New is not null)
        .Select(operation => new Operation(
            operation.Name,
            null,
            operation.Route.Contains('{')
                ? Entry(noun.Collection)
                : operation == noun.Collection.Create
                ? Freed(noun.Collection)
                : null,
            api => SettingsScripts.For(noun, operation, FirstEntry(api, noun.Collection))!,
            SettingsScripts.Declared(noun, operation),
            noun)));

    private static Func<AccountApi, Dictionary<string, object>> Freed(ApiCollection collection) =>
        api =>
        {
            api.Delete($"{collection.Route}/{FirstEntry(api, collection).GetProperty("id").GetString()}").GetAwaiter()
                .GetResult().ShouldSucceed();
            return new();
        };

    /// <summary>Bulk action jobs started through the API: moves of the malicious messages, pending.</summary>
    private static Func<AccountApi, Dictionary<string, object>> BulkJobs(int count) =>
        api => new() { ["ids"] = Enumerable.Range(0, count).Select(_ => StartJob(api)).ToArray() };

    /// <summary>One bulk action job, pending or (moved on by the emulator's control API) finished.</summary>
    private static Func<AccountApi, Dictionary<string, object>> BulkJob(bool finished) =>
        api =>
        {
            var id = StartJob(api);
            if (finished)
            {
                api.Account.AdvanceBulkJobs();
            }

            return new() { ["id"] = id };
        };

    private static string StartJob(AccountApi api)
    {
        var job = api.Post("/investigate/bulk",
            new { action = "MOVE", destination = "JunkEmail", search_params = new { final_disposition = "MALICIOUS" } })
            .GetAwaiter().GetResult();
        job.ShouldSucceed();
        return job.Result.GetProperty("job_id").GetString()!;
    }

    /// <summary>
    /// Every request was one of the operation's (its method, its route with a segment in each placeholder), or a read
    /// that the operation's cmdlet makes first: a replacement reads the entry it keeps, a batch (Sync-Es*) its list.
    /// </summary>
    private static void AssertSentBy(
        ApiOperation operation,
        IReadOnlyList<RecordedRequest> requests,
        string accountId,
        SettingsNoun? noun)
    {
        var readFirst = noun is null ? null
            : operation == noun.Collection.Replace ? noun.Collection.Get
            : operation == noun.Collection.Batch ? noun.Collection.List
            : null;
        bool IsOf(ApiOperation op, RecordedRequest r) => r.Method == op.Method.Method
            && Regex.IsMatch(EncodedPath(r, accountId), "^" +
                string.Join("/", op.Route.Split('/').Select(s => s.StartsWith('{') ? "[^/]+" : Regex.Escape(s))) + "$");
        Assert.NotEmpty(requests);
        Assert.Contains(requests, r => IsOf(operation, r));
        Assert.All(requests, r => Assert.True(IsOf(operation, r) || (readFirst != null && IsOf(readFirst, r)),
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
        ? string.Join("\n", File.ReadAllText(file).Split('\n')
            .TakeWhile(l => l.StartsWith("# ", StringComparison.Ordinal)).Select(l => l[2..]))
        : null;

    /// <summary>The path of the raw target below /email-security, still encoded.</summary>
    private static string EncodedPath(RecordedRequest request, string accountId)
    {
        var prefix = $"/client/v4/accounts/{accountId}/email-security";
        var target = request.RawTarget.Split('?')[0];
        Assert.StartsWith(prefix, target, StringComparison.Ordinal);
        return target[prefix.Length..];
    }

    /// <summary>
    /// "# script" lines, then per request its method and target and, when it has one, its body on the next line.
    /// </summary>
    private static string Render(
        string script,
        IReadOnlyList<RecordedRequest> requests,
        string accountId,
        IReadOnlyDictionary<string, object> variables)
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
            foreach (var (value, placeholder) in placeholders.Where(p => p.Value.Length > 0)
                .OrderByDescending(p => p.Value.Length))
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

    /// <summary>Every detection preview refused as for a message without a detection.</summary>
    private static FaultRule[] NoDetectionPreview =>
    [
        new FaultRule("status") { Method = "GET", Path = "/preview", Status = 404, Times = 0, ErrorCode = 1003,
            ErrorMessage = "No detection preview" },
    ];

    /// <summary>
    /// Fields of a generated settings script that 2026-10 refuses (a domain's name is fixed at creation), by operation.
    /// </summary>
    private static readonly Dictionary<string, (string Field, string Parameter)> RefusedIn2026 = new()
    {
        ["settings.domains.edit"] = ("domain", "Domain"),
    };

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

        /// <summary>
        /// How it is driven in 2026-10 instead, when that differs: script, variables and the faults it meets.
        /// </summary>
        public (string Script, Func<AccountApi, Dictionary<string, object>> Variables, FaultRule[]? Faults)? In2026 { get; init; }
    }
}
