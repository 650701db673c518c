using System.Linq;
using System.Management.Automation;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>Lists protected domains (<c>GET /settings/domains</c>) or reads them by id.</summary>
    [Cmdlet(VerbsCommon.Get, "EsDomain", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(EmailDomain))]
    public sealed class GetEsDomainCommand : GetSearchableSettingCmdlet<EmailDomain>
    {
        /// <summary>Domain names, each sent as its own <c>domain</c> query parameter.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("domain")]
        [ValidateNotNullOrEmpty]
        public string[]? Domain { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("status")]
        [ValidateSet(ApiValues.DomainStatus.Pending, ApiValues.DomainStatus.Active, ApiValues.DomainStatus.Failed, ApiValues.DomainStatus.Timeout)]
        public string? Status { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("active_delivery_mode")]
        [ValidateSet(ApiValues.DeliveryMode.Direct, ApiValues.DeliveryMode.Bcc, ApiValues.DeliveryMode.Journal, ApiValues.DeliveryMode.Api, ApiValues.DeliveryMode.RetroScan)]
        public string? ActiveDeliveryMode { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("allowed_delivery_mode")]
        [ValidateSet(ApiValues.DeliveryMode.Direct, ApiValues.DeliveryMode.Bcc, ApiValues.DeliveryMode.Journal, ApiValues.DeliveryMode.Api, ApiValues.DeliveryMode.RetroScan)]
        public string? AllowedDeliveryMode { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("integration_id")]
        [ValidateNotNullOrEmpty]
        public string? IntegrationId { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("order")]
        [ValidateSet("domain", "created_at")]
        public string? Order { get; set; }
    }

    /// <summary>Edits a protected domain (<c>PATCH /settings/domains/{id}</c>), sending only the given fields.</summary>
    [Cmdlet(VerbsCommon.Set, "EsDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(EmailDomain))]
    public sealed class SetEsDomainCommand : SetSettingCmdlet<EmailDomain>
    {
        [Parameter]
        [ApiField("domain")]
        [ValidateNotNullOrEmpty]
        public string? Domain { get; set; }

        [Parameter]
        [ApiField("allowed_delivery_modes")]
        [ValidateSet(ApiValues.DeliveryMode.Direct, ApiValues.DeliveryMode.Bcc, ApiValues.DeliveryMode.Journal, ApiValues.DeliveryMode.Api, ApiValues.DeliveryMode.RetroScan)]
        public string[]? AllowedDeliveryModes { get; set; }

        /// <summary>An empty array drops nothing.</summary>
        [Parameter]
        [ApiField("drop_dispositions")]
        [ValidateSet(
            ApiValues.DropDisposition.Malicious, ApiValues.DropDisposition.MaliciousBec, ApiValues.DropDisposition.Suspicious,
            ApiValues.DropDisposition.Spoof, ApiValues.DropDisposition.Spam, ApiValues.DropDisposition.Bulk, ApiValues.DropDisposition.Encrypted,
            ApiValues.DropDisposition.External, ApiValues.DropDisposition.Unknown, ApiValues.DropDisposition.None)]
        public string[]? DropDispositions { get; set; }

        [Parameter]
        [ApiField("folder")]
        [ValidateSet(ApiValues.DomainFolder.AllItems, ApiValues.DomainFolder.Inbox)]
        public string? Folder { get; set; }

        [Parameter]
        [ApiField("integration_id")]
        [ValidateNotNullOrEmpty]
        public string? IntegrationId { get; set; }

        /// <summary>An empty array lifts the restriction.</summary>
        [Parameter]
        [ApiField("ip_restrictions")]
        public string[]? IpRestrictions { get; set; }

        // The API states no bounds. Hops are Received headers, and RFC 5321 (6.3) has mail servers reject a message
        // that carries more than about 100 of them, so a larger count can only be a typo (a date, a port number).
        [Parameter]
        [ApiField("lookback_hops")]
        [ValidateRange(0, 100)]
        public int LookbackHops { get; set; }

        [Parameter]
        [ApiField("regions")]
        [ValidateSet(ApiValues.Region.Global, ApiValues.Region.Au, ApiValues.Region.De, ApiValues.Region.In, ApiValues.Region.Us)]
        public string[]? Regions { get; set; }

        [Parameter]
        [ApiField("require_tls_inbound")]
        public bool RequireTlsInbound { get; set; }

        [Parameter]
        [ApiField("require_tls_outbound")]
        public bool RequireTlsOutbound { get; set; }

        [Parameter]
        [ApiField("transport")]
        [ValidateNotNullOrEmpty]
        public string? Transport { get; set; }

        protected override string? InputProblem =>
            IpRestrictions?.FirstOrDefault(r => !SettingValues.IsAddressOrRange(r)) is string bad
                ? $"'{bad}' in -IpRestrictions is not an IP address or CIDR range (192.0.2.0/24, 2001:db8::/32)."
                : null;
    }

    /// <summary>
    /// Unprotects domains (<c>DELETE /settings/domains/{id}</c>). Email Security stops processing their mail and the API
    /// cannot undo it, hence ConfirmImpact High: it asks unless -Confirm:$false is given.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "EsDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveEsDomainCommand : RemoveSettingCmdlet<EmailDomain>
    {
        protected override string RemoveAction =>
            "Unprotect domain: Email Security stops processing its mail. This cannot be undone";
    }
}
