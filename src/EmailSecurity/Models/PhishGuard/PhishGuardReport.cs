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
        public long Id { get; set; }

        [JsonPropertyName("title")]
        public string? Title { get; set; }

        [JsonPropertyName("priority")]
        public string? Priority { get; set; }

        [JsonPropertyName("disposition")]
        public string? Disposition { get; set; }

        /// <summary>The analyst's write-up.</summary>
        [JsonPropertyName("content")]
        public string? Content { get; set; }

        /// <summary>The message the report is about.</summary>
        [JsonPropertyName("fields")]
        public PhishGuardReportFields? Fields { get; set; }

        [JsonPropertyName("tags")]
        public ApiList<PhishGuardReportTag>? Tags { get; set; }

        [JsonPropertyName("created_at")]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonPropertyName("updated_at")]
        public DateTimeOffset? UpdatedAt { get; set; }

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

        public override string ToString() => $"{From} -> {string.Join(", ", (IEnumerable<string>?)To ?? Array.Empty<string>())}";
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
