using System.Text;
using System.Text.Json;
using EmailSecurity.Tests.Emulator;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Contract;

/// <summary>
/// Every operation of the API reference driven through its cmdlet against the emulator, and the requests it sent
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

    /// <summary>Each operation: the script that drives it (several calls where the cmdlet builds the request in several ways), and the ids it needs from the account's data.</summary>
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

        new("settings.allowPolicies.list",
            "Get-EsAllowPolicy -Search 'partner' -Direction desc -Pattern 'partner.example' -Order pattern -PatternType DOMAIN " +
            "-IsAcceptableSender $true -IsExemptRecipient $false -IsTrustedSender $false -VerifySender $true -PageSize 5\n" +
            "Get-EsAllowPolicy -PageSize 2 -First 3"),
        new("settings.allowPolicies.get", "Get-EsAllowPolicy -Id $id", Entry("allow_policies")),
        new("settings.allowPolicies.create",
            $"New-EsAllowPolicy -Pattern 'partner@example.com' -PatternType EMAIL -IsTrustedSender -IsAcceptableSender -IsExemptRecipient -VerifySender -Comments 'Partner' {Confirmed}\n" +
            $"New-EsAllowPolicy '^.+@partner\\.example$' EMAIL -IsRegex -IsAcceptableSender {Confirmed}"),
        new("settings.allowPolicies.edit",
            "Set-EsAllowPolicy -Id $id -Pattern 'partner.example' -PatternType DOMAIN -IsRegex $false -IsTrustedSender $true " +
            $"-IsAcceptableSender $false -IsExemptRecipient $false -VerifySender $true -Comments 'Partner' -PassThru {Confirmed}",
            Entry("allow_policies")),
        new("settings.allowPolicies.delete", $"Remove-EsAllowPolicy -Id $id {Confirmed}", Entry("allow_policies")),

        new("settings.blockSenders.list",
            "Get-EsBlockedSender -Search 'phish' -Direction asc -Pattern 'phish.test' -Order created_at -PatternType EMAIL -PageSize 5\n" +
            "Get-EsBlockedSender -PageSize 2 -First 3"),
        new("settings.blockSenders.get", "Get-EsBlockedSender -Id $id", Entry("block_senders")),
        new("settings.blockSenders.create",
            $"New-EsBlockedSender -Pattern 'a@phish.test' -PatternType EMAIL -Comments 'Phish' {Confirmed}\n" +
            $"New-EsBlockedSender '192.0.2.0/24' IP -IsRegex:$false {Confirmed}"),
        new("settings.blockSenders.edit",
            $"Set-EsBlockedSender -Id $id -Pattern 'b@phish.test' -PatternType EMAIL -IsRegex $false -Comments 'Phish' -PassThru {Confirmed}",
            Entry("block_senders")),
        new("settings.blockSenders.delete", $"Remove-EsBlockedSender -Id $id {Confirmed}", Entry("block_senders")),

        new("settings.domains.list",
            "Get-EsDomain -Search 'contoso' -Direction asc -Domain 'contoso.example', 'sales.contoso.example' -Status active " +
            "-ActiveDeliveryMode DIRECT -AllowedDeliveryMode API -IntegrationId 'a1b2c3d4-0000-4000-8000-000000000001' -Order domain -PageSize 5\n" +
            "Get-EsDomain -PageSize 2 -First 3"),
        new("settings.domains.get", "Get-EsDomain -Id $id", Entry("domains")),
        new("settings.domains.edit",
            "Set-EsDomain -Id $id -Domain 'contoso.example' -AllowedDeliveryModes DIRECT, API -DropDispositions MALICIOUS, SPAM -Folder Inbox " +
            "-IntegrationId 'a1b2c3d4-0000-4000-8000-000000000001' -IpRestrictions '192.0.2.0/24', '2001:db8::/32' -LookbackHops 2 " +
            $"-Regions US, DE -RequireTlsInbound $true -RequireTlsOutbound $false -Transport 'mx.contoso.example' -PassThru {Confirmed}",
            Entry("domains")),
        new("settings.domains.delete", $"Remove-EsDomain -Id $id {Confirmed}", Entry("domains")),

        new("settings.impersonationRegistry.list",
            "Get-EsImpersonationRegistryEntry -Search 'ceo' -Direction desc -Provenance A1S_INTERNAL -Order name -PageSize 5\n" +
            "Get-EsImpersonationRegistryEntry -PageSize 2 -First 3"),
        new("settings.impersonationRegistry.get", "Get-EsImpersonationRegistryEntry -Id $id", Entry("impersonation_registry")),
        new("settings.impersonationRegistry.create",
            "New-EsImpersonationRegistryEntry -Name 'Ada Lovelace' -Email 'ada@contoso.example' -Comments 'CFO' -Provenance A1S_INTERNAL " +
            $"-DirectoryId 7 -DirectoryNodeId 8 -ExternalDirectoryNodeId 'ext-9' {Confirmed}\n" +
            $"New-EsImpersonationRegistryEntry 'Ada Lovelace' '^ada.*@contoso\\.example$' -IsEmailRegex {Confirmed}"),
        new("settings.impersonationRegistry.edit",
            "Set-EsImpersonationRegistryEntry -Id $id -Name 'Ada King' -Email 'ada.king@contoso.example' -IsEmailRegex $false -Comments 'CFO' " +
            $"-Provenance A1S_INTERNAL -DirectoryId 7 -DirectoryNodeId 8 -ExternalDirectoryNodeId 'ext-9' -PassThru {Confirmed}",
            Entry("impersonation_registry")),
        new("settings.impersonationRegistry.delete", $"Remove-EsImpersonationRegistryEntry -Id $id {Confirmed}", Entry("impersonation_registry")),

        new("settings.trustedDomains.list",
            "Get-EsTrustedDomain -Search 'partner' -Direction asc -Pattern 'partner.example' -Order pattern -IsRecent $true -IsSimilarity $false -PageSize 5\n" +
            "Get-EsTrustedDomain -PageSize 2 -First 3"),
        new("settings.trustedDomains.get", "Get-EsTrustedDomain -Id $id", Entry("trusted_domains")),
        new("settings.trustedDomains.create",
            $"New-EsTrustedDomain -Pattern 'partner.example' -IsRecent -IsSimilarity -Comments 'Partner' {Confirmed}\n" +
            $"New-EsTrustedDomain '^mail[0-9]+\\.partner\\.example$' -IsRegex {Confirmed}"),
        new("settings.trustedDomains.edit",
            $"Set-EsTrustedDomain -Id $id -Pattern 'partner.example' -IsRegex $false -IsRecent $true -IsSimilarity $false -Comments 'Partner' -PassThru {Confirmed}",
            Entry("trusted_domains")),
        new("settings.trustedDomains.delete", $"Remove-EsTrustedDomain -Id $id {Confirmed}", Entry("trusted_domains")),
    }.ToDictionary(o => o.Name);

    public OperationRequestTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private static string Folder => Path.Combine(Paths.RepoRoot, "tests", "EmailSecurity.Tests", "Fixtures", "requests");

    private static bool Recording => Environment.GetEnvironmentVariable(RecordVariable) == "1";

    public static TheoryData<string> Names() => new(Operations.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Every_operation_of_the_reference_and_of_the_settings_cmdlets_is_driven_here_with_its_recorded_requests()
    {
        var reference = ApiReference.Operations.Select(o => o.Name).ToList();
        var expected = reference.Union(SettingsOperations()).Order(StringComparer.Ordinal).ToList();
        var recorded = Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, "*.txt").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList()
            : new List<string>();

        var undescribed = expected.Except(reference).ToList();

        Assert.NotEmpty(reference);
        Assert.True(undescribed.Count == 0, $"Not in {ApiReference.File}: {string.Join(", ", undescribed)}; add the API's description of them there.");
        Assert.Equal(expected, Operations.Keys.Order(StringComparer.Ordinal));
        if (!Recording)
        {
            Assert.Equal(expected, recorded);
        }
    }

    /// <summary>The operations the settings cmdlets send, named as the reference names them (settings.trustedDomains.edit).</summary>
    private static IEnumerable<string> SettingsOperations() => SettingsNoun.All.SelectMany(noun =>
        new[] { "list", "get", "edit", "delete" }.Concat(noun.New != null ? new[] { "create" } : Array.Empty<string>())
            .Select(verb => $"{ApiReference.SdkName("settings." + noun.Resource)}.{verb}"));

    [Theory]
    [MemberData(nameof(Names))]
    public void An_operation_sends_exactly_the_recorded_requests(string name)
    {
        var operation = Operations[name];
        var reference = ApiReference.Operation(name);
        var (session, account) = Connected(messages: 60, seed: 1);
        var variables = operation.Variables?.Invoke(new AccountApi(Emulator, account)) ?? new Dictionary<string, object>();
        account.ClearRequests();

        session.Run(operation.Script, variables.ToDictionary(v => v.Key, v => (object?)v.Value)).ShouldSucceed();

        var requests = account.Requests();
        Assert.NotEmpty(requests);
        Assert.All(requests, r => Assert.True(
            reference.Matches(r.Method, EncodedPath(r, account.Id)),
            $"{r.Method} {r.RawTarget} is not {reference.Method} {reference.PathTemplate}"));
        var actual = Render(operation, requests, account.Id, variables);
        var file = Path.Combine(Folder, name + ".txt");
        if (Recording)
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllBytes(file, Encoding.UTF8.GetBytes(actual));
            return;
        }

        Assert.True(File.Exists(file), $"No recorded requests for {name}: run {RecordVariable}=1 dotnet test EsPowerShell.sln --filter FullyQualifiedName~{nameof(OperationRequestTests)} and review the new file.");
        Assert.Equal(Encoding.UTF8.GetString(File.ReadAllBytes(file)), actual);
    }

    /// <summary>The path of the raw target below /email-security, still encoded.</summary>
    private static string EncodedPath(RecordedRequest request, string accountId)
    {
        var prefix = $"/client/v4/accounts/{accountId}/email-security";
        var target = request.RawTarget.Split('?')[0];
        Assert.StartsWith(prefix, target, StringComparison.Ordinal);
        return target[prefix.Length..];
    }

    /// <summary>"# script" lines, then per request its method and target and, when it has one, its body on the next line.</summary>
    private static string Render(Operation operation, IReadOnlyList<RecordedRequest> requests, string accountId, IReadOnlyDictionary<string, object> variables)
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
        foreach (var line in operation.Script.Split('\n'))
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

    private static Func<AccountApi, Dictionary<string, object>> Entry(string resource) =>
        api =>
        {
            var list = api.Get($"/settings/{resource}?per_page=1").GetAwaiter().GetResult();
            list.ShouldSucceed();
            return new() { ["id"] = list.Result[0].GetProperty("id").GetString()! };
        };

    /// <summary>An operation, the script that drives it, and the variables ($id, $ids) it takes from the account's data.</summary>
    private sealed record Operation(string Name, string Script, Func<AccountApi, Dictionary<string, object>>? Variables = null);
}
