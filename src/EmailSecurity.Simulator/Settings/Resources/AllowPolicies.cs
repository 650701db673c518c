using System.Collections.Generic;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Investigate.Demo;

namespace EmailSecurity.Simulator.Settings.Resources
{
    internal static class AllowPolicies
    {
        public static readonly SettingsResource Resource = new SettingsResource
        {
            Path = "allow_policies",
            Kind = "Allow policy",
            OutputKeys = new[]
            {
                "id", "created_at", "comments", "is_acceptable_sender", "is_exempt_recipient", "is_regex",
                "is_trusted_sender", "modified_at", "pattern", "pattern_type", "verify_sender",
            },
            Fields = new[]
            {
                FieldSpec.Flag("is_acceptable_sender", required: true),
                FieldSpec.Flag("is_exempt_recipient", required: true),
                FieldSpec.Flag("is_regex", required: true),
                FieldSpec.Flag("is_trusted_sender", required: true),
                FieldSpec.Text("pattern", required: true),
                FieldSpec.Choice("pattern_type", PatternChecks.PatternTypes, required: true, notWritable: "UNKNOWN"),
                FieldSpec.Flag("verify_sender", required: true),
                FieldSpec.Text("comments"),
            },
            EndOfLifeFields = new[]
            {
                ("is_recipient", "is_exempt_recipient"), ("is_sender", "is_trusted_sender"),
                ("is_spoof", "is_acceptable_sender"),
            },
            Filters = new[]
            {
                FilterSpec.Flag("is_acceptable_sender"), FilterSpec.Flag("is_exempt_recipient"),
                FilterSpec.Flag("is_trusted_sender"), FilterSpec.Flag("verify_sender"), FilterSpec.Text("pattern"),
                FilterSpec.Choice("pattern_type", PatternChecks.PatternTypes),
                FilterSpec.Search("pattern", "comments"),
            },
            BatchSince = ApiVersion.V2026_10,
            OrderFields = new[] { "pattern", "created_at" },
            Check = PatternChecks.RegexMustCompile("pattern", "is_regex"),
            Demo = (_, __) => Demo(),
        };

        /// <summary>
        /// The acceptable senders the demo mail was scanned against, then a mix of other policy kinds.
        /// </summary>
        private static IEnumerable<JsonObject> Demo()
        {
            foreach ((string pattern, string type) in DemoPolicies.AcceptableSenders)
            {
                yield return Policy(pattern, type, acceptable: true, verify: true,
                    comments: "Known partner; mail was landing in Bulk");
            }
            yield return Policy("payroll@adatum.example", "EMAIL", trusted: true, verify: true,
                comments: "Payroll provider sends password-protected PDFs");
            yield return Policy("security-reports@contoso.example", "EMAIL", exempt: true,
                comments: "Phish report mailbox must receive samples untouched");
            yield return Policy("203.0.113.25", "IP", trusted: true, comments: "Marketing automation relay");
            yield return Policy("^alerts-[a-z]+@proseware\\.example$", "EMAIL", acceptable: true, verify: true,
                comments: "CI alert senders", regex: true);
            yield return Policy("legacy-scanner.contoso.example", "UNKNOWN", trusted: true,
                comments: "Imported from the previous gateway");
            yield return Policy("dmarc-reports@contoso.example", "EMAIL", exempt: true,
                comments: "DMARC aggregate reports");
            yield return Policy("198.51.100.17", "IP", acceptable: true, comments: "Copier scan-to-email relay");
        }

        private static JsonObject Policy(
            string pattern,
            string type,
            bool acceptable = false,
            bool trusted = false,
            bool exempt = false,
            bool verify = false,
            string? comments = null,
            bool regex = false) => new JsonObject
        {
            ["comments"] = comments,
            ["is_acceptable_sender"] = acceptable,
            ["is_exempt_recipient"] = exempt,
            ["is_regex"] = regex,
            ["is_trusted_sender"] = trusted,
            ["pattern"] = pattern,
            ["pattern_type"] = type,
            ["verify_sender"] = verify,
        };
    }
}
