using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Investigate
{
    /// <summary>
    /// The investigate message object, as search and get return it. Every key of the API is written, null when
    /// not applicable; fields past their end of life (ts, action_log, findings) are not. 2026-10 adds three
    /// addresses and the delivery status move_failed, which the seed version does not know and leaves out.
    /// </summary>
    internal static class MessageJson
    {
        public static JsonObject Write(InvestigateMessage m, ApiVersion version)
        {
            JsonObject message = Write(m);
            if (version >= ApiVersion.V2026_10)
            {
                message["smtp_helo_server_ip"] = m.Host.Ip;
                message["smtp_previous_hop_ip"] = m.PreviousHopIp;
                message["x_originating_ip"] = m.OriginatingIp;
            }
            else
            {
                message["delivery_status"] = Json.Strings(m.DeliveryStatus.Where(s => s != "move_failed"));
            }
            return message;
        }

        private static JsonObject Write(InvestigateMessage m) => new JsonObject
        {
            ["id"] = m.Id,
            ["client_recipients"] = Json.Strings(m.RecipientAddresses),
            ["detection_reasons"] = Json.Strings(m.IsDetection ? m.Scenario.Reasons : new string[0]),
            ["is_phish_submission"] = m.IsPhishSubmission,
            ["is_quarantined"] = m.IsQuarantined,
            ["postfix_id"] = m.PostfixId,
            ["properties"] = new JsonObject
            {
                ["allowlisted_pattern"] = m.Policy.AllowlistedPattern,
                ["allowlisted_pattern_type"] = m.Policy.AllowlistedPatternType,
                ["blocklisted_message"] = m.Policy.BlocklistedMessage,
                ["blocklisted_pattern"] = m.Policy.BlocklistedPattern,
                ["whitelisted_pattern_type"] = m.Policy.AllowlistedPatternType,
            },
            ["alert_id"] = m.AlertId,
            ["delivery_mode"] = m.DeliveryMode,
            ["delivery_status"] = Json.Strings(m.DeliveryStatus),
            ["edf_hash"] = m.EdfHash,
            ["envelope_from"] = m.EnvelopeFrom,
            ["envelope_to"] = Json.Strings(m.RecipientAddresses),
            ["final_disposition"] = m.FinalDisposition,
            ["from"] = m.From.Address,
            ["from_name"] = m.From.Name,
            ["htmltext_structure_hash"] = m.HtmlTextStructureHash,
            ["message_id"] = m.MessageIdHeader,
            ["post_delivery_operations"] = Json.Strings(m.PostDeliveryOperations),
            ["postfix_id_outbound"] = null,
            ["replyto"] = m.ReplyTo,
            ["scanned_at"] = Json.Date(m.ScannedAt),
            ["sent_at"] = Json.Date(m.SentAt),
            ["sent_date"] = Rfc5322Date(m.SentAt),
            ["subject"] = m.Subject,
            ["threat_categories"] = Json.Strings(m.IsDetection ? m.Scenario.Threats : new string[0]),
            ["to"] = Json.Strings(m.RecipientAddresses),
            ["to_name"] = Json.Strings(m.To.Select(t => t.Name)),
            ["validation"] = Validation(m),
        };

        public static JsonObject Validation(InvestigateMessage m) => new JsonObject
        {
            ["comment"] = m.Scenario.Dmarc == "fail" ? "DMARC policy of " + m.From.Domain + " not satisfied" : null,
            ["dkim"] = m.Scenario.Dkim,
            ["dmarc"] = m.Scenario.Dmarc,
            ["spf"] = m.Scenario.Spf,
        };

        public static string Rfc5322Date(DateTimeOffset value) =>
            value.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
    }
}
