using System.Collections.Generic;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Settings.Resources
{
    /// <summary>Domains whose mail must arrive over TLS, minus excluded subdomains (2026-10).</summary>
    internal static class SendingDomainRestrictions
    {
        public static readonly SettingsResource Resource = new SettingsResource
        {
            Path = "sending_domain_restrictions",
            Kind = "Sending domain restriction",
            Since = ApiVersion.V2026_10,
            UniqueField = "domain",
            // last_modified is deprecated without an end-of-life date, so it is still written (as modified_at).
            OutputKeys = new[] { "id", "comments", "created_at", "domain", "exclude", "last_modified", "modified_at" },
            Fields = new[]
            {
                FieldSpec.Text("domain", required: true),
                FieldSpec.Texts("exclude", required: true),
                FieldSpec.Text("comments"),
            },
            Filters = new[] { FilterSpec.Search("domain", "comments") },
            OrderFields = new[] { "domain", "created_at" },
            Demo = (_, __) => Demo(),
        };

        private static IEnumerable<JsonObject> Demo()
        {
            yield return Restriction("woodgrovebank.example", new[] { "legacy.woodgrovebank.example" },
                "Bank partner; legacy host cannot do TLS");
            yield return Restriction("adatum.example", new string[0], "Payroll provider");
            yield return Restriction("fabrikam.example",
                new[] { "newsletter.fabrikam.example", "events.fabrikam.example" }, null);
            yield return Restriction("contoso-legal.example", new string[0], "Outside counsel; contract requires TLS");
        }

        private static JsonObject Restriction(string domain, string[] exclude, string? comments) => new JsonObject
        {
            ["comments"] = comments,
            ["domain"] = domain,
            ["exclude"] = Json.Strings(exclude),
        };
    }
}
