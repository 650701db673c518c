using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using EmailSecurity.Client;

namespace EmailSecurity.Models
{
    /// <summary>
    /// A domain protected by Email Security (<c>/settings/domains</c>): how its mail arrives, what is dropped, where it
    /// is processed, and the state of its integration. The seed API edits and unprotects domains onboarded in the
    /// dashboard; since 2026-10 it also protects new ones and replaces a domain's whole configuration (PUT).
    /// </summary>
    [ApiCollection("/settings/domains", "domain_id", "protected domain", "domain", "status", Replaces = true,
        FilterCasedByVersion = "status")]
    public sealed class EmailDomain : SettingsObject
    {
        [JsonPropertyName("domain")]
        [TableColumn(10, Width = 30)]
        [ListItem(10)]
        public string? Domain { get; set; }

        /// <summary>
        /// pending, active, failed or timeout (upper case in the newer API: PENDING, ACTIVE, ...), as the API sends it.
        /// </summary>
        [JsonPropertyName("status")]
        [TableColumn(20, Width = 8)]
        [ListItem(20)]
        public string? Status { get; set; }

        /// <summary>DIRECT, BCC, JOURNAL, API, RETRO_SCAN.</summary>
        [JsonPropertyName("allowed_delivery_modes")]
        [TableColumn(30, Width = 14, Label = "Modes")]
        [ListItem(30)]
        public ApiList<string>? AllowedDeliveryModes { get; set; }

        /// <summary>Dispositions whose mail is dropped instead of delivered.</summary>
        [JsonPropertyName("drop_dispositions")]
        [TableColumn(60, Width = 22, Label = "Drops")]
        [ListItem(31)]
        public ApiList<string>? DropDispositions { get; set; }

        /// <summary>AllItems or Inbox: which folders are scanned.</summary>
        [JsonPropertyName("folder")]
        [ListItem(32)]
        public string? Folder { get; set; }

        /// <summary>Microsoft or Google.</summary>
        [JsonPropertyName("inbox_provider")]
        [ListItem(33)]
        public string? InboxProvider { get; set; }

        [JsonPropertyName("integration_id")]
        [ListItem(34)]
        public string? IntegrationId { get; set; }

        [JsonPropertyName("o365_tenant_id")]
        [ListItem(35)]
        public string? O365TenantId { get; set; }

        /// <summary>Addresses (CIDR) that may deliver the domain's mail directly.</summary>
        [JsonPropertyName("ip_restrictions")]
        [ListItem(38)]
        public ApiList<string>? IpRestrictions { get; set; }

        /// <summary>How many Received hops to look back for the connecting IP.</summary>
        [JsonPropertyName("lookback_hops")]
        [ListItem(39)]
        public int? LookbackHops { get; set; }

        /// <summary>GLOBAL, AU, DE, IN, US.</summary>
        [JsonPropertyName("regions")]
        [TableColumn(50, Width = 10)]
        [ListItem(36)]
        public ApiList<string>? Regions { get; set; }

        [JsonPropertyName("require_tls_inbound")]
        [ListItem(40)]
        public bool? RequireTlsInbound { get; set; }

        [JsonPropertyName("require_tls_outbound")]
        [ListItem(41)]
        public bool? RequireTlsOutbound { get; set; }

        /// <summary>The host the domain's mail is delivered on to.</summary>
        [JsonPropertyName("transport")]
        [ListItem(37)]
        public string? Transport { get; set; }

        /// <summary>none, good or invalid.</summary>
        [JsonPropertyName("dmarc_status")]
        [ListItem(42)]
        public string? DmarcStatus { get; set; }

        /// <summary>none, good, neutral, open or invalid.</summary>
        [JsonPropertyName("spf_status")]
        [ListItem(43)]
        public string? SpfStatus { get; set; }

        [JsonPropertyName("authorization")]
        [ListItem(44,
            Script = "$a = $_.Authorization; if ($a) { if ($a.Timestamp) { '{0} (checked {1})' -f $a, " +
                "$a.Timestamp.LocalDateTime.ToString('yyyy-MM-dd HH:mm:ss', [cultureinfo]::InvariantCulture) } else " +
                "{ $a.ToString() } }")]
        public EmailDomainAuthorization? Authorization { get; set; }

        [JsonPropertyName("emails_processed")]
        [ListItem(45)]
        public EmailDomainTraffic? EmailsProcessed { get; set; }

        /// <summary>
        /// Whether Email Security is authorized on the domain's mail platform (<see cref="Authorization"/>).
        /// </summary>
        [JsonIgnore]
        [TableColumn(40, Width = 10)]
        public bool? Authorized => Authorization?.Authorized;

        public override string ToString() => Domain ?? Id ?? string.Empty;
    }

    /// <summary>Whether Email Security is authorized on the domain's mail platform, as last checked.</summary>
    public sealed class EmailDomainAuthorization
    {
        [JsonPropertyName("authorized")]
        public bool? Authorized { get; set; }

        [JsonPropertyName("timestamp")]
        public DateTimeOffset? Timestamp { get; set; }

        [JsonPropertyName("status_message")]
        public string? StatusMessage { get; set; }

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        public override string ToString() => Authorized == true ? "Authorized" : StatusMessage ?? "Not authorized";
    }

    /// <summary>
    /// How much of the domain's mail Email Security processed, in the current and the previous period.
    /// </summary>
    public sealed class EmailDomainTraffic
    {
        [JsonPropertyName("timestamp")]
        public DateTimeOffset? Timestamp { get; set; }

        [JsonPropertyName("total_emails_processed")]
        public long? TotalEmailsProcessed { get; set; }

        [JsonPropertyName("total_emails_processed_previous")]
        public long? TotalEmailsProcessedPrevious { get; set; }

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        public override string ToString() => $"{TotalEmailsProcessed} (previously {TotalEmailsProcessedPrevious})";
    }
}
