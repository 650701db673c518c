using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmailSecurity.Models
{
    /// <summary>What every settings object of the API has: an id, when it was made and changed, and room for fields this module does not know yet.</summary>
    public abstract class SettingsObject
    {
        [JsonPropertyName("id")]
        public string? Id { get; set; }

        [JsonPropertyName("created_at")]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonPropertyName("modified_at")]
        public DateTimeOffset? ModifiedAt { get; set; }

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }
    }
}
