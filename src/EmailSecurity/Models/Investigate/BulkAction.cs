using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using EmailSecurity.Client;

namespace EmailSecurity.Models
{
    /// <summary>
    /// A bulk action job (<c>/investigate/bulk</c>, 2026-10): a job the API runs by itself that moves or releases every
    /// message a search finds. Its counters add up: <see cref="TotalMessagesDiscovered"/> is the sum of the five
    /// others. A job counts each message once per recipient mailbox.
    /// </summary>
    [ApiCollection("/investigate/bulk", "job_id", "bulk action job", "status", "action_type", "comment", Edits = false)]
    public sealed class BulkAction
    {
        [JsonPropertyName("job_id")]
        [TableColumn(2, Width = 36)]
        [ListItem(1)]
        public string Id { get; set; } = string.Empty;

        [JsonPropertyName("created_at")]
        [TableColumn(1, Width = 16, Label = "Created")]
        [ListItem(10)]
        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary>PENDING, DISCOVERING, PROCESSING, then COMPLETED, FAILED or CANCELLED.</summary>
        [JsonPropertyName("status")]
        [TableColumn(3, Width = 11)]
        [ListItem(2)]
        public string? Status { get; set; }

        /// <summary>MOVE or RELEASE.</summary>
        [JsonPropertyName("action_type")]
        [TableColumn(4, Width = 7)]
        [ListItem(3)]
        public string? Action { get; set; }

        [JsonPropertyName("action_params")]
        public BulkActionParameters? ActionParameters { get; set; }

        /// <summary>The folder a MOVE job moves messages to; null for a RELEASE.</summary>
        [JsonIgnore]
        [TableColumn(5, Width = 14)]
        [ListItem(4)]
        public string? Destination => ActionParameters?.Destination;

        /// <summary>The search whose messages the job acts on.</summary>
        [JsonPropertyName("search_params")]
        [ListItem(5)]
        public BulkActionSearch? SearchParameters { get; set; }

        [JsonPropertyName("total_messages_discovered")]
        [TableColumn(6, Width = 5, Label = "Found", AlignRight = true)]
        [ListItem(20)]
        public long TotalMessagesDiscovered { get; set; }

        [JsonPropertyName("messages_pending")]
        [ListItem(21)]
        public long MessagesPending { get; set; }

        [JsonPropertyName("messages_successful")]
        [TableColumn(7, Width = 5, Label = "Done", AlignRight = true)]
        [ListItem(22)]
        public long MessagesSuccessful { get; set; }

        [JsonPropertyName("messages_failed")]
        [TableColumn(8, Width = 6, Label = "Failed", AlignRight = true)]
        [ListItem(23)]
        public long MessagesFailed { get; set; }

        /// <summary>
        /// Messages the job cannot act on (phish submissions; for a release, messages not in quarantine).
        /// </summary>
        [JsonPropertyName("messages_skipped")]
        [ListItem(24)]
        public long MessagesSkipped { get; set; }

        [JsonPropertyName("messages_cancelled")]
        [ListItem(25)]
        public long MessagesCancelled { get; set; }

        [JsonPropertyName("comment")]
        [TableColumn(9)]
        [ListItem(6)]
        public string? Comment { get; set; }

        [JsonPropertyName("started_at")]
        [ListItem(11)]
        public DateTimeOffset? StartedAt { get; set; }

        [JsonPropertyName("completed_at")]
        [ListItem(12)]
        public DateTimeOffset? CompletedAt { get; set; }

        [JsonPropertyName("status_message")]
        [ListItem(13)]
        public string? StatusMessage { get; set; }

        /// <summary>
        /// True once the job is COMPLETED, FAILED or CANCELLED: it acts on nothing more and can be removed.
        /// </summary>
        [JsonIgnore]
        public bool IsFinished =>
            Status != null && ApiValues.BulkAction.Finished.Contains(Status, StringComparer.OrdinalIgnoreCase);

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        public override string ToString() => Id;
    }

    /// <summary>What a job does: MOVE (with its destination) or RELEASE.</summary>
    public sealed class BulkActionParameters
    {
        [JsonPropertyName("type")]
        public string? Type { get; set; }

        [JsonPropertyName("destination")]
        public string? Destination { get; set; }

        /// <summary>Deprecated by the API, without effect.</summary>
        [JsonPropertyName("expected_disposition")]
        public string? ExpectedDisposition { get; set; }

        /// <summary>The mailbox of one message entry of a job.</summary>
        [JsonPropertyName("client_recipient")]
        public string? ClientRecipient { get; set; }

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        public override string ToString() => Destination == null ? Type ?? string.Empty : $"{Type} to {Destination}";
    }

    /// <summary>The search of a bulk action job: the filters of Get-EsMessage by the API's names.</summary>
    public sealed class BulkActionSearch
    {
        [JsonPropertyName("query")]
        public string? Query { get; set; }

        [JsonPropertyName("sender")]
        public string? Sender { get; set; }

        [JsonPropertyName("recipient")]
        public string? Recipient { get; set; }

        [JsonPropertyName("subject")]
        public string? Subject { get; set; }

        [JsonPropertyName("exact_subject")]
        public string? ExactSubject { get; set; }

        [JsonPropertyName("domain")]
        public string? Domain { get; set; }

        [JsonPropertyName("final_disposition")]
        public string? FinalDisposition { get; set; }

        [JsonPropertyName("message_action")]
        public string? MessageAction { get; set; }

        [JsonPropertyName("alert_id")]
        public string? AlertId { get; set; }

        [JsonPropertyName("message_id")]
        public string? MessageId { get; set; }

        [JsonPropertyName("delivery_status")]
        public string? DeliveryStatus { get; set; }

        [JsonPropertyName("detections_only")]
        public bool? DetectionsOnly { get; set; }

        [JsonPropertyName("start")]
        public DateTimeOffset? Start { get; set; }

        [JsonPropertyName("end")]
        public DateTimeOffset? End { get; set; }

        /// <summary>
        /// Filters the module does not know yet (metric, smtp_helo_ip, submissions...), as the API sent them.
        /// </summary>
        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        /// <summary>
        /// The filters that are set, by the API's names: "sender=a@phish.test, final_disposition=MALICIOUS".
        /// </summary>
        public override string ToString()
        {
            var known = new (string Name, object? Value)[]
            {
                ("query", Query), ("sender", Sender), ("recipient", Recipient), ("subject", Subject),
                ("exact_subject", ExactSubject),
                ("domain", Domain), ("final_disposition", FinalDisposition), ("message_action", MessageAction),
                ("alert_id", AlertId),
                ("message_id", MessageId), ("delivery_status", DeliveryStatus), ("detections_only", DetectionsOnly),
                ("start", Start?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'",
                    System.Globalization.CultureInfo.InvariantCulture)),
                ("end", End?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'",
                    System.Globalization.CultureInfo.InvariantCulture)),
            };
            var parts = known.Where(f => f.Value != null).Select(f => $"{f.Name}={f.Value}")
                .Concat((AdditionalFields ?? new ApiFields()).Where(f => f.Value != null)
                    .Select(f => $"{f.Key}={f.Value}"))
                .ToList();
            return parts.Count == 0 ? "(every message)" : string.Join(", ", parts);
        }
    }
}
