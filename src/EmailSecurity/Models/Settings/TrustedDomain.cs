using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmailSecurity.Models
{
    /// <summary>
    /// A trusted domain pattern (<c>/settings/trusted_domains</c>): spares partner domains the recently-registered
    /// and lookalike-domain detections.
    /// </summary>
    public sealed class TrustedDomain : SettingsObject
    {
        [JsonPropertyName("pattern")]
        public string? Pattern { get; set; }

        [JsonPropertyName("is_regex")]
        public bool? IsRegex { get; set; }

        /// <summary>A recently registered domain that must not trigger a Suspicious or Malicious disposition.</summary>
        [JsonPropertyName("is_recent")]
        public bool? IsRecent { get; set; }

        /// <summary>A partner domain spelled like one of yours that must not trigger a Spoof disposition.</summary>
        [JsonPropertyName("is_similarity")]
        public bool? IsSimilarity { get; set; }

        [JsonPropertyName("comments")]
        public string? Comments { get; set; }

        public override string ToString() => Pattern ?? Id ?? string.Empty;
    }
}
