using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmailSecurity.Models
{
    /// <summary>
    /// The outcome of releasing one message from quarantine (<c>POST /investigate/release</c>), per recipient. The
    /// <c>postfix_id</c> field is past its end of life; <see cref="Id"/> replaces it.
    /// </summary>
    public sealed class ReleaseResult : IMessageResult
    {
        /// <summary>The investigate id of the message.</summary>
        [JsonPropertyName("id")]
        public string? Id { get; set; }

        /// <summary>Recipients the message was delivered to.</summary>
        [JsonPropertyName("delivered")]
        public ApiList<string>? Delivered { get; set; }

        /// <summary>Recipients the release failed for.</summary>
        [JsonPropertyName("failed")]
        public ApiList<string>? Failed { get; set; }

        /// <summary>Recipients the message was not delivered to, for example because it was not in quarantine.</summary>
        [JsonPropertyName("undelivered")]
        public ApiList<string>? Undelivered { get; set; }

        /// <summary>True when the message reached at least one recipient and failed for none.</summary>
        [JsonIgnore]
        public bool Released => Delivered?.Count > 0 && !(Failed?.Count > 0);

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        string? IMessageResult.InvestigateId => Id;

        public override string ToString() => $"{Id} {(Released ? "released" : "not released")}";
    }
}
