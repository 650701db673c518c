using System.Text.Json.Serialization;

namespace EmailSecurity.Models
{
    /// <summary>
    /// What the pattern lists of the API share (allow policies, blocked senders, trusted domains): a pattern, whether it
    /// is a regular expression, and a comment. A person knows an entry by its pattern.
    /// </summary>
    public abstract class PatternEntry : SettingsObject
    {
        [JsonPropertyName("pattern")]
        public string? Pattern { get; set; }

        [JsonPropertyName("is_regex")]
        public bool? IsRegex { get; set; }

        [JsonPropertyName("comments")]
        public string? Comments { get; set; }

        public override string ToString() => Pattern ?? Id ?? string.Empty;
    }
}
