using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmailSecurity.Models
{
    /// <summary>
    /// A PhishGuard analyst's report about a threat that reached the account (<c>GET /phishguard/reports</c>). The
    /// deprecated <c>ts</c> fields are not modelled (<see cref="CreatedAt"/> and
    /// <see cref="PhishGuardReportFields.OccurredAt"/> replace them).
    /// </summary>
    public sealed class PhishGuardReport
    {
        [JsonPropertyName("id")]
        [TableColumn(2, Width = 6, AlignRight = true)]
        [ListItem(1)]
        public long Id { get; set; }

        [JsonPropertyName("title")]
        [TableColumn(5)]
        [ListItem(2)]
        public string? Title { get; set; }

        [JsonPropertyName("priority")]
        [TableColumn(3, Width = 8)]
        [ListItem(3)]
        public string? Priority { get; set; }

        [JsonPropertyName("disposition")]
        [TableColumn(4, Width = 13)]
        [ListItem(4)]
        public string? Disposition { get; set; }

        /// <summary>The analyst's write-up.</summary>
        [JsonPropertyName("content")]
        [ListItem(12)]
        public string? Content { get; set; }

        /// <summary>The message the report is about.</summary>
        [JsonPropertyName("fields")]
        public PhishGuardReportFields? Fields { get; set; }

        [JsonPropertyName("tags")]
        [ListItem(11)]
        public ApiList<PhishGuardReportTag>? Tags { get; set; }

        [JsonPropertyName("created_at")]
        [TableColumn(1, Width = 16)]
        [ListItem(5)]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonPropertyName("updated_at")]
        [ListItem(6)]
        public DateTimeOffset? UpdatedAt { get; set; }

        /// <summary>The sender of the mail the report is about (<see cref="PhishGuardReportFields.From"/>).</summary>
        [JsonIgnore]
        [ListItem(7)]
        public string? From => Fields?.From;

        /// <summary>Its recipients.</summary>
        [JsonIgnore]
        [ListItem(8)]
        public ApiList<string>? To => Fields?.To;

        /// <summary>When it happened.</summary>
        [JsonIgnore]
        [ListItem(9)]
        public DateTimeOffset? OccurredAt => Fields?.OccurredAt;

        /// <summary>The postfix id of the message.</summary>
        [JsonIgnore]
        [ListItem(10)]
        public string? PostfixId => Fields?.PostfixId;

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        public override string ToString() => $"{Id} {Title}";
    }

    public sealed class PhishGuardReportFields
    {
        [JsonPropertyName("from")]
        public string? From { get; set; }

        [JsonPropertyName("to")]
        public ApiList<string>? To { get; set; }

        [JsonPropertyName("occurred_at")]
        public DateTimeOffset? OccurredAt { get; set; }

        [JsonPropertyName("postfix_id")]
        public string? PostfixId { get; set; }

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        public override string ToString() =>
            $"{From} -> {string.Join(", ", (IEnumerable<string>?)To ?? Array.Empty<string>())}";
    }

    public sealed class PhishGuardReportTag
    {
        [JsonPropertyName("category")]
        public string? Category { get; set; }

        [JsonPropertyName("value")]
        public string? Value { get; set; }

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        public override string ToString() => $"{Category}:{Value}";
    }
}
