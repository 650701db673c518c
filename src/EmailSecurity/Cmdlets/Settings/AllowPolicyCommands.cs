using System.Management.Automation;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>Lists allow policies (<c>GET /settings/allow_policies</c>) or reads them by id.</summary>
    [Cmdlet(VerbsCommon.Get, "EsAllowPolicy", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(AllowPolicy))]
    public sealed class GetEsAllowPolicyCommand : GetPatternSettingCmdlet<AllowPolicy>
    {
        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("pattern_type")]
        [ValidateSet(ApiValues.PatternType.Email, ApiValues.PatternType.Domain, ApiValues.PatternType.Ip,
            ApiValues.PatternType.Unknown)]
        public string? PatternType { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("is_acceptable_sender")]
        public bool IsAcceptableSender { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("is_exempt_recipient")]
        public bool IsExemptRecipient { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("is_trusted_sender")]
        public bool IsTrustedSender { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("verify_sender")]
        public bool VerifySender { get; set; }
    }

    /// <summary>Creates an allow policy (<c>POST /settings/allow_policies</c>).</summary>
    [Cmdlet(VerbsCommon.New, "EsAllowPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(AllowPolicy))]
    public sealed class NewEsAllowPolicyCommand : NewPatternSettingCmdlet<AllowPolicy>
    {
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ApiField("pattern_type")]
        [ValidateSet(ApiValues.PatternType.Email, ApiValues.PatternType.Domain, ApiValues.PatternType.Ip)]
        public string PatternType { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ApiField("is_trusted_sender")]
        [FlagText]
        public SwitchParameter IsTrustedSender { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ApiField("is_acceptable_sender")]
        [FlagText]
        public SwitchParameter IsAcceptableSender { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ApiField("is_exempt_recipient")]
        [FlagText]
        public SwitchParameter IsExemptRecipient { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ApiField("verify_sender")]
        [FlagText]
        public SwitchParameter VerifySender { get; set; }

        protected override string PatternKind => PatternType;
    }

    /// <summary>
    /// Edits an allow policy (<c>PATCH /settings/allow_policies/{id}</c>), sending only the given fields.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "EsAllowPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(AllowPolicy))]
    public sealed class SetEsAllowPolicyCommand : SetPatternSettingCmdlet<AllowPolicy>
    {
        [Parameter]
        [ApiField("pattern_type")]
        [ValidateSet(ApiValues.PatternType.Email, ApiValues.PatternType.Domain, ApiValues.PatternType.Ip)]
        public string? PatternType { get; set; }

        [Parameter]
        [ApiField("is_trusted_sender")]
        public bool IsTrustedSender { get; set; }

        [Parameter]
        [ApiField("is_acceptable_sender")]
        public bool IsAcceptableSender { get; set; }

        [Parameter]
        [ApiField("is_exempt_recipient")]
        public bool IsExemptRecipient { get; set; }

        [Parameter]
        [ApiField("verify_sender")]
        public bool VerifySender { get; set; }

        protected override string? PatternKind => PatternType;
    }

    /// <summary>Deletes allow policies (<c>DELETE /settings/allow_policies/{id}</c>).</summary>
    [Cmdlet(VerbsCommon.Remove, "EsAllowPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveEsAllowPolicyCommand : BatchedRemoveSettingCmdlet<AllowPolicy>
    {
    }
}
