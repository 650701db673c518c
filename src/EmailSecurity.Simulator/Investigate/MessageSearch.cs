using System;
using System.Collections.Generic;
using System.Linq;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Investigate
{
    /// <summary>
    /// The filters of GET /investigate (and of a bulk action job's search_params), parsed and validated up front.
    /// 2026-10 adds delivery_status and smtp_helo_ip, drops action_log, refuses a start in the future, and widens
    /// what some filters match: domain any domain of the message (sender, recipient, link), subject every keyword in
    /// any order, query also attachment names and hashes and the Message-ID.
    /// </summary>
    internal sealed class MessageSearch
    {
        public static readonly string[] Dispositions = { "MALICIOUS", "SUSPICIOUS", "SPOOF", "SPAM", "BULK", "NONE" };

        /// <summary>The ten dispositions a bulk job's search_params take (search itself takes the six above).</summary>
        public static readonly string[] AllDispositions =
        {
            "MALICIOUS", "MALICIOUS-BEC", "SUSPICIOUS", "SPOOF", "SPAM", "BULK",
            "ENCRYPTED", "EXTERNAL", "UNKNOWN", "NONE"
        };

        public static readonly string[] DeliveryStatuses =
            { "delivered", "moved", "quarantined", "rejected", "deferred", "bounced", "queued", "move_failed" };

        private static readonly string[] MessageActions = { "PREVIEW", "QUARANTINE_RELEASED", "MOVED" };

        private string[] _terms = new string[0], _subjectWords = new string[0];
        private string? _sender, _recipient, _subject, _exactSubject, _domain, _disposition, _operation, _alertId,
            _messageId;
        private string? _deliveryStatus, _heloIp;
        private bool _detectionsOnly, _widened;
        private DateTimeOffset _start, _end;

        /// <summary>The query of GET /investigate in the given version.</summary>
        public static MessageSearch Parse(QueryParameters query, DateTimeOffset now, ApiVersion version)
        {
            query.RejectEndOfLife("page", "cursor");
            if (version == ApiVersion.Seed)
            {
                query.GetBool("action_log");
                query.RejectUnknown("delivery_status", "smtp_helo_ip");
            }
            else
            {
                query.RejectUnknown("action_log");
            }
            return Build(query, now, version, Dispositions);
        }

        /// <summary>A bulk job's search_params (2026-10 only), already turned into query parameters.</summary>
        public static MessageSearch ForBulkJob(QueryParameters query, DateTimeOffset now)
        {
            query.GetBool("action_log");
            MessageSearch search = Build(query, now, ApiVersion.V2026_10, AllDispositions);
            search._exactSubject = query.Get("exact_subject");
            return search;
        }

        private static MessageSearch Build(
            QueryParameters query,
            DateTimeOffset now,
            ApiVersion version,
            IReadOnlyList<string> dispositions)
        {
            (DateTimeOffset start, DateTimeOffset end) = Validation.DateRange(query, now);
            string? action = query.GetEnum("message_action", MessageActions);
            bool widened = version >= ApiVersion.V2026_10;
            if (widened && start > now)
            {
                throw ApiException.Invalid("start", "must not be in the future");
            }
            string? subject = query.Get("subject");
            return new MessageSearch
            {
                _widened = widened,
                _terms = Words(query.Get("query")),
                _sender = query.Get("sender"),
                _recipient = query.Get("recipient"),
                _subject = widened ? null : subject,
                _subjectWords = widened ? Words(subject) : new string[0],
                _domain = query.Get("domain")?.TrimStart('@'),
                _disposition = query.GetEnum("final_disposition", dispositions),
                _operation = action == null
                    ? null
                    : action == "QUARANTINE_RELEASED"
                    ? "QUARANTINE_RELEASE"
                    : action == "MOVED"
                    ? "MOVE"
                    : action,
                _alertId = query.Get("alert_id"),
                _messageId = query.Get("message_id"),
                _detectionsOnly = query.GetBool("detections_only") ?? false,
                _deliveryStatus = widened ? query.GetEnum("delivery_status", DeliveryStatuses) : null,
                _heloIp = widened ? query.Get("smtp_helo_ip") : null,
                _start = start,
                _end = end,
            };
        }

        public IReadOnlyList<InvestigateMessage> Apply(IEnumerable<InvestigateMessage> newestFirst) =>
            newestFirst.Where(Matches).ToList();

        private bool Matches(InvestigateMessage m) =>
            m.ScannedAt >= _start && m.ScannedAt <= _end
            && (!_detectionsOnly || m.IsDetection)
            && (_disposition == null || m.FinalDisposition == _disposition)
            && (_operation == null || m.PostDeliveryOperations.Contains(_operation))
            && (_alertId == null || m.AlertId == _alertId)
            && (_messageId == null || SameMessageId(m.MessageIdHeader, _messageId))
            && (_sender == null || Validation.ContainsIgnoreCase(m.From.Address, _sender)
                || Validation.ContainsIgnoreCase(m.EnvelopeFrom, _sender))
            && (_recipient == null || m.RecipientAddresses.Any(r => Validation.ContainsIgnoreCase(r, _recipient)))
            && (_subject == null || Validation.ContainsIgnoreCase(m.Subject, _subject))
            && _subjectWords.All(word => Validation.ContainsIgnoreCase(m.Subject, word))
            && (_exactSubject == null || m.Subject == _exactSubject)
            && (_domain == null || Domains(m).Any(d => IsSameOrSubdomain(d, _domain)))
            && (_deliveryStatus == null || m.DeliveryStatus.Contains(_deliveryStatus))
            && (_heloIp == null || m.Host.Ip == _heloIp)
            && _terms.All(term => SearchableText(m).Any(text => Validation.ContainsIgnoreCase(text, term)));

        /// <summary>
        /// The sender's domain; in 2026-10 also the recipients' domains and the domains of the links.
        /// </summary>
        private IEnumerable<string> Domains(InvestigateMessage m)
        {
            yield return m.From.Domain;
            if (!_widened)
            {
                yield break;
            }
            foreach (Mailbox recipient in m.To)
            {
                yield return recipient.Domain;
            }
            foreach (Demo.Link link in m.Scenario.Links)
            {
                if (Uri.TryCreate(link.Href, UriKind.Absolute, out Uri? uri))
                {
                    yield return uri.Host;
                }
            }
        }

        private IEnumerable<string?> SearchableText(InvestigateMessage m)
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
            if (_widened)
            {
                yield return m.MessageIdHeader;
                if (m.Attachment != null)
                {
                    yield return m.Attachment.FileName;
                    yield return Hashes.Md5(m.Attachment.Content);
                    yield return Hashes.Sha1(m.Attachment.Content);
                    yield return Hashes.Sha256(m.Attachment.Content);
                }
            }
        }

        private static string[] Words(string? text) =>
            (text ?? "").Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);

        private static bool SameMessageId(string header, string wanted) =>
            string.Equals(header.Trim('<', '>'), wanted.Trim().Trim('<', '>'), StringComparison.OrdinalIgnoreCase);

        private static bool IsSameOrSubdomain(string domain, string wanted) =>
            string.Equals(domain, wanted, StringComparison.OrdinalIgnoreCase)
            || domain.EndsWith("." + wanted, StringComparison.OrdinalIgnoreCase);
    }
}
