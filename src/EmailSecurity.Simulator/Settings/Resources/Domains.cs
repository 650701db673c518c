using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Settings.Resources
{
    /// <summary>
    /// Protected domains. The seed API only reads, edits and deletes them (onboarding happens elsewhere); 2026-10 adds
    /// create, replace, batch and bulk delete, spells status in upper case and fixes the domain name at creation.
    /// Entries hold the upper-case status; the seed version writes and filters it in lower case.
    /// </summary>
    internal static class Domains
    {
        private static readonly string[] DeliveryModes = { "DIRECT", "BCC", "JOURNAL", "API", "RETRO_SCAN" };
        private static readonly string[] Dispositions = { "MALICIOUS", "MALICIOUS-BEC", "SUSPICIOUS", "SPOOF", "SPAM",
            "BULK", "ENCRYPTED", "EXTERNAL", "UNKNOWN", "NONE" };
        private static readonly string[] Statuses = { "PENDING", "ACTIVE", "FAILED", "TIMEOUT" };
        private static readonly string[] SeedStatuses = Statuses.Select(s => s.ToLowerInvariant()).ToArray();
        private static readonly string[] Folders = { "AllItems", "Inbox" };
        private const ApiVersion Seed = ApiVersion.Seed;
        private const ApiVersion V2026 = ApiVersion.V2026_10;

        public static readonly SettingsResource Resource = new SettingsResource
        {
            Path = "domains",
            Kind = "Domain",
            CreateSince = V2026,
            ReplaceSince = V2026,
            BatchSince = V2026,
            BatchIsAtomic = false,
            BulkDeleteSince = V2026,
            UniqueField = "domain",
            OutputKeys = new[]
            {
                "id", "allowed_delivery_modes", "authorization", "created_at", "dmarc_status", "domain",
                "drop_dispositions", "emails_processed", "folder", "inbox_provider", "integration_id",
                "ip_restrictions", "lookback_hops", "modified_at", "o365_tenant_id", "regions", "require_tls_inbound",
                "require_tls_outbound", "spf_status", "status", "transport",
            },
            // "required" only matters to create and replace, which only 2026-10 has.
            Fields = new[]
            {
                FieldSpec.Choices("allowed_delivery_modes", DeliveryModes, required: true),
                FieldSpec.Text("domain").Only(Seed),
                FieldSpec.Text("domain", required: true).FixedAfterCreate().Only(V2026),
                FieldSpec.Choices("drop_dispositions", Dispositions, required: true),
                FieldSpec.Choice("folder", Folders).Only(Seed),
                FieldSpec.Choice("folder", Folders).Nullable().Only(V2026),
                FieldSpec.Text("integration_id"),
                FieldSpec.Texts("ip_restrictions", required: true),
                FieldSpec.Number("lookback_hops").Only(Seed),
                FieldSpec.Number("lookback_hops").Range(1, 20).Nullable().Only(V2026),
                FieldSpec.Choices("regions", new[] { "GLOBAL", "AU", "DE", "IN", "US" }, required: true),
                FieldSpec.Flag("require_tls_inbound").Only(Seed),
                FieldSpec.Flag("require_tls_inbound").Nullable().Only(V2026),
                FieldSpec.Flag("require_tls_outbound").Only(Seed),
                FieldSpec.Flag("require_tls_outbound").Nullable().Only(V2026),
                FieldSpec.Text("transport"),
            },
            Filters = new[]
            {
                // The active mode is the first of the allowed ones: the mode mail currently arrives by.
                FilterSpec.InList("active_delivery_mode", "allowed_delivery_modes", DeliveryModes,
                    (modes, wanted) => modes.FirstOrDefault() == wanted),
                FilterSpec.InList("allowed_delivery_mode", "allowed_delivery_modes", DeliveryModes,
                    (modes, wanted) => modes.Contains(wanted)),
                FilterSpec.AnyOf("domain"),
                FilterSpec.Text("integration_id"),
                FilterSpec.Choice("status", SeedStatuses).Only(Seed),
                FilterSpec.Choice("status", Statuses).Only(V2026),
                FilterSpec.Search("domain", "transport"),
            },
            OrderFields = new[] { "domain", "created_at" },
            OnCreate = NewDomain,
            Adapt = (domain, version) =>
            {
                if (version == Seed && domain["status"] is JsonValue status)
                {
                    domain["status"] = status.GetValue<string>().ToLowerInvariant();
                }
            },
            Demo = Demo,
        };

        /// <summary>A domain just added: waiting for DNS and authorization, nothing processed yet.</summary>
        private static void NewDomain(JsonObject domain, DateTimeOffset now)
        {
            domain["authorization"] = domain["integration_id"] == null ? null : new JsonObject
            {
                ["authorized"] = false,
                ["timestamp"] = Json.Date(now),
                ["status_message"] = "Waiting for admin consent",
            };
            domain["dmarc_status"] = "none";
            domain["emails_processed"] = null;
            domain["inbox_provider"] = domain["integration_id"] == null ? null : "Microsoft";
            domain["o365_tenant_id"] = null;
            domain["spf_status"] = "none";
            domain["status"] = "PENDING";
        }

        private static IEnumerable<JsonObject> Demo(DemoRandom random, DateTimeOffset now)
        {
            string integration = random.NextGuid().ToString();
            string tenant = random.NextGuid().ToString();
            yield return Domain(random, now, "contoso.example", "ACTIVE", new[] { "DIRECT", "API" }, integration,
                tenant, "good", "good", 48210, new[] { "GLOBAL" });
            yield return Domain(random, now, "sales.contoso.example", "ACTIVE", new[] { "DIRECT" }, integration, tenant,
                "good", "good", 9120, new[] { "GLOBAL" });
            yield return Domain(random, now, "contoso-labs.example", "PENDING", new[] { "API" }, integration, tenant,
                "none", "neutral", 0, new[] { "US" });
            yield return Domain(random, now, "contoso.co.example", "FAILED", new[] { "JOURNAL" }, null, null, "invalid",
                "open", 0, new[] { "DE" });
            yield return Domain(random, now, "legacy.contoso.example", "TIMEOUT", new[] { "BCC" }, null, null, "none",
                "none", 310, new[] { "GLOBAL" });
        }

        private static JsonObject Domain(
            DemoRandom random,
            DateTimeOffset now,
            string domain,
            string status,
            string[] modes,
            string? integration,
            string? tenant,
            string dmarc,
            string spf,
            int processed,
            string[] regions) => new JsonObject
        {
            ["allowed_delivery_modes"] = Json.Strings(modes),
            ["authorization"] = new JsonObject
            {
                ["authorized"] = status == "ACTIVE",
                ["timestamp"] = Json.Date(now.AddHours(-random.Next(1, 72))),
                ["status_message"] = status == "ACTIVE"
                    ? "Authorized"
                    : status == "PENDING"
                    ? "Waiting for admin consent"
                    : "Authorization failed",
            },
            ["dmarc_status"] = dmarc,
            ["domain"] = domain,
            ["drop_dispositions"] = Json.Strings(status == "ACTIVE" ? new[] { "MALICIOUS", "SPOOF" } : new string[0]),
            ["emails_processed"] = new JsonObject
            {
                ["timestamp"] = Json.Date(now.AddHours(-1)),
                ["total_emails_processed"] = processed,
                ["total_emails_processed_previous"] = processed * 9 / 10 + random.Next(0, 50),
            },
            ["folder"] = "AllItems",
            ["inbox_provider"] = "Microsoft",
            ["integration_id"] = integration,
            ["ip_restrictions"] =
                Json.Strings(modes.Contains("DIRECT") ? new[] { "192.0.2.0/24", "2001:db8::/32" } : new string[0]),
            ["lookback_hops"] = modes.Contains("JOURNAL") ? 2 : 1,
            ["o365_tenant_id"] = tenant,
            ["regions"] = Json.Strings(regions),
            ["require_tls_inbound"] = status == "ACTIVE",
            ["require_tls_outbound"] = status == "ACTIVE",
            ["spf_status"] = spf,
            ["status"] = status,
            ["transport"] = domain.Replace('.', '-') + ".mail.protection.outlook.example",
        };
    }
}
