using System.Management.Automation;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>Lists trusted domain patterns (<c>GET /settings/trusted_domains</c>) or reads them by id.</summary>
    [Cmdlet(VerbsCommon.Get, "EsTrustedDomain", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(TrustedDomain))]
    public sealed class GetEsTrustedDomainCommand : GetPatternSettingCmdlet<TrustedDomain>
    {
        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("is_recent")]
        public bool IsRecent { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("is_similarity")]
        public bool IsSimilarity { get; set; }
    }

    /// <summary>Trusts a domain pattern (<c>POST /settings/trusted_domains</c>).</summary>
    [Cmdlet(VerbsCommon.New, "EsTrustedDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TrustedDomain))]
    public sealed class NewEsTrustedDomainCommand : NewPatternSettingCmdlet<TrustedDomain>
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ApiField("is_recent")]
        [FlagText]
        public SwitchParameter IsRecent { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ApiField("is_similarity")]
        [FlagText]
        public SwitchParameter IsSimilarity { get; set; }
    }

    /// <summary>
    /// Edits a trusted domain pattern (<c>PATCH /settings/trusted_domains/{id}</c>), sending only the given fields.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "EsTrustedDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TrustedDomain))]
    public sealed class SetEsTrustedDomainCommand : SetPatternSettingCmdlet<TrustedDomain>
    {
        [Parameter]
        [ApiField("is_recent")]
        public bool IsRecent { get; set; }

        [Parameter]
        [ApiField("is_similarity")]
        public bool IsSimilarity { get; set; }
    }

    /// <summary>Deletes trusted domain patterns (<c>DELETE /settings/trusted_domains/{id}</c>).</summary>
    [Cmdlet(VerbsCommon.Remove, "EsTrustedDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveEsTrustedDomainCommand : BatchedRemoveSettingCmdlet<TrustedDomain>
    {
    }
}
