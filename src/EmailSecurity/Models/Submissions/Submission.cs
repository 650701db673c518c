using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmailSecurity.Models
{
    /// <summary>
    /// A request to reclassify a message, made by the security team or an end user (<c>GET /submissions</c>). The
    /// deprecated <c>requested_ts</c> is not modelled (<see cref="RequestedAt"/> replaces it); it lands in
    /// <see cref="AdditionalFields"/> while the API still sends it.
    /// </summary>
    public sealed class Submission
    {
        [JsonPropertyName("submission_id")]
        [ListItem(1)]
        public string SubmissionId { get; set; } = string.Empty;

        [JsonPropertyName("requested_at")]
        [TableColumn(1, Width = 16)]
        [ListItem(2)]
        public DateTimeOffset? RequestedAt { get; set; }

        /// <summary>Team (the security team) or User (an end user).</summary>
        [JsonPropertyName("type")]
        [TableColumn(2, Width = 4)]
        [ListItem(3)]
        public string? Type { get; set; }

        [JsonPropertyName("requested_by")]
        [ListItem(4)]
        public string? RequestedBy { get; set; }

        [JsonPropertyName("requested_disposition")]
        [TableColumn(4, Width = 13, Label = "Requested")]
        [ListItem(7)]
        public string? RequestedDisposition { get; set; }

        [JsonPropertyName("original_disposition")]
        [TableColumn(3, Width = 13, Label = "Original")]
        [ListItem(6)]
        public string? OriginalDisposition { get; set; }

        [JsonPropertyName("status")]
        [TableColumn(6, Width = 9)]
        [ListItem(8)]
        public string? Status { get; set; }

        /// <summary>escalated, reviewed or unreviewed.</summary>
        [JsonPropertyName("customer_status")]
        [ListItem(9)]
        public string? CustomerStatus { get; set; }

        [JsonPropertyName("outcome")]
        [ListItem(10)]
        public string? Outcome { get; set; }

        [JsonPropertyName("outcome_disposition")]
        [TableColumn(5, Width = 13, Label = "Result")]
        [ListItem(11)]
        public string? OutcomeDisposition { get; set; }

        [JsonPropertyName("subject")]
        [TableColumn(7)]
        [ListItem(5)]
        public string? Subject { get; set; }

        /// <summary>The postfix id of the message that was submitted.</summary>
        [JsonPropertyName("original_postfix_id")]
        [ListItem(16)]
        public string? OriginalPostfixId { get; set; }

        [JsonPropertyName("original_edf_hash")]
        [ListItem(17)]
        public string? OriginalEdfHash { get; set; }

        [JsonPropertyName("escalated_as")]
        [ListItem(12, WhenSet = true)]
        public string? EscalatedAs { get; set; }

        [JsonPropertyName("escalated_at")]
        [ListItem(13, WhenSet = true)]
        public DateTimeOffset? EscalatedAt { get; set; }

        [JsonPropertyName("escalated_by")]
        [ListItem(14, WhenSet = true)]
        public string? EscalatedBy { get; set; }

        /// <summary>The end user's submission this one escalates.</summary>
        [JsonPropertyName("escalated_submission_id")]
        [ListItem(15, WhenSet = true)]
        public string? EscalatedSubmissionId { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalFields { get; set; }

        public override string ToString() => SubmissionId;
    }
}
