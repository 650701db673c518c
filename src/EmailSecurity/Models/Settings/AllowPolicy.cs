using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using EmailSecurity.Client;

namespace EmailSecurity.Models
{
    /// <summary>
    /// An allow policy (<c>/settings/allow_policies</c>): mail matching its pattern is exempted from some or all
    /// detections. The flags past their end of life (<c>is_sender</c>, <c>is_recipient</c>, <c>is_spoof</c>,
    /// <c>last_modified</c>) are not modelled; if the API still sends them they land in <see cref="AdditionalFields"/>.
    /// </summary>
    [ApiCollection("/settings/allow_policies", "policy_id", "allow policy", "pattern", "comments", Batches = true)]
    public sealed class AllowPolicy : PatternEntry
    {
        /// <summary>EMAIL, DOMAIN, IP (UNKNOWN on entries made before pattern types existed).</summary>
        [JsonPropertyName("pattern_type")]
        [TableColumn(20, Width = 7, Label = "Type")]
        [ListItem(20)]
        public string? PatternType { get; set; }

        /// <summary>Mail from the sender bypasses all detections and link following.</summary>
        [JsonPropertyName("is_trusted_sender")]
        [ListItem(41)]
        public bool? IsTrustedSender { get; set; }

        /// <summary>
        /// Mail from the sender is exempted from the Spam, Spoof and Bulk dispositions (not Malicious or Suspicious).
        /// </summary>
        [JsonPropertyName("is_acceptable_sender")]
        [ListItem(42)]
        public bool? IsAcceptableSender { get; set; }

        /// <summary>Mail to the recipient bypasses all detections.</summary>
        [JsonPropertyName("is_exempt_recipient")]
        [ListItem(43)]
        public bool? IsExemptRecipient { get; set; }

        /// <summary>The policy is honoured only for mail that passes DMARC, SPF or DKIM.</summary>
        [JsonPropertyName("verify_sender")]
        [TableColumn(50, Width = 6, Label = "Verify")]
        [ListItem(50)]
        public bool? VerifySender { get; set; }
        /// <summary>The exemptions the policy grants, in words: "Trusted, Acceptable", "Exempt".</summary>
        [JsonIgnore]
        [TableColumn(40, Width = 20)]
        public string Exemption => string.Join(", ", new[]
        {
            IsTrustedSender == true ? "Trusted" : null,
            IsAcceptableSender == true ? "Acceptable" : null,
            IsExemptRecipient == true ? "Exempt" : null,
        }.Where(word => word != null));
    }
}
