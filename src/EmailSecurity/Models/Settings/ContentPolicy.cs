using System.Text.Json.Serialization;
using EmailSecurity.Client;

namespace EmailSecurity.Models
{
    /// <summary>
    /// A content policy (<c>/settings/content_policies</c>, 2026-10): a regular expression matched against the subject
    /// and/or body of messages. A person knows a policy by its name.
    /// </summary>
    [ApiCollection("/settings/content_policies", "policy_id", "content policy", "name", "pattern", Batches = true)]
    public sealed class ContentPolicy : SettingsObject
    {
        [JsonPropertyName("name")]
        [TableColumn(10, Width = 28)]
        [ListItem(10)]
        public string? Name { get; set; }

        [JsonPropertyName("enabled")]
        [TableColumn(20, Width = 7)]
        [ListItem(20)]
        public bool? Enabled { get; set; }

        /// <summary>SUBJECT, BODY: the parts of the message the pattern is matched against.</summary>
        [JsonPropertyName("targets")]
        [TableColumn(30, Width = 13)]
        [ListItem(30)]
        public ApiList<string>? Targets { get; set; }

        /// <summary>The regular expression.</summary>
        [JsonPropertyName("pattern")]
        [TableColumn(40, Width = 36)]
        [ListItem(40)]
        public string? Pattern { get; set; }

        [JsonPropertyName("notes")]
        [TableColumn(100)]
        [ListItem(90)]
        public string? Notes { get; set; }

        public override string ToString() => Name ?? Id ?? string.Empty;
    }
}
