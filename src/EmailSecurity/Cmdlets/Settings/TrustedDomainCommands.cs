using System.Management.Automation;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Settings
{
    internal static class TrustedDomains
    {
        public static readonly SettingsEndpoint Endpoint = new SettingsEndpoint("/settings/trusted_domains", "trusted domain", "trusted domain id", "pattern", "comments");
    }

    /// <summary>Lists trusted domain patterns (<c>GET /settings/trusted_domains</c>) or reads them by id.</summary>
    [Cmdlet(VerbsCommon.Get, "EsTrustedDomain", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(TrustedDomain))]
    public sealed class GetEsTrustedDomainCommand : GetSettingCmdlet<TrustedDomain>
    {
        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("pattern")]
        [ValidateNotNullOrEmpty]
        public string? Pattern { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("is_recent")]
        public bool IsRecent { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("is_similarity")]
        public bool IsSimilarity { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("order")]
        [ValidateSet("pattern", "created_at")]
        public string? Order { get; set; }

        internal override SettingsEndpoint Endpoint => TrustedDomains.Endpoint;
    }

    /// <summary>Trusts a domain pattern (<c>POST /settings/trusted_domains</c>).</summary>
    [Cmdlet(VerbsCommon.New, "EsTrustedDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TrustedDomain))]
    public sealed class NewEsTrustedDomainCommand : NewSettingCmdlet<TrustedDomain>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ApiField("pattern")]
        [ValidateNotNullOrEmpty]
        public string Pattern { get; set; } = string.Empty;

        [Parameter]
        [ApiField("is_recent")]
        public SwitchParameter IsRecent { get; set; }

        [Parameter]
        [ApiField("is_similarity")]
        public SwitchParameter IsSimilarity { get; set; }

        [Parameter]
        [ApiField("is_regex")]
        public SwitchParameter IsRegex { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ApiField("comments")]
        public string? Comments { get; set; }

        internal override SettingsEndpoint Endpoint => TrustedDomains.Endpoint;

        protected override string Target => Pattern;
    }

    /// <summary>Edits a trusted domain pattern (<c>PATCH /settings/trusted_domains/{id}</c>), sending only the given fields.</summary>
    [Cmdlet(VerbsCommon.Set, "EsTrustedDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TrustedDomain))]
    public sealed class SetEsTrustedDomainCommand : SetSettingCmdlet<TrustedDomain>
    {
        [Parameter]
        [ApiField("pattern")]
        [ValidateNotNullOrEmpty]
        public string? Pattern { get; set; }

        [Parameter]
        [ApiField("is_recent")]
        public bool IsRecent { get; set; }

        [Parameter]
        [ApiField("is_similarity")]
        public bool IsSimilarity { get; set; }

        [Parameter]
        [ApiField("is_regex")]
        public bool IsRegex { get; set; }

        [Parameter]
        [ApiField("comments")]
        public string? Comments { get; set; }

        internal override SettingsEndpoint Endpoint => TrustedDomains.Endpoint;
    }

    /// <summary>Deletes trusted domain patterns (<c>DELETE /settings/trusted_domains/{id}</c>).</summary>
    [Cmdlet(VerbsCommon.Remove, "EsTrustedDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class RemoveEsTrustedDomainCommand : RemoveSettingCmdlet
    {
        internal override SettingsEndpoint Endpoint => TrustedDomains.Endpoint;
    }
}
