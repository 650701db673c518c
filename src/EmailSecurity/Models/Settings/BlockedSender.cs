using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmailSecurity.Models
{
    /// <summary>A blocked sender pattern (<c>/settings/block_senders</c>): mail from matching senders is not delivered.</summary>
    public sealed class BlockedSender : SettingsObject
    {
        [JsonPropertyName("pattern")]
        public string? Pattern { get; set; }

        /// <summary>EMAIL, DOMAIN, IP (UNKNOWN on entries made before pattern types existed).</summary>
        [JsonPropertyName("pattern_type")]
        public string? PatternType { get; set; }

        [JsonPropertyName("is_regex")]
        public bool? IsRegex { get; set; }

        [JsonPropertyName("comments")]
        public string? Comments { get; set; }

        public override string ToString() => Pattern ?? Id ?? string.Empty;
    }
}
