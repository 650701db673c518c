using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Core;
using EmailSecurity.Simulator.Investigate.Demo;

namespace EmailSecurity.Simulator.Investigate
{
    /// <summary>The per-message detail documents: detections and trace.</summary>
    internal static class DetailJson
    {
        public static JsonObject Detections(InvestigateMessage m)
        {
            MessageAttachment? attachment = m.Attachment;
            var attachments = new JsonArray();
            if (attachment != null)
            {
                attachments.Add(new JsonObject
                {
                    ["size"] = attachment.Content.Length,
                    ["content_type"] = attachment.ContentType,
                    ["detection"] = attachment.Detection,
                    ["encrypted"] = false,
                    ["filename"] = attachment.FileName,
                    ["md5"] = Hashes.Md5(attachment.Content),
                    ["name"] = attachment.FileName,
                    ["sha1"] = Hashes.Sha1(attachment.Content),
                    ["sha256"] = Hashes.Sha256(attachment.Content),
                });
            }
            IEnumerable<FindingSpec> findings = m.IsDetection ? m.Scenario.Findings : new FindingSpec[0];
            return new JsonObject
            {
                ["action"] = m.ScanAction,
                ["attachments"] = attachments,
                ["findings"] = Json.Array(findings.Select(f => (JsonNode)new JsonObject
                {
                    ["attachment"] = f.OnAttachment ? attachment?.FileName : null,
                    ["detail"] = f.Detail,
                    ["detection"] = m.FinalDisposition,
                    ["field"] = f.Field,
                    ["name"] = f.Name,
                    ["portion"] = f.Portion,
                    ["reason"] = f.Reason,
                    ["score"] = f.Score,
                    ["value"] = f.Value,
                })),
                ["headers"] = Json.Array(EmlBuilder.Headers(m)
                    .Select(h => (JsonNode)new JsonObject { ["name"] = h.Key, ["value"] = h.Value })),
                ["links"] = Json.Array(
                    m.Scenario.Links.Select(l => (JsonNode)new JsonObject { ["href"] = l.Href, ["text"] = l.Text })),
                ["sender_info"] = new JsonObject
                {
                    ["as_name"] = m.Host.AsName,
                    ["as_number"] = m.Host.AsNumber,
                    ["geo"] = m.Host.Geo,
                    ["ip"] = m.Host.Ip,
                    ["pld"] = PayLevelDomain(m.EnvelopeFrom.Substring(m.EnvelopeFrom.IndexOf('@') + 1)),
                },
                ["threat_categories"] = Json.Array(
                    ThreatCategories.For(m.IsDetection ? m.Scenario.Threats : new string[0])
                    .Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["description"] = c.Description,
                        ["name"] = c.Name })),
                ["validation"] = MessageJson.Validation(m),
                ["final_disposition"] = m.FinalDisposition,
            };
        }

        /// <summary>Inbound lines as logged; the demo tenant sends nothing outbound, so that side is empty.</summary>
        public static JsonObject Trace(InvestigateMessage m) => new JsonObject
        {
            ["inbound"] = new JsonObject
            {
                ["lines"] = Json.Array(m.InboundTrace.Select(l => (JsonNode)new JsonObject
                {
                    ["lineno"] = l.LineNo,
                    ["logged_at"] = Json.Date(l.LoggedAt),
                    ["message"] = l.Message,
                })),
                ["pending"] = false,
            },
            ["outbound"] = new JsonObject
            {
                ["lines"] = new JsonArray(),
                ["pending"] = false,
            },
        };

        private static string PayLevelDomain(string domain)
        {
            string[] labels = domain.Split('.');
            return labels.Length <= 2 ? domain : string.Join(".", labels.Skip(labels.Length - 2));
        }
    }
}
