using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmailSecurity.Models
{
    /// <summary>The outcome of moving one message for one recipient (<c>POST /investigate/move</c>).</summary>
    public sealed class MessageMoveResult
    {
        [JsonPropertyName("success")]
        public bool Success { get; set; }

        /// <summary>The investigate id of the message.</summary>
        [JsonPropertyName("message_id")]
        public string? MessageId { get; set; }

        [JsonPropertyName("recipient")]
        public string? Recipient { get; set; }

        [JsonPropertyName("destination")]
        public string? Destination { get; set; }

        [JsonPropertyName("status")]
        public string? Status { get; set; }

        [JsonPropertyName("operation")]
        public string? Operation { get; set; }

        [JsonPropertyName("completed_at")]
        public DateTimeOffset? CompletedAt { get; set; }

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        public override string ToString() => $"{MessageId} {Recipient} {(Success ? "moved" : "failed")}";
    }
}
