using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmailSecurity.Models
{
    /// <summary>
    /// A message found by investigation (<c>GET /investigate</c> and <c>GET /investigate/{id}</c>). Fields past their
    /// end of life (<c>ts</c>, <c>action_log</c>, <c>findings</c>) are not modelled; if an older API still sends them
    /// they land in <see cref="AdditionalFields"/> with anything else the API adds later.
    /// </summary>
    public sealed class Message
    {
        /// <summary>The investigate id: what every other message cmdlet takes.</summary>
        [JsonPropertyName("id")]
        [ListItem(1)]
        public string Id { get; set; } = string.Empty;

        [JsonPropertyName("postfix_id")]
        [ListItem(24)]
        public string? PostfixId { get; set; }

        [JsonPropertyName("scanned_at")]
        [TableColumn(1, Width = 16, Label = "Scanned")]
        [ListItem(2)]
        public DateTimeOffset? ScannedAt { get; set; }

        [JsonPropertyName("sent_at")]
        [ListItem(3)]
        public DateTimeOffset? SentAt { get; set; }

        [JsonPropertyName("sent_date")]
        public string? SentDate { get; set; }

        [JsonPropertyName("from")]
        [TableColumn(4, Width = 32)]
        [ListItem(8)]
        public string? From { get; set; }

        [JsonPropertyName("from_name")]
        [ListItem(9)]
        public string? FromName { get; set; }

        [JsonPropertyName("to")]
        [ListItem(11)]
        public ApiList<string>? To { get; set; }

        [JsonPropertyName("to_name")]
        public ApiList<string>? ToName { get; set; }

        [JsonPropertyName("subject")]
        [TableColumn(5)]
        [ListItem(12)]
        public string? Subject { get; set; }

        [JsonPropertyName("final_disposition")]
        [TableColumn(2, Width = 13, Label = "Disposition")]
        [ListItem(4)]
        public string? FinalDisposition { get; set; }

        [JsonPropertyName("is_quarantined")]
        [TableColumn(3, Width = 11, Label = "Quarantined")]
        [ListItem(5)]
        public bool IsQuarantined { get; set; }

        [JsonPropertyName("is_phish_submission")]
        [ListItem(22, WhenSet = true)]
        public bool IsPhishSubmission { get; set; }

        [JsonPropertyName("alert_id")]
        [ListItem(23, WhenSet = true)]
        public string? AlertId { get; set; }

        /// <summary>The RFC 5322 Message-ID header.</summary>
        [JsonPropertyName("message_id")]
        [ListItem(26)]
        public string? MessageId { get; set; }

        [JsonPropertyName("client_recipients")]
        [ListItem(15)]
        public ApiList<string>? ClientRecipients { get; set; }

        [JsonPropertyName("detection_reasons")]
        [ListItem(7, Script = "$_.DetectionReasons -join \"`n\"")]
        public ApiList<string>? DetectionReasons { get; set; }

        [JsonPropertyName("threat_categories")]
        [ListItem(6)]
        public ApiList<string>? ThreatCategories { get; set; }

        [JsonPropertyName("delivery_mode")]
        [ListItem(17)]
        public string? DeliveryMode { get; set; }

        [JsonPropertyName("delivery_status")]
        [ListItem(18)]
        public ApiList<string>? DeliveryStatus { get; set; }

        [JsonPropertyName("post_delivery_operations")]
        [ListItem(19, WhenSet = true)]
        public ApiList<string>? PostDeliveryOperations { get; set; }

        [JsonPropertyName("envelope_from")]
        [ListItem(13)]
        public string? EnvelopeFrom { get; set; }

        [JsonPropertyName("envelope_to")]
        [ListItem(14)]
        public ApiList<string>? EnvelopeTo { get; set; }

        [JsonPropertyName("replyto")]
        [ListItem(10, WhenSet = true)]
        public string? ReplyTo { get; set; }

        [JsonPropertyName("edf_hash")]
        [ListItem(27)]
        public string? EdfHash { get; set; }

        [JsonPropertyName("htmltext_structure_hash")]
        public string? HtmlTextStructureHash { get; set; }

        [JsonPropertyName("postfix_id_outbound")]
        [ListItem(25, WhenSet = true)]
        public string? PostfixIdOutbound { get; set; }

        /// <summary>
        /// The address of the server that said HELO in the SMTP session (newer API; null in the older).
        /// </summary>
        [JsonPropertyName("smtp_helo_server_ip")]
        [ListItem(28, WhenSet = true)]
        public string? SmtpHeloServerIp { get; set; }

        /// <summary>The address of the hop before the one that delivered the message (newer API).</summary>
        [JsonPropertyName("smtp_previous_hop_ip")]
        [ListItem(29, WhenSet = true)]
        public string? SmtpPreviousHopIp { get; set; }

        /// <summary>The X-Originating-IP the sender's provider recorded, when it did (newer API).</summary>
        [JsonPropertyName("x_originating_ip")]
        [ListItem(30, WhenSet = true)]
        public string? XOriginatingIp { get; set; }

        [JsonPropertyName("properties")]
        public MessageProperties? Properties { get; set; }

        [JsonPropertyName("validation")]
        [ListItem(16)]
        public MessageValidation? Validation { get; set; }

        /// <summary>Fields this version of the module does not know, kept as the API sent them.</summary>
        /// <summary>
        /// The allow policy pattern that matched the message, with its type: "partner.example (DOMAIN)".
        /// </summary>
        [JsonIgnore]
        [ListItem(20, WhenSet = true)]
        public string? AllowlistedPattern
        {
            get
            {
                var pattern = Properties?.AllowlistedPattern;
                var type = string.IsNullOrEmpty(Properties?.AllowlistedPatternType)
                    ? Properties?.WhitelistedPatternType
                    : Properties!.AllowlistedPatternType;
                return pattern == null || string.IsNullOrEmpty(type) ? pattern : $"{pattern} ({type})";
            }
        }

        /// <summary>The blocked sender pattern that matched the message.</summary>
        [JsonIgnore]
        [ListItem(21, WhenSet = true)]
        public string? BlocklistedPattern => Properties?.BlocklistedPattern;

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        public override string ToString() => Id;
    }

    /// <summary>Why a message was allowed or blocked by a pattern.</summary>
    public sealed class MessageProperties
    {
        [JsonPropertyName("allowlisted_pattern")]
        public string? AllowlistedPattern { get; set; }

        [JsonPropertyName("allowlisted_pattern_type")]
        public string? AllowlistedPatternType { get; set; }

        [JsonPropertyName("blocklisted_message")]
        public bool? BlocklistedMessage { get; set; }

        [JsonPropertyName("blocklisted_pattern")]
        public string? BlocklistedPattern { get; set; }

        /// <summary>The API's legacy name for the allowlist pattern type.</summary>
        [JsonPropertyName("whitelisted_pattern_type")]
        public string? WhitelistedPatternType { get; set; }

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        /// <summary>
        /// "allowlisted by contoso.com (DOMAIN); blocklisted by evil.test", or empty when neither applies.
        /// </summary>
        public override string ToString() => string.Join("; ", new[]
        {
            AllowlistedPattern == null
                ? null
                : $"allowlisted by {AllowlistedPattern} ({AllowlistedPatternType ?? WhitelistedPatternType ?? "?"})",
            BlocklistedPattern != null
                ? $"blocklisted by {BlocklistedPattern}"
                : BlocklistedMessage == true
                ? "blocklisted"
                : null,
        }.Where(part => part != null));
    }

    /// <summary>SPF, DKIM and DMARC results.</summary>
    public sealed class MessageValidation
    {
        [JsonPropertyName("spf")]
        public string? Spf { get; set; }

        [JsonPropertyName("dkim")]
        public string? Dkim { get; set; }

        [JsonPropertyName("dmarc")]
        public string? Dmarc { get; set; }

        [JsonPropertyName("comment")]
        public string? Comment { get; set; }

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        public override string ToString() => $"spf={Spf ?? "-"} dkim={Dkim ?? "-"} dmarc={Dmarc ?? "-"}";
    }
}
