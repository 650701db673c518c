using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using EmailSecurity.Simulator.Investigate.Demo;

namespace EmailSecurity.Simulator.Investigate
{
    /// <summary>
    /// The message as the MX received it: RFC 5322 headers, then a text body and any attachment (MIME).
    /// </summary>
    internal static class EmlBuilder
    {
        public static IReadOnlyList<KeyValuePair<string, string>> Headers(InvestigateMessage m)
        {
            string fromDomain = m.From.Domain;
            var headers = new List<KeyValuePair<string, string>>
            {
                H("Received",
                    "from " + m.Host.HostName + " (" + m.Host.HostName + " [" + m.Host.Ip + "]) by " + Tenant.MxHost
                    + " (Postfix) with ESMTPS id " + m.PostfixId + " for <" + m.To[0].Address + ">; "
                    + MessageJson.Rfc5322Date(m.ScannedAt.AddSeconds(-1))),
                H("Authentication-Results",
                    Tenant.MxHost + "; spf=" + m.Scenario.Spf + " smtp.mailfrom=" + m.EnvelopeFrom
                    + "; dkim=" + m.Scenario.Dkim + " header.d=" + fromDomain + "; dmarc=" + m.Scenario.Dmarc
                    + " header.from=" + fromDomain),
                H("Received",
                    "from [10.20." + (m.SentAt.Second + 1) + "." + (m.SentAt.Minute + 10) + "] by " + m.Host.HostName
                    + " with ESMTPSA; " + MessageJson.Rfc5322Date(m.SentAt)),
                H("From", Address(m.From)),
            };
            if (m.ReplyTo != null)
            {
                headers.Add(H("Reply-To", "<" + m.ReplyTo + ">"));
            }
            headers.Add(H("To", string.Join(", ", m.To.Select(Address))));
            headers.Add(H("Subject", m.Subject));
            headers.Add(H("Date", MessageJson.Rfc5322Date(m.SentAt)));
            headers.Add(H("Message-ID", m.MessageIdHeader));
            headers.Add(H("MIME-Version", "1.0"));
            headers.Add(H("Content-Type", m.Attachment == null
                ? "text/plain; charset=\"utf-8\""
                : "multipart/mixed; boundary=\"" + Boundary(m) + "\""));
            if (m.Attachment == null)
            {
                headers.Add(H("Content-Transfer-Encoding", "7bit"));
            }
            return headers;
        }

        public static string Build(InvestigateMessage m)
        {
            var eml = new StringBuilder();
            foreach (KeyValuePair<string, string> header in Headers(m))
            {
                eml.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
            }
            eml.Append("\r\n");
            string body = m.Body.Replace("\n", "\r\n") + "\r\n";
            if (m.Attachment == null)
            {
                return eml.Append(body).ToString();
            }
            string boundary = Boundary(m);
            eml.Append("This is a multi-part message in MIME format.\r\n\r\n");
            eml.Append("--").Append(boundary).Append("\r\n");
            eml.Append("Content-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: 7bit\r\n\r\n")
                .Append(body).Append("\r\n");
            eml.Append("--").Append(boundary).Append("\r\n");
            eml.Append("Content-Type: ").Append(m.Attachment.ContentType).Append("; name=\"")
                .Append(m.Attachment.FileName).Append("\"\r\n");
            eml.Append("Content-Disposition: attachment; filename=\"").Append(m.Attachment.FileName).Append("\"\r\n");
            eml.Append("Content-Transfer-Encoding: base64\r\n\r\n");
            string encoded = Convert.ToBase64String(m.Attachment.Content);
            for (int i = 0; i < encoded.Length; i += 76)
            {
                eml.Append(encoded.Substring(i, Math.Min(76, encoded.Length - i))).Append("\r\n");
            }
            eml.Append("--").Append(boundary).Append("--\r\n");
            return eml.ToString();
        }

        private static string Boundary(InvestigateMessage m) => "----=_Part_" + m.PostfixId;

        private static string Address(Mailbox mailbox) => "\"" + mailbox.Name + "\" <" + mailbox.Address + ">";

        private static KeyValuePair<string, string> H(string name, string value) =>
            new KeyValuePair<string, string>(name, value);
    }
}
