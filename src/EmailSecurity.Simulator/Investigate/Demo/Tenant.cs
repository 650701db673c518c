using System.Collections.Generic;
using System.Linq;

namespace EmailSecurity.Simulator.Investigate.Demo
{
    /// <summary>The protected Microsoft 365 tenant the demo mail is addressed to.</summary>
    internal static class Tenant
    {
        public const string Domain = "contoso.example";
        public const string MxHost = "mx1.email-security.contoso.example";
        public const string SecurityTeam = "secops@contoso.example";

        private static readonly string[] Names =
        {
            "Alex Morgan", "Priya Patel", "Jordan Lee", "Maria Garcia", "Wei Chen",
            "Fatima Khan", "Liam Walsh", "Sofia Rossi", "Daniel Kim", "Grace Okafor",
            "Noah Fischer", "Emma Larsen", "Lucas Silva", "Hannah Schmidt", "Omar Haddad",
            "Chloe Martin", "Ethan Brooks", "Aisha Bello", "Mateo Torres", "Olivia Nguyen",
        };

        /// <summary>Alex Morgan is the CEO, Priya Patel the CFO: spoofs and BEC go for them.</summary>
        public static readonly IReadOnlyList<Mailbox> People =
            Names.Select(n => new Mailbox(n, n.ToLowerInvariant().Replace(' ', '.') + "@" + Domain)).ToList();

        public static Mailbox Ceo => People[0];
        public static Mailbox Cfo => People[1];
    }
}
