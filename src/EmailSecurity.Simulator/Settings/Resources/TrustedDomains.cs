using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace EmailSecurity.Simulator.Settings.Resources
{
    internal static class TrustedDomains
    {
        public static readonly SettingsResource Resource = new SettingsResource
        {
            Path = "trusted_domains",
            Kind = "Trusted domain",
            OutputKeys = new[] { "id", "comments", "created_at", "is_recent", "is_regex", "is_similarity",
                "modified_at", "pattern" },
            Fields = new[]
            {
                FieldSpec.Flag("is_recent", required: true),
                FieldSpec.Flag("is_regex", required: true),
                FieldSpec.Flag("is_similarity", required: true),
                FieldSpec.Text("pattern", required: true),
                FieldSpec.Text("comments"),
            },
            Filters = new[]
            {
                FilterSpec.Flag("is_recent"), FilterSpec.Flag("is_similarity"), FilterSpec.Text("pattern"),
                FilterSpec.Search("pattern", "comments"),
            },
            BatchSince = ApiVersion.V2026_10,
            OrderFields = new[] { "pattern", "created_at" },
            Check = PatternChecks.RegexMustCompile("pattern", "is_regex"),
            Demo = (_, __) => Demo(),
        };

        private static IEnumerable<JsonObject> Demo()
        {
            yield return Trusted("contoso-partners.example", similarity: true,
                comments: "Partner portal; spelled like our own domain");
            yield return Trusted("contoso.co.example", similarity: true, comments: "Regional subsidiary");
            yield return Trusted("newvendor-onboarding.example", recent: true,
                comments: "Vendor registered its domain last month");
            yield return Trusted("fabrikam.example", recent: false, similarity: false,
                comments: "Trusted partner domain");
            yield return Trusted("^mail[0-9]+\\.contoso-labs\\.example$", recent: true, similarity: true,
                comments: "Lab mail servers", regex: true);
            yield return Trusted("litware.example", recent: true, comments: "Recently rebranded supplier");
        }

        private static JsonObject Trusted(
            string pattern,
            bool recent = false,
            bool similarity = false,
            string? comments = null,
            bool regex = false) =>
            new JsonObject
            {
                ["comments"] = comments,
                ["is_recent"] = recent,
                ["is_regex"] = regex,
                ["is_similarity"] = similarity,
                ["pattern"] = pattern,
            };
    }
}
