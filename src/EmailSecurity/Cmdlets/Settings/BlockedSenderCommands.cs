using System.Management.Automation;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>Lists blocked sender patterns (<c>GET /settings/block_senders</c>) or reads them by id.</summary>
    [Cmdlet(VerbsCommon.Get, "EsBlockedSender", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(BlockedSender))]
    public sealed class GetEsBlockedSenderCommand : GetPatternSettingCmdlet<BlockedSender>
    {
        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("pattern_type")]
        [ValidateSet(ApiValues.PatternType.Email, ApiValues.PatternType.Domain, ApiValues.PatternType.Ip,
            ApiValues.PatternType.Unknown)]
        public string? PatternType { get; set; }
    }

    /// <summary>Blocks a sender pattern (<c>POST /settings/block_senders</c>).</summary>
    [Cmdlet(VerbsCommon.New, "EsBlockedSender", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(BlockedSender))]
    public sealed class NewEsBlockedSenderCommand : NewPatternSettingCmdlet<BlockedSender>
    {
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ApiField("pattern_type")]
        [ValidateSet(ApiValues.PatternType.Email, ApiValues.PatternType.Domain, ApiValues.PatternType.Ip)]
        public string PatternType { get; set; } = string.Empty;

        protected override string PatternKind => PatternType;
    }

    /// <summary>
    /// Edits a blocked sender pattern (<c>PATCH /settings/block_senders/{id}</c>), sending only the given fields.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "EsBlockedSender", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(BlockedSender))]
    public sealed class SetEsBlockedSenderCommand : SetPatternSettingCmdlet<BlockedSender>
    {
        [Parameter]
        [ApiField("pattern_type")]
        [ValidateSet(ApiValues.PatternType.Email, ApiValues.PatternType.Domain, ApiValues.PatternType.Ip)]
        public string? PatternType { get; set; }

        protected override string? PatternKind => PatternType;
    }

    /// <summary>Deletes blocked sender patterns (<c>DELETE /settings/block_senders/{id}</c>).</summary>
    [Cmdlet(VerbsCommon.Remove, "EsBlockedSender", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveEsBlockedSenderCommand : BatchedRemoveSettingCmdlet<BlockedSender>
    {
    }
}
