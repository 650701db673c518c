using System.Text.Json;
using System.Text.RegularExpressions;
using EmailSecurity.Client;
using EmailSecurity.Models;
using EmailSecurity.Tests.Engine.Settings;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Core;

/// <summary>
/// Every example response of the seed (tests/EmailSecurity.Tests/Fixtures/seed, one per endpoint) read into the model
/// the module reads it into: no field is lost, and the only fields the models leave to AdditionalFields are those the
/// API reference retires: marked "End of life" (November 1, 2026 or July 1, 2026, dates that have passed), or
/// deprecated in favour of a field the model has. Each is listed here by name.
/// </summary>
public sealed class SeedFixtureTests
{
    private static readonly string[] None = Array.Empty<string>();

    // The end-of-life fields of the reference, by example; a path is relative to one result object, list items
    // unindexed.
    private static readonly string[] MessageEndOfLife = { "ts", "action_log", "findings" };
    private static readonly string[] MoveEndOfLife = { "completed_timestamp", "item_count" };
    private static readonly string[] TraceEndOfLife = { "inbound.lines.ts", "outbound.lines.ts" };
    private static readonly string[] ReleaseEndOfLife = { "postfix_id" };
    private static readonly string[] AllowPolicyEndOfLife =
        { "last_modified", "is_recipient", "is_sender", "is_spoof" };
    private static readonly string[] SettingEndOfLife = { "last_modified" };

    // Marked "Deprecated, use ... instead" with no end-of-life date; the PhishGuard and submission models leave them
    // out in favour of their replacements (occurred_at / created_at, requested_at).
    private static readonly string[] PhishGuardDeprecated = { "ts", "fields.ts" };
    private static readonly string[] SubmissionDeprecated = { "requested_ts" };

    /// <summary>
    /// Each seed file, the type the module reads its <c>result</c> into, and the fields it leaves to AdditionalFields.
    /// </summary>
    private static readonly Dictionary<string, (Type Model, string[] EndOfLife)> Models = new()
    {
        ["investigate.list.json"] = (typeof(List<Message>), MessageEndOfLife),
        ["investigate.get.json"] = (typeof(Message), MessageEndOfLife),
        ["investigate.detections.get.json"] = (typeof(MessageDetection), None),
        ["investigate.preview.get.json"] = (typeof(MessagePreview), None),
        ["investigate.preview.create.json"] = (typeof(MessagePreview), None),
        ["investigate.raw.get.json"] = (typeof(MessageRaw), None),
        ["investigate.trace.get.json"] = (typeof(MessageTrace), TraceEndOfLife),
        ["investigate.move.create.json"] = (typeof(List<MessageMoveResult>), MoveEndOfLife),
        ["investigate.move.bulk.json"] = (typeof(List<MessageMoveResult>), MoveEndOfLife),

        // The API answers a reclassification with an empty object, which Submit-EsReclassification keeps as JSON.
        ["investigate.reclassify.create.json"] = (typeof(JsonElement), None),
        ["investigate.release.bulk.json"] = (typeof(List<ReleaseResult>), ReleaseEndOfLife),
        ["phishguard.reports.list.json"] = (typeof(List<PhishGuardReport>), PhishGuardDeprecated),
        ["submissions.list.json"] = (typeof(List<Submission>), SubmissionDeprecated),

        ["settings.allow_policies.list.json"] = (typeof(List<AllowPolicy>), AllowPolicyEndOfLife),
        ["settings.allow_policies.get.json"] = (typeof(AllowPolicy), AllowPolicyEndOfLife),
        ["settings.allow_policies.create.json"] = (typeof(AllowPolicy), AllowPolicyEndOfLife),
        ["settings.allow_policies.edit.json"] = (typeof(AllowPolicy), AllowPolicyEndOfLife),

        // A delete answers with the id alone; it reads into the noun's own model.
        ["settings.allow_policies.delete.json"] = (typeof(AllowPolicy), None),
        ["settings.block_senders.list.json"] = (typeof(List<BlockedSender>), SettingEndOfLife),
        ["settings.block_senders.get.json"] = (typeof(BlockedSender), SettingEndOfLife),
        ["settings.block_senders.create.json"] = (typeof(BlockedSender), SettingEndOfLife),
        ["settings.block_senders.edit.json"] = (typeof(BlockedSender), SettingEndOfLife),
        ["settings.block_senders.delete.json"] = (typeof(BlockedSender), None),
        ["settings.domains.list.json"] = (typeof(List<EmailDomain>), SettingEndOfLife),
        ["settings.domains.get.json"] = (typeof(EmailDomain), SettingEndOfLife),
        ["settings.domains.edit.json"] = (typeof(EmailDomain), SettingEndOfLife),
        ["settings.domains.delete.json"] = (typeof(EmailDomain), None),
        ["settings.impersonation_registry.list.json"] = (typeof(List<ImpersonationRegistryEntry>), SettingEndOfLife),
        ["settings.impersonation_registry.get.json"] = (typeof(ImpersonationRegistryEntry), SettingEndOfLife),
        ["settings.impersonation_registry.create.json"] = (typeof(ImpersonationRegistryEntry), SettingEndOfLife),
        ["settings.impersonation_registry.edit.json"] = (typeof(ImpersonationRegistryEntry), SettingEndOfLife),
        ["settings.impersonation_registry.delete.json"] = (typeof(ImpersonationRegistryEntry), None),
        ["settings.trusted_domains.list.json"] = (typeof(List<TrustedDomain>), SettingEndOfLife),
        ["settings.trusted_domains.get.json"] = (typeof(TrustedDomain), SettingEndOfLife),
        ["settings.trusted_domains.create.json"] = (typeof(TrustedDomain), SettingEndOfLife),
        ["settings.trusted_domains.edit.json"] = (typeof(TrustedDomain), SettingEndOfLife),
        ["settings.trusted_domains.delete.json"] = (typeof(TrustedDomain), None),
    };

    private static string SeedFolder =>
        Path.Combine(Paths.RepoRoot, "tests", "EmailSecurity.Tests", "Fixtures", "seed");

    private static IEnumerable<string> SeedFiles() =>
        Directory.GetFiles(SeedFolder, "*.json").Select(Path.GetFileName).Order()!;

    public static TheoryData<string> Examples() => new(SeedFiles());

    [Fact]
    public void Every_seed_example_has_a_model_and_every_model_row_an_example()
    {
        var files = SeedFiles().ToList();

        Assert.NotEmpty(files);
        Assert.Equal(Models.Keys.Order(), files);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void An_example_reads_into_its_model_with_no_field_lost_and_only_end_of_life_fields_left_over(string file)
    {
        Assert.True(Models.TryGetValue(file, out var expected), $"{file} has no model in the table");
        var result =
            JsonDocument.Parse(File.ReadAllText(Path.Combine(SeedFolder, file))).RootElement.GetProperty("result");

        var model = JsonSerializer.Deserialize(result, expected.Model, ApiJson.Options);

        Assert.NotNull(model);
        ModelJson.AssertCarries(result, model!);
        var leftOver = ModelJson.AdditionalFields(model)
            .Select(f => RelativePath(f.Path, f.Field))
            .Distinct()
            .Order();
        Assert.Equal(expected.EndOfLife.Order(), leftOver);
    }

    /// <summary>"$[0].inbound.lines[3]" and "ts" -> "inbound.lines.ts".</summary>
    private static string RelativePath(string path, string field)
    {
        var unindexed = Regex.Replace(path, @"\[\d+\]", string.Empty).TrimStart('$').TrimStart('.');
        return unindexed.Length == 0 ? field : $"{unindexed}.{field}";
    }
}
