using System.Text.Json.Serialization;
using EmailSecurity.Client;

namespace EmailSecurity.Models
{
    /// <summary>
    /// A URL ignore pattern (<c>/settings/url_ignore_patterns</c>, 2026-10): a regular expression for URLs that URL
    /// rewriting leaves alone. The deprecated <c>last_modified</c> lands in
    /// <see cref="SettingsObject.AdditionalFields"/>.
    /// </summary>
    [ApiCollection("/settings/url_ignore_patterns", "pattern_id", "URL ignore pattern", "pattern", "comments")]
    public sealed class UrlIgnorePattern : SettingsObject
    {
        /// <summary>The regular expression.</summary>
        [JsonPropertyName("pattern")]
        [TableColumn(10, Width = 50)]
        [ListItem(10)]
        public string? Pattern { get; set; }

        [JsonPropertyName("comments")]
        [TableColumn(100)]
        [ListItem(90)]
        public string? Comments { get; set; }

        public override string ToString() => Pattern ?? Id ?? string.Empty;
    }
}
