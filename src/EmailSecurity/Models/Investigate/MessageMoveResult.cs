using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmailSecurity.Models
{
    /// <summary>The outcome of moving one message for one recipient (<c>POST /investigate/move</c>).</summary>
    public sealed class MessageMoveResult : IMessageResult
    {
        [JsonPropertyName("success")]
        [TableColumn(1, Width = 7, Raw = true)]
        [ListItem(3)]
        public bool Success { get; set; }

        /// <summary>The investigate id of the message (the API calls it message_id).</summary>
        [JsonPropertyName("message_id")]
        [TableColumn(5)]
        [ListItem(1)]
        public string? InvestigateId { get; set; }

        /// <summary>
        /// InvestigateId's former name, kept (hidden) for scripts: a Message's MessageId is its Message-ID header.
        /// </summary>
        [JsonIgnore]
        [Hidden]
        public string? MessageId { get => InvestigateId; set => InvestigateId = value; }

        [JsonPropertyName("recipient")]
        [TableColumn(3, Width = 30)]
        [ListItem(2)]
        public string? Recipient { get; set; }

        [JsonPropertyName("destination")]
        [TableColumn(2, Width = 14)]
        [ListItem(5)]
        public string? Destination { get; set; }

        [JsonPropertyName("status")]
        [TableColumn(4, Width = 14)]
        [ListItem(6)]
        public string? Status { get; set; }

        [JsonPropertyName("operation")]
        [ListItem(4)]
        public string? Operation { get; set; }

        [JsonPropertyName("completed_at")]
        [ListItem(7)]
        public DateTimeOffset? CompletedAt { get; set; }

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        public override string ToString() => $"{InvestigateId} {Recipient} {(Success ? "moved" : "failed")}";
    }
}
