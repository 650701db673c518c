using System.Collections.Generic;
using System.Linq;

namespace EmailSecurity.Simulator.Investigate.Demo
{
    internal sealed class ThreatCategory
    {
        public ThreatCategory(int id, string name, string description)
        {
            Id = id;
            Name = name;
            Description = description;
        }

        public int Id { get; }
        public string Name { get; }
        public string Description { get; }
    }

    internal static class ThreatCategories
    {
        private static readonly ThreatCategory[] All =
        {
            new ThreatCategory(1, "CredentialHarvester",
                "Tries to collect sign-in credentials through a fake login page"),
            new ThreatCategory(2, "Malware", "Carries or links to malicious software"),
            new ThreatCategory(3, "BEC",
                "Business email compromise: impersonates a trusted person to request money or data"),
            new ThreatCategory(4, "Spoof", "The sender identity is forged"),
            new ThreatCategory(5, "BrandImpersonation", "Imitates a well-known brand's name, look or domain"),
            new ThreatCategory(6, "SuspiciousLink", "Links to a newly registered or low-reputation site"),
            new ThreatCategory(7, "Scam", "Advance-fee, prize or job scam"),
            new ThreatCategory(8, "Spam", "Unsolicited commercial email"),
            new ThreatCategory(9, "Bulk", "Marketing or newsletter mail sent in bulk"),
        };

        public static ThreatCategory Get(string name) => All.First(c => c.Name == name);

        public static IEnumerable<ThreatCategory> For(IEnumerable<string> names) => names.Select(Get);
    }
}
