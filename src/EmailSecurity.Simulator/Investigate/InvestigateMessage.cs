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

        public void Trace(DateTimeOffset at, string message) =>
            InboundTrace.Add(new TraceLine(InboundTrace.Count + 1, at, message));
    }
}
