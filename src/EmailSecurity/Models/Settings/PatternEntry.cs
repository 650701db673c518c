using System.Text.Json.Serialization;

namespace EmailSecurity.Models
{
    /// <summary>
    /// What the pattern lists of the API share (allow policies, blocked senders, trusted domains): a pattern, whether
    /// it is a regular expression, and a comment. A person knows an entry by its pattern.
    /// </summary>
    public abstract class PatternEntry : SettingsObject
    {
        [JsonPropertyName("pattern")]
        [TableColumn(10, Width = 36)]
        [ListItem(10)]
        public string? Pattern { get; set; }

        [JsonPropertyName("is_regex")]
        [TableColumn(30, Width = 5, Label = "Regex")]
        [ListItem(30)]
        public bool? IsRegex { get; set; }

        [JsonPropertyName("comments")]
        [TableColumn(100)]
        [ListItem(90)]
        public string? Comments { get; set; }

        public override string ToString() => Pattern ?? Id ?? string.Empty;
    }
}
