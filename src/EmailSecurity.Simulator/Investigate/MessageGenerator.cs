using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EmailSecurity.Simulator.Core;
using EmailSecurity.Simulator.Investigate.Demo;

namespace EmailSecurity.Simulator.Investigate
{
    /// <summary>
    /// Builds the demo mail flow: scanned messages spread over the span before now (29 days unless asked), with some
    /// later actions.
    /// </summary>
    internal static class MessageGenerator
    {
        private static readonly string[] MoveFolders = { "JunkEmail", "DeletedItems", "RecoverableItemsDeletions" };

        private static readonly Scenario[] AllScenarios = CleanScenarios.All.Concat(ThreatScenarios.All).ToArray();

        public static List<InvestigateMessage> Generate(
            DemoRandom random, int count, DateTimeOffset now, int spanSeconds, string profile)
        {
            var postfixIds = new HashSet<string>();
            var messages = new List<InvestigateMessage>(count);
            for (int i = 0; i < count; i++)
            {
                string postfixId;
                do
                {
                    postfixId = random.Alphanumeric(16);
                }
                while (!postfixIds.Add(postfixId));
                messages.Add(Create(random, postfixId, now, spanSeconds, profile));
            }
            return messages;
        }

        /// <summary>
        /// A whole-second scan time in the span; under <see cref="AccountSeed.WorkdayTime"/>, drawn again until office
        /// mail's rhythm accepts it.
        /// </summary>
        private static DateTimeOffset ScanTime(DemoRandom random, DateTimeOffset now, int spanSeconds, string profile)
        {
            while (true)
            {
                var at = TruncateToSecond(now.AddSeconds(-random.Next(60, Math.Max(61, spanSeconds))));
                if (profile != AccountSeed.WorkdayTime)
                {
                    return at;
                }

                var weekend = at.DayOfWeek == DayOfWeek.Saturday || at.DayOfWeek == DayOfWeek.Sunday;
                var office = at.Hour >= 8 && at.Hour < 18;
                var weight = weekend ? 0.05 : office ? 1.0 : 0.15;
                if (random.NextDouble() < weight)
                {
                    return at;
                }
            }
        }

        private static InvestigateMessage Create(
            DemoRandom random,
            string postfixId,
            DateTimeOffset now,
            int spanSeconds,
            string profile)
        {
            Scenario scenario = PickScenario(random);
            var scannedAt = ScanTime(random, now, spanSeconds, profile);
            string id = postfixId + "-" + scannedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss",
                CultureInfo.InvariantCulture) + "-" + random.Digits(8);
            var message = new InvestigateMessage(id, postfixId, scenario);

            string number = random.Next(10000, 99999).ToString(CultureInfo.InvariantCulture);
            Mailbox sender = random.Pick(scenario.Senders);
            IReadOnlyList<Mailbox> recipients = PickRecipients(random, scenario, sender);
            string envelopeDomain = scenario.EnvelopeDomain ?? sender.Domain;

            message.ScannedAt = scannedAt;
            message.SentAt = scannedAt.AddSeconds(-random.Next(5, 300));
            message.From = sender;
            message.To = recipients;
            message.EnvelopeFrom = scenario.EnvelopeDomain != null
                ? "bounce-" + number + "@" + envelopeDomain
                : scenario.Disposition == "BULK" ? "bounces+" + random.Hex(10) + "@" + envelopeDomain : sender.Address;
            message.ReplyTo = scenario.ReplyTo;
            message.Host = SenderNetworks.For(envelopeDomain, scenario.Reputable, random);
            message.MessageIdHeader = "<" + random.Hex(12) + "." + random.Alphanumeric(10) + "@" + envelopeDomain + ">";
            message.Subject = Scenario.Fill(random.Pick(scenario.Subjects), number, recipients[0], sender);
            message.Body = Scenario.Fill(scenario.Body, number, recipients[0], sender);
            message.Attachment = BuildAttachment(scenario, number, recipients[0], sender);
            message.FinalDisposition = scenario.Disposition;
            message.DeliveryMode = random.Chance(0.9) ? "DIRECT" : "API";
            message.EdfHash = random.Hex(40);
            message.HtmlTextStructureHash = Hashes.Sha256(scenario.Key).Substring(0, 32);
            if (scenario.Disposition == "MALICIOUS" || scenario.Disposition == "SUSPICIOUS"
                || scenario.Disposition == "SPOOF")
            {
                message.AlertId = scannedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" +
                    random.Digits(6);
            }
            string? blockedBy = DemoPolicies.BlockedPatternFor(sender);
            if (blockedBy != null)
            {
                message.Policy.BlocklistedMessage = true;
                message.Policy.BlocklistedPattern = blockedBy;
            }
            // Spoofed mail fails authentication, and allow policies only honour authenticated senders.
            var allowedBy = scenario.Disposition == "NONE" ? DemoPolicies.AcceptablePatternFor(sender) : null;
            if (allowedBy != null)
            {
                message.Policy.AllowlistedPattern = allowedBy.Value.Pattern;
                message.Policy.AllowlistedPatternType = "acceptable_sender";
            }

            message.IsQuarantined = message.Policy.BlocklistedMessage || random.Chance(scenario.QuarantineRate);
            message.ScanAction = message.IsQuarantined ? "QUARANTINE" : "DELIVER";
            message.IsPhishSubmission = !message.IsQuarantined && message.IsDetection && random.Chance(0.2);
            RecordScan(message);
            AddHistory(random, message, now);
            return message;
        }

        private static Scenario PickScenario(DemoRandom random)
        {
            int roll = random.Next(ScenarioWeights.ByDisposition.Sum(w => w.Weight));
            string disposition = "NONE";
            foreach ((string candidate, int weight) in ScenarioWeights.ByDisposition)
            {
                if (roll < weight)
                {
                    disposition = candidate;
                    break;
                }
                roll -= weight;
            }
            return random.Pick(AllScenarios.Where(s => s.Disposition == disposition).ToList());
        }

        private static IReadOnlyList<Mailbox> PickRecipients(DemoRandom random, Scenario scenario, Mailbox sender)
        {
            List<Mailbox> candidates = (scenario.TargetsExecutives ? new[] { Tenant.Ceo, Tenant.Cfo } : Tenant.People)
                .Where(p => p.Address != sender.Address)
                .ToList();
            int wanted = scenario.TargetsExecutives ? 1 : random.Chance(0.8) ? 1 : random.Chance(0.75) ? 2 : 3;
            var chosen = new List<Mailbox>();
            while (chosen.Count < Math.Min(wanted, candidates.Count))
            {
                Mailbox next = random.Pick(candidates);
                if (!chosen.Contains(next))
                {
                    chosen.Add(next);
                }
            }
            return chosen;
        }

        private static MessageAttachment? BuildAttachment(
            Scenario scenario,
            string number,
            Mailbox recipient,
            Mailbox sender)
        {
            if (scenario.Attachment == null)
            {
                return null;
            }
            AttachmentSpec spec = scenario.Attachment;
            string content = Scenario.Fill(spec.Content, number, recipient, sender);
            byte[] bytes = content.Select(c => (byte)c).ToArray();
            return new MessageAttachment(spec.FileName.Replace("{n}", number), spec.ContentType, bytes,
                spec.Harmful ? scenario.Disposition : "NONE");
        }

        private static void RecordScan(InvestigateMessage message)
        {
            DateTimeOffset at = message.ScannedAt;
            message.Trace(at.AddSeconds(-2), "Connection from " + message.Host.HostName + " [" + message.Host.Ip + "]");
            message.Trace(at.AddSeconds(-1),
                "Message " + message.PostfixId + " received: from=<" + message.EnvelopeFrom + "> to=<"
                + string.Join(">, <", message.RecipientAddresses) + ">");
            message.Trace(at, "Scanned: final disposition " + message.FinalDisposition);
            if (message.IsQuarantined)
            {
                message.SetDeliveryStatus("quarantined");
                message.Trace(at.AddSeconds(1), "Quarantined: final disposition " + message.FinalDisposition);
            }
            else
            {
                message.SetDeliveryStatus("delivered");
                TraceDelivery(message, at.AddSeconds(1));
            }
        }

        /// <summary>Earlier work by the security team, so the message_action filters have something to find.</summary>
        private static void AddHistory(DemoRandom random, InvestigateMessage message, DateTimeOffset now)
        {
            bool threat = message.FinalDisposition == "MALICIOUS" || message.FinalDisposition == "SUSPICIOUS"
                || message.FinalDisposition == "SPOOF";
            if (!threat)
            {
                return;
            }
            DateTimeOffset later = Earliest(message.ScannedAt.AddMinutes(random.Next(10, 360)), now);
            if (random.Chance(0.3))
            {
                message.AddOperation("PREVIEW");
            }
            if (!message.IsQuarantined && random.Chance(0.5))
            {
                string folder = random.Pick(MoveFolders);
                message.Folder = folder;
                message.AddOperation("MOVE");
                message.SetDeliveryStatus("moved");
                message.Trace(later, "Moved to " + folder + " by " + Tenant.SecurityTeam);
            }
            else if (message.IsQuarantined && message.FinalDisposition != "MALICIOUS" && random.Chance(0.15))
            {
                message.IsQuarantined = false;
                message.AddOperation("QUARANTINE_RELEASE");
                message.SetDeliveryStatus("delivered");
                message.Trace(later, "Released from quarantine by " + Tenant.SecurityTeam);
                TraceDelivery(message, later.AddSeconds(1));
            }
        }

        public static void TraceDelivery(InvestigateMessage message, DateTimeOffset at)
        {
            foreach (string recipient in message.RecipientAddresses)
            {
                message.Trace(at, "Delivered to " + recipient + ": 250 2.6.0 Queued mail for delivery");
            }
        }

        private static DateTimeOffset TruncateToSecond(DateTimeOffset value) =>
            new DateTimeOffset(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

        private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
    }
}
