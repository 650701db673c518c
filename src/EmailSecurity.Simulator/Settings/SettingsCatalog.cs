using EmailSecurity.Simulator.Settings.Resources;

namespace EmailSecurity.Simulator.Settings
{
    internal static class SettingsCatalog
    {
        public static readonly SettingsResource[] All =
        {
            AllowPolicies.Resource, BlockSenders.Resource, Domains.Resource, ImpersonationRegistry.Resource, TrustedDomains.Resource,
            ContentPolicies.Resource, SendingDomainRestrictions.Resource, UrlIgnorePatterns.Resource,
        };
    }
}
