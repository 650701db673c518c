using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using EmailSecurity.Client;

namespace EmailSecurity.Models
{
    /// <summary>
    /// A blocked sender pattern (<c>/settings/block_senders</c>): mail from matching senders is not delivered.
    /// </summary>
    [ApiCollection("/settings/block_senders", "pattern_id", "blocked sender", "pattern", "comments", Batches = true)]
    [ColumnWidth(nameof(Pattern), 40)]
    public sealed class BlockedSender : PatternEntry
    {
        /// <summary>EMAIL, DOMAIN, IP (UNKNOWN on entries made before pattern types existed).</summary>
        [JsonPropertyName("pattern_type")]
        [TableColumn(20, Width = 7, Label = "Type")]
        [ListItem(20)]
        public string? PatternType { get; set; }
    }
}
