using System.Collections.Generic;
using System.Text;

namespace EmailSecurity.Simulator.Investigate.Demo
{
    /// <summary>
    /// A kind of message the demo tenant receives: who sends it, what it says, and how the scanner judged it.
    /// Text may hold {n} (a per-message number), {first} (the recipient's first name) and {sender} (the sender's first
    /// name).
    /// </summary>
    internal sealed class Scenario
    {
        public string Key { get; set; } = "";
        public string Disposition { get; set; } = "NONE";
        public string[] Subjects { get; set; } = new string[0];
        public Mailbox[] Senders { get; set; } = new Mailbox[0];

        /// <summary>Envelope sender domain when it differs from the header From (spoofing).</summary>
        public string? EnvelopeDomain { get; set; }

        public string? ReplyTo { get; set; }

        /// <summary>Sent to the executives rather than to anyone in the tenant.</summary>
        public bool TargetsExecutives { get; set; }

        public string Body { get; set; } = "";
        public Link[] Links { get; set; } = new Link[0];
        public AttachmentSpec? Attachment { get; set; }
        public string[] Threats { get; set; } = new string[0];
        public string[] Reasons { get; set; } = new string[0];
        public FindingSpec[] Findings { get; set; } = new FindingSpec[0];
        public string Spf { get; set; } = "pass";
        public string Dkim { get; set; } = "pass";
        public string Dmarc { get; set; } = "pass";
        public double QuarantineRate { get; set; }

        /// <summary>Relays through a big reputable provider rather than cheap hosting.</summary>
        public bool Reputable { get; set; } = true;

        public static string Fill(string template, string number, Mailbox recipient, Mailbox sender) =>
            new StringBuilder(template)
                .Replace("{n}", number)
                .Replace("{first}", recipient.FirstName)
                .Replace("{sender}", sender.FirstName)
                .ToString();
    }

    internal sealed class Link
    {
        public Link(string href, string text)
        {
            Href = href;
            Text = text;
        }

        public string Href { get; }
        public string Text { get; }
    }

    internal sealed class AttachmentSpec
    {
        public AttachmentSpec(string fileName, string contentType, string content, bool harmful)
        {
            FileName = fileName;
            ContentType = contentType;
            Content = content;
            Harmful = harmful;
        }

        /// <summary>May hold {n}.</summary>
        public string FileName { get; }
        public string ContentType { get; }

        /// <summary>The file's bytes as Latin-1 text; may hold {n}.</summary>
        public string Content { get; }
        public bool Harmful { get; }
    }

    /// <summary>One scanner finding. Value may hold {n}; OnAttachment ties it to the message's attachment.</summary>
    internal sealed class FindingSpec
    {
        public FindingSpec(
            string name,
            string reason,
            string detail,
            string field,
            string portion,
            double score,
            string value,
            bool onAttachment = false)
        {
            Name = name;
            Reason = reason;
            Detail = detail;
            Field = field;
            Portion = portion;
            Score = score;
            Value = value;
            OnAttachment = onAttachment;
        }

        public string Name { get; }
        public string Reason { get; }
        public string Detail { get; }
        public string Field { get; }
        public string Portion { get; }
        public double Score { get; }
        public string Value { get; }
        public bool OnAttachment { get; }
    }

    internal static class ScenarioWeights
    {
        /// <summary>Share of each final disposition in the demo mail flow (most mail is clean).</summary>
        public static readonly IReadOnlyList<(string Disposition, int Weight)> ByDisposition = new[]
        {
            ("NONE", 60), ("BULK", 12), ("SPAM", 10), ("MALICIOUS", 8), ("SUSPICIOUS", 6), ("SPOOF", 4),
        };
    }
}
