using System.Collections.Generic;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Investigate.Demo
{
    /// <summary>
    /// Autonomous systems the demo senders relay through; addresses are from the RFC 5737 documentation ranges.
    /// </summary>
    internal static class SenderNetworks
    {
        private static readonly (string Name, int Number, string Geo, string Prefix)[] Reputable =
        {
            ("MICROSOFT-CORP-MSN-AS-BLOCK", 8075, "US", "192.0.2."),
            ("AMAZON-02", 16509, "US", "198.51.100."),
            ("GOOGLE", 15169, "US", "203.0.113."),
        };

        private static readonly (string Name, int Number, string Geo, string Prefix)[] Hosting =
        {
            ("OVH", 16276, "FR", "198.51.100."),
            ("DIGITALOCEAN-ASN", 14061, "NL", "203.0.113."),
            ("HETZNER-ONLINE-GmbH", 24940, "DE", "192.0.2."),
            ("AS-CHOOPA", 20473, "SG", "198.51.100."),
        };

        public static SenderHost For(string domain, bool reputable, DemoRandom random)
        {
            IReadOnlyList<(string Name, int Number, string Geo, string Prefix)> pool = reputable ? Reputable : Hosting;
            var network = random.Pick(pool);
            string host = (reputable
                ? "mail-" + random.Alphanumeric(6).ToLowerInvariant()
                : "smtp" + random.Next(1, 40)) + "." + domain;
            return new SenderHost(host, network.Prefix + random.Next(2, 254), network.Name, network.Number,
                network.Geo);
        }
    }
}
