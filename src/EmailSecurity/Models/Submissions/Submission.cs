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
        public string SubmissionId { get; set; } = string.Empty;

        [JsonPropertyName("requested_at")]
        public DateTimeOffset? RequestedAt { get; set; }

        /// <summary>Team (the security team) or User (an end user).</summary>
        [JsonPropertyName("type")]
        public string? Type { get; set; }

        [JsonPropertyName("requested_by")]
        public string? RequestedBy { get; set; }

        [JsonPropertyName("requested_disposition")]
        public string? RequestedDisposition { get; set; }

        [JsonPropertyName("original_disposition")]
        public string? OriginalDisposition { get; set; }

        [JsonPropertyName("status")]
        public string? Status { get; set; }

        /// <summary>escalated, reviewed or unreviewed.</summary>
        [JsonPropertyName("customer_status")]
        public string? CustomerStatus { get; set; }

        [JsonPropertyName("outcome")]
        public string? Outcome { get; set; }

        [JsonPropertyName("outcome_disposition")]
        public string? OutcomeDisposition { get; set; }

        [JsonPropertyName("subject")]
        public string? Subject { get; set; }

        /// <summary>The postfix id of the message that was submitted.</summary>
        [JsonPropertyName("original_postfix_id")]
        public string? OriginalPostfixId { get; set; }

        [JsonPropertyName("original_edf_hash")]
        public string? OriginalEdfHash { get; set; }

        [JsonPropertyName("escalated_as")]
        public string? EscalatedAs { get; set; }

        [JsonPropertyName("escalated_at")]
        public DateTimeOffset? EscalatedAt { get; set; }

        [JsonPropertyName("escalated_by")]
        public string? EscalatedBy { get; set; }

        /// <summary>The end user's submission this one escalates.</summary>
        [JsonPropertyName("escalated_submission_id")]
        public string? EscalatedSubmissionId { get; set; }

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        public override string ToString() => SubmissionId;
    }
}
