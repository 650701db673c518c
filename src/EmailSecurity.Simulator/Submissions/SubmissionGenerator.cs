using System;
using System.Collections.Generic;
using System.Linq;
using EmailSecurity.Simulator.Core;
using EmailSecurity.Simulator.Investigate;
using EmailSecurity.Simulator.Investigate.Demo;

namespace EmailSecurity.Simulator.Submissions
{
    /// <summary>
    /// Demo submissions: users reporting mail that reached them (some escalated to the team),
    /// and the team correcting a few verdicts.
    /// </summary>
    internal static class SubmissionGenerator
    {
        public static List<Submission> Generate(
            DemoRandom random,
            IEnumerable<InvestigateMessage> messages,
            DateTimeOffset now)
        {
            var submissions = new List<Submission>();
            foreach (InvestigateMessage message in messages)
            {
                if (message.IsPhishSubmission || (message.FinalDisposition == "NONE" && random.Chance(0.02)))
                {
                    Submission report = UserReport(random, message, now);
                    submissions.Add(report);
                    if (report.CustomerStatus == "escalated")
                    {
                        submissions.Add(Escalation(random, message, report, now));
                    }
                    message.AddOperation("SUBMISSION");
                }
                else if ((message.FinalDisposition == "SPAM" || message.FinalDisposition == "BULK")
                    && random.Chance(0.08))
                {
                    submissions.Add(TeamCorrection(random, message, now));
                    message.AddOperation("SUBMISSION");
                }
            }
            return submissions;
        }

        public static Submission ForMessage(
            DemoRandom random,
            InvestigateMessage message,
            DateTimeOffset requestedAt,
            string type,
            string requestedBy,
            string requested) =>
            new Submission
            {
                SubmissionId = random.NextGuid().ToString(),
                RequestedAt = requestedAt,
                Type = type,
                RequestedBy = requestedBy,
                RequestedDisposition = requested,
                OriginalDisposition = message.FinalDisposition,
                OriginalEdfHash = message.EdfHash,
                OriginalPostfixId = message.PostfixId,
                Subject = message.Subject,
            };

        private static Submission UserReport(DemoRandom random, InvestigateMessage message, DateTimeOffset now)
        {
            string requested = message.FinalDisposition == "NONE" ? "SPAM" : random.Chance(0.7) ? "MALICIOUS" : "SPAM";
            Submission submission = ForMessage(random, message, Later(random, message.ScannedAt, now), "User",
                message.To[0].Address, requested);
            Complete(random, submission, now);
            submission.CustomerStatus = submission.Status == "pending"
                ? "unreviewed"
                : random.Chance(0.3)
                ? "escalated"
                : "reviewed";
            return submission;
        }

        private static Submission Escalation(
            DemoRandom random,
            InvestigateMessage message,
            Submission report,
            DateTimeOffset now)
        {
            Submission escalation = ForMessage(random, message, Later(random, report.RequestedAt, now), "Team",
                Tenant.SecurityTeam, report.RequestedDisposition!);
            escalation.EscalatedSubmissionId = report.SubmissionId;
            escalation.EscalatedAs = report.RequestedDisposition;
            escalation.EscalatedAt = escalation.RequestedAt;
            escalation.EscalatedBy = Tenant.SecurityTeam;
            escalation.CustomerStatus = "escalated";
            Complete(random, escalation, now);
            return escalation;
        }

        private static Submission TeamCorrection(DemoRandom random, InvestigateMessage message, DateTimeOffset now)
        {
            Submission submission =
                ForMessage(random, message, Later(random, message.ScannedAt, now), "Team", Tenant.SecurityTeam, "NONE");
            Complete(random, submission, now);
            submission.CustomerStatus = "reviewed";
            return submission;
        }

        /// <summary>Most submissions older than a day have an outcome; the rest are still pending.</summary>
        private static void Complete(DemoRandom random, Submission submission, DateTimeOffset now)
        {
            if (now - submission.RequestedAt < TimeSpan.FromDays(1) || random.Chance(0.15))
            {
                return;
            }
            bool accepted = random.Chance(0.75);
            submission.Status = "completed";
            submission.OutcomeDisposition = accepted ? submission.RequestedDisposition : submission.OriginalDisposition;
            submission.Outcome = accepted
                ? "Reclassified as " + submission.RequestedDisposition
                : "Original disposition " + submission.OriginalDisposition + " confirmed";
        }

        private static DateTimeOffset Later(DemoRandom random, DateTimeOffset after, DateTimeOffset now)
        {
            DateTimeOffset at = after.AddMinutes(random.Next(5, 48 * 60));
            return at < now ? at : now;
        }
    }
}
