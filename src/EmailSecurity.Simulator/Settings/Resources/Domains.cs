using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Settings.Resources
{
    /// <summary>Protected domains. They are onboarded elsewhere, so there is no create.</summary>
    internal static class Domains
    {
        private static readonly string[] DeliveryModes = { "DIRECT", "BCC", "JOURNAL", "API", "RETRO_SCAN" };
        private static readonly string[] Dispositions = { "MALICIOUS", "MALICIOUS-BEC", "SUSPICIOUS", "SPOOF", "SPAM", "BULK", "ENCRYPTED", "EXTERNAL", "UNKNOWN", "NONE" };
        private static readonly string[] Statuses = { "pending", "active", "failed", "timeout" };

        public static readonly SettingsResource Resource = new SettingsResource
        {
            Path = "domains",
            Kind = "Domain",
            CanCreate = false,
            OutputKeys = new[]
            {
                "id", "allowed_delivery_modes", "authorization", "created_at", "dmarc_status", "domain", "drop_dispositions",
                "emails_processed", "folder", "inbox_provider", "integration_id", "ip_restrictions", "lookback_hops", "modified_at",
                "o365_tenant_id", "regions", "require_tls_inbound", "require_tls_outbound", "spf_status", "status", "transport",
            },
            Fields = new[]
            {
                FieldSpec.Choices("allowed_delivery_modes", DeliveryModes),
                FieldSpec.Text("domain"),
                FieldSpec.Choices("drop_dispositions", Dispositions),
                FieldSpec.Choice("folder", new[] { "AllItems", "Inbox" }),
                FieldSpec.Text("integration_id"),
                FieldSpec.Texts("ip_restrictions"),
                FieldSpec.Number("lookback_hops"),
                FieldSpec.Choices("regions", new[] { "GLOBAL", "AU", "DE", "IN", "US" }),
                FieldSpec.Flag("require_tls_inbound"),
                FieldSpec.Flag("require_tls_outbound"),
                FieldSpec.Text("transport"),
            },
            Filters = new[]
            {
                // The active mode is the first of the allowed ones: the mode mail currently arrives by.
                FilterSpec.InList("active_delivery_mode", "allowed_delivery_modes", DeliveryModes, (modes, wanted) => modes.FirstOrDefault() == wanted),
                FilterSpec.InList("allowed_delivery_mode", "allowed_delivery_modes", DeliveryModes, (modes, wanted) => modes.Contains(wanted)),
                FilterSpec.AnyOf("domain"),
                FilterSpec.Text("integration_id"),
                FilterSpec.Choice("status", Statuses),
                FilterSpec.Search("domain", "transport"),
            },
            OrderFields = new[] { "domain", "created_at" },
            Demo = Demo,
        };

        private static IEnumerable<JsonObject> Demo(DemoRandom random, DateTimeOffset now)
        {
            string integration = random.NextGuid().ToString();
            string tenant = random.NextGuid().ToString();
            yield return Domain(random, now, "contoso.example", "active", new[] { "DIRECT", "API" }, integration, tenant, "good", "good", 48210, new[] { "GLOBAL" });
            yield return Domain(random, now, "sales.contoso.example", "active", new[] { "DIRECT" }, integration, tenant, "good", "good", 9120, new[] { "GLOBAL" });
            yield return Domain(random, now, "contoso-labs.example", "pending", new[] { "API" }, integration, tenant, "none", "neutral", 0, new[] { "US" });
            yield return Domain(random, now, "contoso.co.example", "failed", new[] { "JOURNAL" }, null, null, "invalid", "open", 0, new[] { "DE" });
            yield return Domain(random, now, "legacy.contoso.example", "timeout", new[] { "BCC" }, null, null, "none", "none", 310, new[] { "GLOBAL" });
        }

        private static JsonObject Domain(DemoRandom random, DateTimeOffset now, string domain, string status, string[] modes,
            string? integration, string? tenant, string dmarc, string spf, int processed, string[] regions) => new JsonObject
        {
            ["allowed_delivery_modes"] = Json.Strings(modes),
            ["authorization"] = new JsonObject
            {
                ["authorized"] = status == "active",
                ["timestamp"] = Json.Date(now.AddHours(-random.Next(1, 72))),
                ["status_message"] = status == "active" ? "Authorized" : status == "pending" ? "Waiting for admin consent" : "Authorization failed",
            },
            ["dmarc_status"] = dmarc,
            ["domain"] = domain,
            ["drop_dispositions"] = Json.Strings(status == "active" ? new[] { "MALICIOUS", "SPOOF" } : new string[0]),
            ["emails_processed"] = new JsonObject
            {
                ["timestamp"] = Json.Date(now.AddHours(-1)),
                ["total_emails_processed"] = processed,
                ["total_emails_processed_previous"] = processed * 9 / 10 + random.Next(0, 50),
            },
            ["folder"] = "AllItems",
            ["inbox_provider"] = "Microsoft",
            ["integration_id"] = integration,
            ["ip_restrictions"] = Json.Strings(modes.Contains("DIRECT") ? new[] { "192.0.2.0/24", "2001:db8::/32" } : new string[0]),
            ["lookback_hops"] = modes.Contains("JOURNAL") ? 2 : 1,
            ["o365_tenant_id"] = tenant,
            ["regions"] = Json.Strings(regions),
            ["require_tls_inbound"] = status == "active",
            ["require_tls_outbound"] = status == "active",
            ["spf_status"] = spf,
            ["status"] = status,
            ["transport"] = domain.Replace('.', '-') + ".mail.protection.outlook.example",
        };
    }
}
