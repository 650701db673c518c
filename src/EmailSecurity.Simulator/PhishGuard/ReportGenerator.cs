using System;
using System.Collections.Generic;
using System.Linq;
using EmailSecurity.Simulator.Core;
using EmailSecurity.Simulator.Investigate;

namespace EmailSecurity.Simulator.PhishGuard
{
    /// <summary>Reports written a few hours after some of the threats in the demo mail flow.</summary>
    internal static class ReportGenerator
    {
        private static readonly string[] Reported = { "MALICIOUS", "SUSPICIOUS", "SPOOF" };

        public static List<PhishGuardReport> Generate(
            DemoRandom random,
            IEnumerable<InvestigateMessage> messages,
            DateTimeOffset now)
        {
            var reports = new List<PhishGuardReport>();
            foreach (InvestigateMessage message in messages.Where(m => Reported.Contains(m.FinalDisposition))
                .OrderBy(m => m.ScannedAt))
            {
                if (!random.Chance(0.4))
                {
                    continue;
                }
                DateTimeOffset created = Earliest(message.ScannedAt.AddMinutes(random.Next(30, 8 * 60)), now);
                string threat = message.Scenario.Threats.FirstOrDefault() ?? message.FinalDisposition;
                reports.Add(new PhishGuardReport
                {
                    Id = 1000 + reports.Count,
                    Title = threat + ": \"" + message.Subject + "\"",
                    Content = "PhishGuard reviewed a " + message.FinalDisposition.ToLowerInvariant() + " message from "
                        + message.From.Address
                        + " to " + string.Join(", ", message.RecipientAddresses) + ". "
                        + string.Join(". ", message.Scenario.Reasons) + ". "
                        + (message.IsQuarantined
                            ? "The message was quarantined before delivery."
                            : "The message was delivered; consider moving it out of the mailbox."),
                    Disposition = message.FinalDisposition,
                    Priority = message.FinalDisposition == "SUSPICIOUS" ? "medium" : "high",
                    OccurredAt = message.ScannedAt,
                    CreatedAt = created,
                    UpdatedAt = Earliest(created.AddMinutes(random.Next(0, 120)), now),
                    From = message.From.Address,
                    To = message.RecipientAddresses.ToList(),
                    PostfixId = message.PostfixId,
                    Tags = message.Scenario.Threats.Select(t => ("threat_category", t))
                        .Concat(new[] { ("sender_domain", message.From.Domain) })
                        .ToList(),
                });
            }
            return reports;
        }

        private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
    }
}
