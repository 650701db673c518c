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
        [TableColumn(1, Width = 46)]
        [ListItem(1)]
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

        /// <summary>
        /// InvestigateId's former name, kept (hidden) for scripts: a Message's MessageId is its Message-ID header.
        /// </summary>
        [JsonIgnore]
        [Hidden]
        public string? MessageId { get => InvestigateId; set => InvestigateId = value; }

        [JsonPropertyName("inbound")]
        [TableColumn(2, Width = 7, AlignRight = true,
            Script = "if ($_.Inbound.Lines) { $_.Inbound.Lines.Count } else { 0 }")]
        [ListItem(3)]
        public MessageTraceLog? Inbound { get; set; }

        [JsonPropertyName("outbound")]
        [TableColumn(3, Width = 8, AlignRight = true,
            Script = "if ($_.Outbound.Lines) { $_.Outbound.Lines.Count } else { 0 }")]
        [ListItem(4)]
        public MessageTraceLog? Outbound { get; set; }

        /// <summary>The inbound and outbound lines together, in the order they were logged.</summary>
        [JsonIgnore]
        [ListItem(5,
            Script = "($_.Lines | ForEach-Object { $at = if ($_.LoggedAt) { " +
                "$_.LoggedAt.LocalDateTime.ToString('yyyy-MM-dd HH:mm:ss', [cultureinfo]::InvariantCulture) }; '{0} " +
                "{1,-8} {2}' -f $at, $_.Direction, $_.Message }) -join \"`n\"")]
        public ApiList<MessageTraceLine> Lines =>
            new ApiList<MessageTraceLine>(
                LinesOf(Inbound).Concat(LinesOf(Outbound))
                    .OrderBy(l => l.LoggedAt ?? DateTimeOffset.MaxValue)
                    .ThenBy(l => l.Direction, StringComparer.Ordinal)
                    .ThenBy(l => l.LineNumber ?? 0));

        /// <summary>True while either direction is still being logged.</summary>
        [JsonIgnore]
        [TableColumn(4, Width = 7)]
        [ListItem(2)]
        public bool Pending => (Inbound?.Pending ?? false) || (Outbound?.Pending ?? false);

        /// <summary>When the last line was logged.</summary>
        [JsonIgnore]
        [TableColumn(5, Width = 16)]
        public DateTimeOffset? LastLogged => Lines.LastOrDefault()?.LoggedAt;

        /// <summary>The last line's text: what happened to the message last.</summary>
        [JsonIgnore]
        [TableColumn(6)]
        public string? LastLine => Lines.LastOrDefault()?.Message;

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

        public override string ToString() =>
            $"{Lines?.Count ?? 0} line(s){(Pending == true ? ", pending" : string.Empty)}";
    }

    [ViewGroup(nameof(InvestigateId), "Message")]
    public sealed class MessageTraceLine : IMessageResult
    {
        /// <summary>The investigate id of the traced message.</summary>
        [JsonIgnore]
        [ListItem(1)]
        public string? InvestigateId { get; set; }

        /// <summary>
        /// InvestigateId's former name, kept (hidden) for scripts: a Message's MessageId is its Message-ID header.
        /// </summary>
        [JsonIgnore]
        [Hidden]
        public string? MessageId { get => InvestigateId; set => InvestigateId = value; }

        /// <summary>Inbound or Outbound.</summary>
        [JsonIgnore]
        [TableColumn(2, Width = 9)]
        [ListItem(2)]
        public string? Direction { get; set; }

        /// <summary>The line's number in the trace log of its direction.</summary>
        [JsonPropertyName("lineno")]
        [TableColumn(3, Width = 5, Label = "Line", AlignRight = true)]
        [ListItem(3)]
        public long? LineNumber { get; set; }

        [JsonPropertyName("logged_at")]
        [TableColumn(1, Width = 19, Script = "if ($_.LoggedAt) { $_.LoggedAt.LocalDateTime.ToString('yyyy-MM-dd " +
            "HH:mm:ss', [cultureinfo]::InvariantCulture) }")]
        [ListItem(4)]
        public DateTimeOffset? LoggedAt { get; set; }

        [JsonPropertyName("message")]
        [TableColumn(4)]
        [ListItem(5)]
        public string? Message { get; set; }

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        public override string ToString() => Message ?? string.Empty;
    }
}
