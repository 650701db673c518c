using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace EmailSecurity.Simulator.Settings.Resources
{
    /// <summary>Regular expressions for URLs that URL rewriting leaves alone (2026-10).</summary>
    internal static class UrlIgnorePatterns
    {
        public static readonly SettingsResource Resource = new SettingsResource
        {
            Path = "url_ignore_patterns",
            Kind = "URL ignore pattern",
            Since = ApiVersion.V2026_10,
            // last_modified is deprecated without an end-of-life date, so it is still written (as modified_at).
            OutputKeys = new[] { "id", "comments", "created_at", "last_modified", "modified_at", "pattern" },
            Fields = new[] { FieldSpec.Text("pattern", required: true), FieldSpec.Text("comments") },
            Check = PatternChecks.MustCompile("pattern"),
            Demo = (_, __) => Demo(),
        };

        private static IEnumerable<JsonObject> Demo()
        {
            yield return Pattern("https://intranet\\.contoso\\.example/.*", "Internal portal links");
            yield return Pattern("https://([a-z0-9-]+\\.)?sharepoint\\.contoso\\.example/.*",
                "Document library links break when rewritten");
            yield return Pattern("https://payroll\\.adatum\\.example/login\\?.*", null);
        }

        private static JsonObject Pattern(string pattern, string? comments) => new JsonObject
        {
            ["comments"] = comments,
            ["pattern"] = pattern,
        };
    }
}
