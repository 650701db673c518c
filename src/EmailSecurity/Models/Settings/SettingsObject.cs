using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmailSecurity.Models
{
    /// <summary>
    /// What every settings object of the API has: an id, when it was made and changed, and room for fields this module
    /// does not know yet.
    /// </summary>
    public abstract class SettingsObject
    {
        [JsonPropertyName("id")]
        [ListItem(1)]
        public string? Id { get; set; }

        [JsonPropertyName("created_at")]
        [ListItem(98)]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonPropertyName("modified_at")]
        [ListItem(99)]
        public DateTimeOffset? ModifiedAt { get; set; }

        /// <summary>
        /// When the entry last changed: <see cref="ModifiedAt"/>, or <see cref="CreatedAt"/> for one never changed.
        /// </summary>
        [JsonIgnore]
        [TableColumn(90, Width = 16)]
        public DateTimeOffset? Modified => ModifiedAt ?? CreatedAt;

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }
    }
}
