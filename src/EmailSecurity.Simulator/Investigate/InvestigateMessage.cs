using System;
using System.Collections.Generic;
using System.Linq;
using EmailSecurity.Simulator.Investigate.Demo;

namespace EmailSecurity.Simulator.Investigate
{
    internal sealed class Mailbox
    {
        public Mailbox(string name, string address)
        {
            Name = name;
            Address = address;
        }

        public string Name { get; }
        public string Address { get; }
        public string Domain => Address.Substring(Address.IndexOf('@') + 1);
        public string FirstName => Name.Split(' ')[0];
    }

    internal sealed class TraceLine
    {
        public TraceLine(int lineNo, DateTimeOffset loggedAt, string message)
        {
            LineNo = lineNo;
            LoggedAt = loggedAt;
            Message = message;
        }

        public int LineNo { get; }
        public DateTimeOffset LoggedAt { get; }
        public string Message { get; }
    }

    /// <summary>The relay that handed the message to us, as seen by the MX.</summary>
    internal sealed class SenderHost
    {
        public SenderHost(string hostName, string ip, string asName, int asNumber, string geo)
        {
            HostName = hostName;
            Ip = ip;
            AsName = asName;
            AsNumber = asNumber;
            Geo = geo;
        }

        public string HostName { get; }
        public string Ip { get; }
        public string AsName { get; }
        public int AsNumber { get; }
        public string Geo { get; }
    }

    /// <summary>Which allow or block policy matched the message, if any.</summary>
    internal sealed class PolicyMatch
    {
        public string? AllowlistedPattern { get; set; }
        public string? AllowlistedPatternType { get; set; }
        public bool BlocklistedMessage { get; set; }
        public string? BlocklistedPattern { get; set; }
    }

    internal sealed class MessageAttachment
    {
        public MessageAttachment(string fileName, string contentType, byte[] content, string detection)
        {
            FileName = fileName;
            ContentType = contentType;
            Content = content;
            Detection = detection;
        }

        public string FileName { get; }
        public string ContentType { get; }
        public byte[] Content { get; }
        public string Detection { get; }
    }

    /// <summary>One scanned message: what was seen at scan time plus the state later actions change.</summary>
    internal sealed class InvestigateMessage
    {
        public InvestigateMessage(string id, string postfixId, Scenario scenario)
        {
            Id = id;
            PostfixId = postfixId;
            Scenario = scenario;
        }

        public string Id { get; }
        public string PostfixId { get; }
        public Scenario Scenario { get; }

        public string MessageIdHeader { get; set; } = "";
        public DateTimeOffset ScannedAt { get; set; }
        public DateTimeOffset SentAt { get; set; }
        public Mailbox From { get; set; } = new Mailbox("", "");
        public string EnvelopeFrom { get; set; } = "";
        public string? ReplyTo { get; set; }
        public SenderHost Host { get; set; } = new SenderHost("", "", "", 0, "");
        public IReadOnlyList<Mailbox> To { get; set; } = new Mailbox[0];
        public string Subject { get; set; } = "";
        public string Body { get; set; } = "";
        public MessageAttachment? Attachment { get; set; }
        public string FinalDisposition { get; set; } = "NONE";
        public string DeliveryMode { get; set; } = "DIRECT";
        public string? AlertId { get; set; }
        public string EdfHash { get; set; } = "";
        public string HtmlTextStructureHash { get; set; } = "";
        public PolicyMatch Policy { get; } = new PolicyMatch();

        /// <summary>What the scan decided to do; later moves or releases do not change it.</summary>
        public string ScanAction { get; set; } = "DELIVER";

        public bool IsQuarantined { get; set; }
        public bool IsPhishSubmission { get; set; }
        public List<string> DeliveryStatus { get; } = new List<string>();
        public List<string> PostDeliveryOperations { get; } = new List<string>();
        public string? Folder { get; set; }
        public List<TraceLine> InboundTrace { get; } = new List<TraceLine>();

        public IEnumerable<string> RecipientAddresses => To.Select(m => m.Address);

        /// <summary>The hop before the relay that said HELO: the sender's own outbound server.</summary>
        public string PreviousHopIp => DocumentationAddress(PostfixId + "/hop");

        /// <summary>
        /// The client that submitted the message, as big mail providers record it; null for other relays.
        /// </summary>
        public string? OriginatingIp => Scenario.Reputable ? DocumentationAddress(PostfixId + "/client") : null;

        public bool IsDetection => FinalDisposition != "NONE";

        public void AddOperation(string operation)
        {
            if (!PostDeliveryOperations.Contains(operation))
            {
                PostDeliveryOperations.Add(operation);
            }
        }

        public void SetDeliveryStatus(string status)
        {
            DeliveryStatus.Clear();
            DeliveryStatus.Add(status);
        }

        /// <summary>
        /// A move that could not be done: the message stays where it was, with move_failed beside its status.
        /// </summary>
        public void MarkMoveFailed()
        {
            if (!DeliveryStatus.Contains("move_failed"))
            {
                DeliveryStatus.Add("move_failed");
            }
        }

        /// <summary>
        /// An address in an RFC 5737 range, fixed by <paramref name="key"/> (no draw from the demo random stream).
        /// </summary>
        private static string DocumentationAddress(string key)
        {
            string[] prefixes = { "192.0.2.", "198.51.100.", "203.0.113." };
            string hash = Core.Hashes.Sha256(key);
            int network = Convert.ToInt32(hash.Substring(0, 2), 16) % prefixes.Length;
            return prefixes[network] + (2 + Convert.ToInt32(hash.Substring(2, 2), 16) % 252);
        }

        public void Trace(DateTimeOffset at, string message) =>
            InboundTrace.Add(new TraceLine(InboundTrace.Count + 1, at, message));
    }
}
