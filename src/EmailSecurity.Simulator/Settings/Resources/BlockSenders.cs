using System.Collections.Generic;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Investigate.Demo;

namespace EmailSecurity.Simulator.Settings.Resources
{
    internal static class BlockSenders
    {
        public static readonly SettingsResource Resource = new SettingsResource
        {
            Path = "block_senders",
            Kind = "Blocked sender",
            OutputKeys = new[] { "id", "comments", "created_at", "is_regex", "modified_at", "pattern", "pattern_type" },
            Fields = new[]
            {
                FieldSpec.Flag("is_regex", required: true),
                FieldSpec.Text("pattern", required: true),
                FieldSpec.Choice("pattern_type", PatternChecks.PatternTypes, required: true, notWritable: "UNKNOWN"),
                FieldSpec.Text("comments"),
            },
            Filters = new[]
            {
                FilterSpec.Text("pattern"), FilterSpec.Choice("pattern_type", PatternChecks.PatternTypes),
                FilterSpec.Search("pattern", "comments"),
            },
            BatchSince = ApiVersion.V2026_10,
            OrderFields = new[] { "pattern", "created_at" },
            Check = PatternChecks.RegexMustCompile("pattern", "is_regex"),
            Demo = (_, __) => Demo(),
        };

        /// <summary>The blocked domains the demo mail was scanned against, then other kinds of pattern.</summary>
        private static IEnumerable<JsonObject> Demo()
        {
            foreach (string domain in DemoPolicies.BlockedDomains)
            {
                yield return Block(domain, "DOMAIN", "Phishing and malware source, see SEC tickets");
            }
            yield return Block("198.51.100.23", "IP", "Spam relay seen in September");
            yield return Block("billing@invoice-portal.test", "EMAIL", null);
            yield return Block("^[a-z0-9.]+@.*\\.zip$", "EMAIL", "Senders on .zip domains", regex: true);
            yield return Block("rewards@prize-center.test", "EMAIL", "Gift card scam");
            yield return Block("old-blocklist-entry", "UNKNOWN", "Imported from the previous gateway");
        }

        private static JsonObject Block(
            string pattern,
            string type,
            string? comments,
            bool regex = false) => new JsonObject
        {
            ["comments"] = comments,
            ["is_regex"] = regex,
            ["pattern"] = pattern,
            ["pattern_type"] = type,
        };
    }
}
