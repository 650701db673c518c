using System;
using System.Linq;

namespace EmailSecurity.Simulator.Investigate.Demo
{
    /// <summary>
    /// The demo tenant's sender policies, shared by the settings demo data and the message generator so that a
    /// message's blocklisted/allowlisted properties name a pattern that really is in the settings.
    /// </summary>
    internal static class DemoPolicies
    {
        public static readonly string[] BlockedDomains =
            { "evil.test", "invoice-portal.test", "micr0soft-support.example", "paypa1-secure.example" };

        /// <summary>Senders exempted from Spam, Spoof and Bulk (allow policies with is_acceptable_sender).</summary>
        public static readonly (string Pattern, string PatternType)[] AcceptableSenders =
        {
            ("fabrikam.example", "DOMAIN"), ("woodgrovebank.example", "DOMAIN"), ("northwind.example", "DOMAIN"),
            ("itinerary@margiestravel.example", "EMAIL"), ("orders@tailspintoys.example", "EMAIL"),
        };

        public static string? BlockedPatternFor(Mailbox sender) =>
            BlockedDomains.FirstOrDefault(d => string.Equals(d, sender.Domain, StringComparison.OrdinalIgnoreCase));

        public static (string Pattern, string PatternType)? AcceptablePatternFor(Mailbox sender)
        {
            foreach ((string pattern, string type) in AcceptableSenders)
            {
                if (string.Equals(type == "EMAIL" ? sender.Address : sender.Domain, pattern,
                    StringComparison.OrdinalIgnoreCase))
                {
                    return (pattern, type);
                }
            }
            return null;
        }
    }
}
