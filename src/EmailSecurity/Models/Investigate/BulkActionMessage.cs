using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmailSecurity.Models
{
    /// <summary>
    /// One message of a bulk action job in one recipient's mailbox (<c>GET /investigate/bulk/{job_id}/messages</c>):
    /// whether the job has acted on it, and how that went. Its <see cref="InvestigateId"/> pipes into the message
    /// cmdlets.
    /// </summary>
    public sealed class BulkActionMessage : IMessageResult
    {
        /// <summary>The investigate id of the message (the API's message_id).</summary>
        [JsonPropertyName("message_id")]
        [ListItem(1)]
        public string InvestigateId { get; set; } = string.Empty;

        /// <summary>PENDING, PROCESSING, COMPLETED, FAILED, CANCELLED or SKIPPED.</summary>
        [JsonPropertyName("status")]
        [TableColumn(1, Width = 10)]
        [ListItem(2)]
        public string? Status { get; set; }

        [JsonPropertyName("processed_at")]
        [TableColumn(2, Width = 16, Label = "Processed")]
        [ListItem(3)]
        public DateTimeOffset? ProcessedAt { get; set; }

        /// <summary>The mailbox this entry is about.</summary>
        [JsonIgnore]
        [TableColumn(3, Width = 28)]
        [ListItem(4)]
        public string? Recipient => ActionParameters?.ClientRecipient;

        [JsonIgnore]
        [TableColumn(4, Width = 28)]
        [ListItem(5)]
        public string? Subject => Message?.Subject;

        [JsonPropertyName("status_message")]
        [TableColumn(5)]
        [ListItem(6)]
        public string? StatusMessage { get; set; }

        /// <summary>MOVE or RELEASE.</summary>
        [JsonPropertyName("action_type")]
        [ListItem(7)]
        public string? Action { get; set; }

        [JsonPropertyName("action_params")]
        [ListItem(8)]
        public BulkActionParameters? ActionParameters { get; set; }

        [JsonPropertyName("postfix_id")]
        [ListItem(9)]
        public string? PostfixId { get; set; }

        /// <summary>The Message-ID header of the message.</summary>
        [JsonPropertyName("email_message_id")]
        [ListItem(10)]
        public string? EmailMessageId { get; set; }

        [JsonPropertyName("alert_id")]
        [ListItem(11)]
        public string? AlertId { get; set; }

        [JsonPropertyName("created_at")]
        [ListItem(12)]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonPropertyName("retry_count")]
        [ListItem(13)]
        public int RetryCount { get; set; }

        /// <summary>When the API tries a failed action again.</summary>
        [JsonPropertyName("retry_after")]
        [ListItem(14, WhenSet = true)]
        public DateTimeOffset? RetryAfter { get; set; }

        /// <summary>The message as a search finds it.</summary>
        [JsonPropertyName("message")]
        public Message? Message { get; set; }

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        public override string ToString() => $"{InvestigateId} ({Recipient}): {Status}";
    }
}
