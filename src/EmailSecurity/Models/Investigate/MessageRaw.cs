using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmailSecurity.Models
{
    /// <summary>
    /// The message as the mail server received it, an RFC 5322 (.eml) text (<c>GET /investigate/{id}/raw</c>).
    /// </summary>
    public sealed class MessageRaw : IMessageResult
    {
        /// <summary>The investigate id the message was asked for; the API does not repeat it.</summary>
        [JsonIgnore]
        [TableColumn(1, Width = 46)]
        [ListItem(1)]
        public string? InvestigateId { get; set; }

        /// <summary>
        /// InvestigateId's former name, kept (hidden) for scripts: a Message's MessageId is its Message-ID header.
        /// </summary>
        [JsonIgnore]
        [Hidden]
        public string? MessageId { get => InvestigateId; set => InvestigateId = value; }

        /// <summary>The whole message: headers, a blank line, then the body.</summary>
        [JsonPropertyName("raw")]
        public string? Raw { get; set; }

        /// <summary>The size of the message in bytes (UTF-8), as it is saved to a file.</summary>
        [JsonIgnore]
        [TableColumn(2, Width = 8, Label = "Bytes", AlignRight = true)]
        [ListItem(2, Label = "Bytes")]
        public long Length => Raw == null ? 0 : Encoding.UTF8.GetByteCount(Raw);

        /// <summary>The From header.</summary>
        [JsonIgnore]
        [TableColumn(3, Width = 30)]
        [ListItem(3)]
        public string? From => GetHeader("From");

        /// <summary>The To header.</summary>
        [JsonIgnore]
        [ListItem(4)]
        public string? To => GetHeader("To");

        /// <summary>The Date header, as the message gives it.</summary>
        [JsonIgnore]
        [ListItem(5)]
        public string? Date => GetHeader("Date");

        /// <summary>The Subject header.</summary>
        [JsonIgnore]
        [TableColumn(4)]
        [ListItem(6)]
        public string? Subject => GetHeader("Subject");

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        /// <summary>
        /// The value of the first header with this name (case-insensitive), with folded lines joined; null when the
        /// message has no such header. Encoded words (=?utf-8?...?=) are returned as they are.
        /// </summary>
        public string? GetHeader(string name)
        {
            if (Raw == null)
            {
                return null;
            }

            string? found = null;
            using (var reader = new StringReader(Raw))
            {
                string? line;
                while ((line = reader.ReadLine()) != null && line.Length > 0)
                {
                    if (line[0] == ' ' || line[0] == '\t')
                    {
                        if (found != null)
                        {
                            found += " " + line.Trim();
                        }

                        continue;
                    }

                    if (found != null)
                    {
                        return found;
                    }

                    var colon = line.IndexOf(':');
                    if (colon > 0
                        && string.Equals(line.Substring(0, colon).Trim(), name, StringComparison.OrdinalIgnoreCase))
                    {
                        found = line.Substring(colon + 1).Trim();
                    }
                }
            }

            return found;
        }

        public override string ToString() => Raw ?? string.Empty;
    }
}
