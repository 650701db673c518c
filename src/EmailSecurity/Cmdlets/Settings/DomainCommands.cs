using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.Json.Serialization;
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
        [ValidateSet(ApiValues.DomainStatus.Pending, ApiValues.DomainStatus.Active, ApiValues.DomainStatus.Failed,
            ApiValues.DomainStatus.Timeout)]
        public string? Status { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("active_delivery_mode")]
        [ValidateSet(ApiValues.DeliveryMode.Direct, ApiValues.DeliveryMode.Bcc, ApiValues.DeliveryMode.Journal,
            ApiValues.DeliveryMode.Api, ApiValues.DeliveryMode.RetroScan)]
        public string? ActiveDeliveryMode { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("allowed_delivery_mode")]
        [ValidateSet(ApiValues.DeliveryMode.Direct, ApiValues.DeliveryMode.Bcc, ApiValues.DeliveryMode.Journal,
            ApiValues.DeliveryMode.Api, ApiValues.DeliveryMode.RetroScan)]
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

    /// <summary>
    /// Protects a new domain (<c>POST /settings/domains</c>, 2026-10). The API requires the four lists, so they are
    /// mandatory here too (an empty list is a choice: nothing dropped, no IP restriction); they bind by property name,
    /// so domains piped from Get-EsDomain are copied, to another account with -AccountId or -Connection.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "EsDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(EmailDomain))]
    public sealed class NewEsDomainCommand : NewSettingCmdlet<EmailDomain>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ApiField("domain")]
        [ValidateNotNullOrEmpty]
        public string Domain { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ApiField("allowed_delivery_modes")]
        [ValidateSet(ApiValues.DeliveryMode.Direct, ApiValues.DeliveryMode.Bcc, ApiValues.DeliveryMode.Journal,
            ApiValues.DeliveryMode.Api, ApiValues.DeliveryMode.RetroScan)]
        public string[] AllowedDeliveryModes { get; set; } = new string[0];

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ApiField("drop_dispositions")]
        [AllowEmptyCollection]
        [ValidateSet(
            ApiValues.DropDisposition.Malicious, ApiValues.DropDisposition.MaliciousBec,
            ApiValues.DropDisposition.Suspicious,
            ApiValues.DropDisposition.Spoof, ApiValues.DropDisposition.Spam, ApiValues.DropDisposition.Bulk,
            ApiValues.DropDisposition.Encrypted,
            ApiValues.DropDisposition.External, ApiValues.DropDisposition.Unknown, ApiValues.DropDisposition.None)]
        public string[] DropDispositions { get; set; } = new string[0];

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ApiField("ip_restrictions")]
        [AllowEmptyCollection]
        public string[] IpRestrictions { get; set; } = new string[0];

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ApiField("regions")]
        [ValidateSet(ApiValues.Region.Global, ApiValues.Region.Au, ApiValues.Region.De, ApiValues.Region.In,
            ApiValues.Region.Us)]
        public string[] Regions { get; set; } = new string[0];

        [Parameter]
        [ApiField("folder")]
        [ValidateSet(ApiValues.DomainFolder.AllItems, ApiValues.DomainFolder.Inbox)]
        public string? Folder { get; set; }

        [Parameter]
        [ApiField("integration_id")]
        [ValidateNotNullOrEmpty]
        public string? IntegrationId { get; set; }

        [Parameter]
        [ApiField("lookback_hops")]
        [ValidateRange(1, 20)]
        public int LookbackHops { get; set; }

        [Parameter]
        [ApiField("require_tls_inbound")]
        public bool RequireTlsInbound { get; set; }

        [Parameter]
        [ApiField("require_tls_outbound")]
        public bool RequireTlsOutbound { get; set; }

        /// <summary>
        /// Null (a copied domain without one) sends null: the API then delivers by the domain's MX records.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ApiField("transport")]
        [AllowNull]
        public string? Transport { get; set; }

        protected override string Target => Domain;

        protected override string? InputProblem => DomainValues.IpRestrictionProblem(IpRestrictions);
    }

    /// <summary>
    /// Edits a protected domain: PATCH /settings/domains/{id} with only the given fields, or with -Replace PUT with the
    /// whole writable configuration (2026-10), each field not given taken from the domain as read just before.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "EsDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(EmailDomain))]
    public sealed class SetEsDomainCommand : SetSettingCmdlet<EmailDomain>
    {
        /// <summary>
        /// Sends the whole configuration with PUT; the fields not given keep the domain's current values.
        /// </summary>
        [Parameter]
        public SwitchParameter Replace { get; set; }

        [Parameter]
        [ApiField("domain")]
        [ValidateNotNullOrEmpty]
        public string? Domain { get; set; }

        [Parameter]
        [ApiField("allowed_delivery_modes")]
        [ValidateSet(ApiValues.DeliveryMode.Direct, ApiValues.DeliveryMode.Bcc, ApiValues.DeliveryMode.Journal,
            ApiValues.DeliveryMode.Api, ApiValues.DeliveryMode.RetroScan)]
        public string[]? AllowedDeliveryModes { get; set; }

        /// <summary>An empty array drops nothing.</summary>
        [Parameter]
        [ApiField("drop_dispositions")]
        [ValidateSet(
            ApiValues.DropDisposition.Malicious, ApiValues.DropDisposition.MaliciousBec,
            ApiValues.DropDisposition.Suspicious,
            ApiValues.DropDisposition.Spoof, ApiValues.DropDisposition.Spam, ApiValues.DropDisposition.Bulk,
            ApiValues.DropDisposition.Encrypted,
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
        [ValidateSet(ApiValues.Region.Global, ApiValues.Region.Au, ApiValues.Region.De, ApiValues.Region.In,
            ApiValues.Region.Us)]
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

        protected override string? InputProblem => DomainValues.IpRestrictionProblem(IpRestrictions);

        protected override void ProcessRecord()
        {
            if (!Replace)
            {
                base.ProcessRecord();
                return;
            }

            var connection = ConnectionForEntry(EntryOf(Id));
            if (connection == null)
            {
                return;
            }

            var problem = InputProblem ?? (IsBound(nameof(Domain))
                ? "-Domain cannot go with -Replace: the API fixes a domain's name when it is protected, and a " +
                    "replacement leaves it out."
                : null);
            if (problem != null)
            {
                WriteError(SettingValues.Error(problem, Id));
                return;
            }

            var given = BoundApiValues.Body(this);
            var action = $"Replace {Collection.Noun} configuration: set {string.Join(", ", given.Keys)}, keep the " +
                "other fields as they are";
            if (!ShouldProcess(TargetOf(Id), action))
            {
                return;
            }

            EmailDomain? current = null;
            RunApi(
                async (client, bridge, token) =>
                    current = (await client.SendAsync<EmailDomain>(Collection.Get.Request(Id), token)
                        .ConfigureAwait(false)).Result,
                Id,
                connection: connection);
            if (current == null)
            {
                return;
            }

            var body = WholeConfiguration(current, given);
            RunChange(action, Id, connection, async (client, bridge, token) =>
            {
                var answer = await client.SendAsync<EmailDomain>(Collection.Replace!.Request(Id).WithFields(body),
                    token).ConfigureAwait(false);
                if (PassThru)
                {
                    bridge.Post(() => WriteObject(answer.Result));
                }
            });
        }

        /// <summary>
        /// Every field this cmdlet can set but the name (which PUT leaves out), in the order declared: the value given,
        /// else the domain's current one, so a replacement never blanks a field the caller did not name.
        /// </summary>
        private static Dictionary<string, object?> WholeConfiguration(
            EmailDomain current,
            IReadOnlyDictionary<string, object?> given)
        {
            var currentByName = typeof(EmailDomain).GetProperties()
                .Where(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() != null)
                .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name, p => p.GetValue(current));
            return typeof(SetEsDomainCommand).GetProperties()
                .Select(p => p.GetCustomAttribute<ApiFieldAttribute>()?.Name)
                .Where(name => name != null && name != "domain")
                .ToDictionary(name => name!,
                    name => given.TryGetValue(name!, out var value) ? value : currentByName[name!]);
        }
    }

    /// <summary>What New- and Set-EsDomain check the same way.</summary>
    internal static class DomainValues
    {
        public static string? IpRestrictionProblem(string[]? restrictions) =>
            restrictions?.FirstOrDefault(r => !SettingValues.IsAddressOrRange(r)) is string bad
                ? $"'{bad}' in -IpRestrictions is not an IP address or CIDR range (192.0.2.0/24, 2001:db8::/32)."
                : null;
    }

    /// <summary>
    /// Unprotects domains (<c>DELETE /settings/domains/{id}</c>). Email Security stops processing their mail and the
    /// API cannot undo it, hence ConfirmImpact High: it asks unless -Confirm:$false is given.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "EsDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveEsDomainCommand : RemoveSettingCmdlet<EmailDomain>
    {
        protected override string RemoveAction =>
            "Unprotect domain: Email Security stops processing its mail. This cannot be undone";
    }
}
