using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace EmailSecurity.Simulator.Settings.Resources
{
    /// <summary>Regular expressions matched against the subject and/or body of messages (2026-10).</summary>
    internal static class ContentPolicies
    {
        private static readonly string[] Targets = { "SUBJECT", "BODY" };

        public static readonly SettingsResource Resource = new SettingsResource
        {
            Path = "content_policies",
            Kind = "Content policy",
            Since = ApiVersion.V2026_10,
            BatchSince = ApiVersion.V2026_10,
            OutputKeys = new[] { "id", "created_at", "enabled", "modified_at", "name", "notes", "pattern", "targets" },
            Fields = new[]
            {
                FieldSpec.Flag("enabled", required: true),
                FieldSpec.Text("name", required: true),
                FieldSpec.Text("pattern", required: true),
                FieldSpec.Choices("targets", Targets, required: true),
                FieldSpec.Text("notes"),
            },
            Filters =
                new[] { FilterSpec.Flag("enabled"), FilterSpec.Text("name"), FilterSpec.Search("name", "pattern") },
            OrderFields = new[] { "name", "created_at" },
            Check = PatternChecks.MustCompile("pattern"),
            Demo = (_, __) => Demo(),
        };

        private static IEnumerable<JsonObject> Demo()
        {
            yield return Policy("Credential harvest wording",
                "(verify|confirm|validate) your (account|password|mailbox)", "SUBJECT", "BODY");
            yield return Policy("Gift card lure", "gift ?cards?", "BODY", notes: "CEO fraud asks for gift cards");
            yield return Policy("Urgent wire transfer", "urgent.*(wire|transfer|payment)", "SUBJECT", "BODY");
            yield return Policy("Shared document lure", "shared (a|the) (document|file) with you", "BODY",
                enabled: false, notes: "Too many false positives from the file-sharing service; kept for reference");
            yield return Policy("Payroll change request", "(change|update) (my|the) (direct deposit|bank details)",
                "SUBJECT", "BODY", notes: "Seen in 2026-09 campaign");
        }

        private static JsonObject Policy(
            string name,
            string pattern,
            string target,
            string? second = null,
            bool enabled = true,
            string? notes = null) => new JsonObject
        {
            ["enabled"] = enabled,
            ["name"] = name,
            ["notes"] = notes,
            ["pattern"] = pattern,
            ["targets"] = second == null ? new JsonArray(target) : new JsonArray(target, second),
        };
    }
}
