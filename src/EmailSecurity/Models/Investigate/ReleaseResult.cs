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
        [TableColumn(2, Width = 46)]
        [ListItem(1)]
        public string? Id { get; set; }

        /// <summary>Recipients the message was delivered to.</summary>
        [JsonPropertyName("delivered")]
        [TableColumn(3, Width = 24)]
        [ListItem(3)]
        public ApiList<string>? Delivered { get; set; }

        /// <summary>Recipients the release failed for.</summary>
        [JsonPropertyName("failed")]
        [TableColumn(4, Width = 18)]
        [ListItem(4)]
        public ApiList<string>? Failed { get; set; }

        /// <summary>
        /// Recipients the message was not delivered to, for example because it was not in quarantine.
        /// </summary>
        [JsonPropertyName("undelivered")]
        [TableColumn(5)]
        [ListItem(5)]
        public ApiList<string>? Undelivered { get; set; }

        /// <summary>True when the message reached at least one recipient and failed for none.</summary>
        [JsonIgnore]
        [TableColumn(1, Width = 8, Raw = true)]
        [ListItem(2)]
        public bool Released => Delivered?.Count > 0 && !(Failed?.Count > 0);

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        string? IMessageResult.InvestigateId => Id;

        public override string ToString() => $"{Id} {(Released ? "released" : "not released")}";
    }
}
