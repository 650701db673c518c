using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using EmailSecurity.Client;

namespace EmailSecurity.Models
{
    /// <summary>
    /// A trusted domain pattern (<c>/settings/trusted_domains</c>): spares partner domains the recently-registered
    /// and lookalike-domain detections.
    /// </summary>
    [ApiCollection("/settings/trusted_domains", "trusted_domain_id", "trusted domain", "pattern", "comments",
        Batches = true)]
    public sealed class TrustedDomain : PatternEntry
    {
        /// <summary>A recently registered domain that must not trigger a Suspicious or Malicious disposition.</summary>
        [JsonPropertyName("is_recent")]
        [TableColumn(40, Width = 6, Label = "Recent")]
        [ListItem(40)]
        public bool? IsRecent { get; set; }

        /// <summary>A partner domain spelled like one of yours that must not trigger a Spoof disposition.</summary>
        [JsonPropertyName("is_similarity")]
        [TableColumn(50, Width = 10, Label = "Similarity")]
        [ListItem(50)]
        public bool? IsSimilarity { get; set; }
    }
}
