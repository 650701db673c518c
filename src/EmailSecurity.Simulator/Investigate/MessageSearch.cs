using System;
using System.Collections.Generic;
using System.Linq;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Investigate
{
    /// <summary>The filters of GET /investigate, parsed and validated up front.</summary>
    internal sealed class MessageSearch
    {
        public static readonly string[] Dispositions = { "MALICIOUS", "SUSPICIOUS", "SPOOF", "SPAM", "BULK", "NONE" };
        private static readonly string[] MessageActions = { "PREVIEW", "QUARANTINE_RELEASED", "MOVED" };

        private string[] _terms = new string[0];
        private string? _sender, _recipient, _subject, _domain, _disposition, _operation, _alertId, _messageId;
        private bool _detectionsOnly;
        private DateTimeOffset _start, _end;

        public static MessageSearch Parse(QueryParameters query, DateTimeOffset now)
        {
            query.RejectEndOfLife("page", "cursor");
            query.GetBool("action_log");
            (DateTimeOffset start, DateTimeOffset end) = Validation.DateRange(query, now);
            string? action = query.GetEnum("message_action", MessageActions);
            return new MessageSearch
            {
                _terms = (query.Get("query") ?? "").Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries),
                _sender = query.Get("sender"),
                _recipient = query.Get("recipient"),
                _subject = query.Get("subject"),
                _domain = query.Get("domain")?.TrimStart('@'),
                _disposition = query.GetEnum("final_disposition", Dispositions),
                _operation = action == null ? null : action == "QUARANTINE_RELEASED" ? "QUARANTINE_RELEASE" : action == "MOVED" ? "MOVE" : action,
                _alertId = query.Get("alert_id"),
                _messageId = query.Get("message_id"),
                _detectionsOnly = query.GetBool("detections_only") ?? false,
                _start = start,
                _end = end,
            };
        }

        public IReadOnlyList<InvestigateMessage> Apply(IEnumerable<InvestigateMessage> newestFirst) => newestFirst.Where(Matches).ToList();

        private bool Matches(InvestigateMessage m) =>
            m.ScannedAt >= _start && m.ScannedAt <= _end
            && (!_detectionsOnly || m.IsDetection)
            && (_disposition == null || m.FinalDisposition == _disposition)
            && (_operation == null || m.PostDeliveryOperations.Contains(_operation))
            && (_alertId == null || m.AlertId == _alertId)
            && (_messageId == null || SameMessageId(m.MessageIdHeader, _messageId))
            && (_sender == null || Validation.ContainsIgnoreCase(m.From.Address, _sender) || Validation.ContainsIgnoreCase(m.EnvelopeFrom, _sender))
            && (_recipient == null || m.RecipientAddresses.Any(r => Validation.ContainsIgnoreCase(r, _recipient)))
            && (_subject == null || Validation.ContainsIgnoreCase(m.Subject, _subject))
            && (_domain == null || IsSameOrSubdomain(m.From.Domain, _domain))
            && _terms.All(term => SearchableText(m).Any(text => Validation.ContainsIgnoreCase(text, term)));

        private static IEnumerable<string?> SearchableText(InvestigateMessage m)
        {
            yield return m.Subject;
            yield return m.From.Address;
            yield return m.From.Name;
            yield return m.EnvelopeFrom;
            yield return m.ReplyTo;
            yield return m.Id;
            foreach (Mailbox recipient in m.To)
            {
                yield return recipient.Address;
                yield return recipient.Name;
            }
        }

        private static bool SameMessageId(string header, string wanted) =>
            string.Equals(header.Trim('<', '>'), wanted.Trim().Trim('<', '>'), StringComparison.OrdinalIgnoreCase);

        private static bool IsSameOrSubdomain(string domain, string wanted) =>
            string.Equals(domain, wanted, StringComparison.OrdinalIgnoreCase)
            || domain.EndsWith("." + wanted, StringComparison.OrdinalIgnoreCase);
    }
}
