using System.Management.Automation;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>Makes the allow policies equal to the entries piped in, matched by pattern and pattern type.</summary>
    [Cmdlet(VerbsData.Sync, "EsAllowPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SettingsSyncResult))]
    public sealed class SyncEsAllowPolicyCommand : SyncSettingCmdlet<AllowPolicy, NewEsAllowPolicyCommand>
    {
        protected override string[] KeyFields => new[] { "pattern", "pattern_type" };
    }

    /// <summary>Makes the blocked senders equal to the entries piped in, matched by pattern and pattern type.</summary>
    [Cmdlet(VerbsData.Sync, "EsBlockedSender", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SettingsSyncResult))]
    public sealed class SyncEsBlockedSenderCommand : SyncSettingCmdlet<BlockedSender, NewEsBlockedSenderCommand>
    {
        protected override string[] KeyFields => new[] { "pattern", "pattern_type" };
    }

    /// <summary>Makes the trusted domains equal to the entries piped in, matched by pattern.</summary>
    [Cmdlet(VerbsData.Sync, "EsTrustedDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SettingsSyncResult))]
    public sealed class SyncEsTrustedDomainCommand : SyncSettingCmdlet<TrustedDomain, NewEsTrustedDomainCommand>
    {
        protected override string[] KeyFields => new[] { "pattern" };
    }

    /// <summary>Makes the content policies equal to the entries piped in, matched by name.</summary>
    [Cmdlet(VerbsData.Sync, "EsContentPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SettingsSyncResult))]
    public sealed class SyncEsContentPolicyCommand : SyncSettingCmdlet<ContentPolicy, NewEsContentPolicyCommand>
    {
        protected override string[] KeyFields => new[] { "name" };
    }
}
