using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmailSecurity.Models
{
    /// <summary>
    /// The delivery log of a message (<c>GET /investigate/{id}/trace</c>): what the mail servers did with it on the
    /// way in and on the way out, including releases and moves. The lines' <c>ts</c> field is past its end of life;
    /// <see cref="MessageTraceLine.LoggedAt"/> replaces it.
    /// </summary>
    public sealed class MessageTrace : IJsonOnDeserialized, IMessageResult
    {
        private string? investigateId;

        /// <summary>The investigate id the trace was asked for; the API does not repeat it.</summary>
        [JsonIgnore]
        public string? InvestigateId
        {
            get => investigateId;
            set
            {
                investigateId = value;
                foreach (var line in Lines)
                {
                    line.InvestigateId = value;
                }
            }
        }

        /// <summary>InvestigateId's former name, kept (hidden) for scripts: a Message's MessageId is its Message-ID header.</summary>
        [JsonIgnore]
        [Hidden]
        public string? MessageId { get => InvestigateId; set => InvestigateId = value; }

        [JsonPropertyName("inbound")]
        public MessageTraceLog? Inbound { get; set; }

        [JsonPropertyName("outbound")]
        public MessageTraceLog? Outbound { get; set; }

        /// <summary>The inbound and outbound lines together, in the order they were logged.</summary>
        [JsonIgnore]
        public ApiList<MessageTraceLine> Lines =>
            new ApiList<MessageTraceLine>(
                LinesOf(Inbound).Concat(LinesOf(Outbound))
                    .OrderBy(l => l.LoggedAt ?? DateTimeOffset.MaxValue)
                    .ThenBy(l => l.Direction, StringComparer.Ordinal)
                    .ThenBy(l => l.LineNumber ?? 0));

        /// <summary>True while either direction is still being logged.</summary>
        [JsonIgnore]
        public bool Pending => (Inbound?.Pending ?? false) || (Outbound?.Pending ?? false);

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        void IJsonOnDeserialized.OnDeserialized()
        {
            foreach (var line in LinesOf(Inbound))
            {
                line.Direction = "Inbound";
            }

            foreach (var line in LinesOf(Outbound))
            {
                line.Direction = "Outbound";
            }
        }

        public override string ToString() => InvestigateId ?? string.Empty;

        private static IEnumerable<MessageTraceLine> LinesOf(MessageTraceLog? log) =>
            (IEnumerable<MessageTraceLine>?)log?.Lines ?? Array.Empty<MessageTraceLine>();
    }

    /// <summary>One direction of a trace.</summary>
    public sealed class MessageTraceLog
    {
        [JsonPropertyName("lines")]
        public ApiList<MessageTraceLine>? Lines { get; set; }

        /// <summary>True while this direction is still being logged.</summary>
        [JsonPropertyName("pending")]
        public bool? Pending { get; set; }

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        public override string ToString() => $"{Lines?.Count ?? 0} line(s){(Pending == true ? ", pending" : string.Empty)}";
    }

    public sealed class MessageTraceLine : IMessageResult
    {
        /// <summary>The investigate id of the traced message.</summary>
        [JsonIgnore]
        public string? InvestigateId { get; set; }

        /// <summary>InvestigateId's former name, kept (hidden) for scripts: a Message's MessageId is its Message-ID header.</summary>
        [JsonIgnore]
        [Hidden]
        public string? MessageId { get => InvestigateId; set => InvestigateId = value; }

        /// <summary>Inbound or Outbound.</summary>
        [JsonIgnore]
        public string? Direction { get; set; }

        /// <summary>The line's number in the trace log of its direction.</summary>
        [JsonPropertyName("lineno")]
        public long? LineNumber { get; set; }

        [JsonPropertyName("logged_at")]
        public DateTimeOffset? LoggedAt { get; set; }

        [JsonPropertyName("message")]
        public string? Message { get; set; }

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        public override string ToString() => Message ?? string.Empty;
    }
}
