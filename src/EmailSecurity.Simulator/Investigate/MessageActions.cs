using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Core;
using EmailSecurity.Simulator.Submissions;

namespace EmailSecurity.Simulator.Investigate
{
    /// <summary>The write side of /investigate: move (one or many), release, reclassify.</summary>
    internal static class MessageActions
    {
        public static readonly string[] Folders =
            { "Inbox", "JunkEmail", "DeletedItems", "RecoverableItemsDeletions", "RecoverableItemsPurges" };
        private static readonly string[] ExpectedDispositions =
            { "NONE", "BULK", "MALICIOUS", "SPAM", "SPOOF", "SUSPICIOUS" };
        public const string RequestedBy = "API";

        public static void Register(Router router)
        {
            router.Add("POST", "investigate/{}/move", MoveOne);
            router.Add("POST", "investigate/move", MoveMany);
            router.Add("POST", "investigate/release", Release);
            router.Add("POST", "investigate/{}/reclassify", Reclassify);
        }

        private static SimulatedResponse MoveOne(RequestContext context)
        {
            JsonObject body = JsonBody.ParseObject(context.Body);
            ReadExpectedDisposition(context, body);
            string destination = JsonBody.RequireEnum(body, "destination", Folders);
            InvestigateMessage message = context.Account.Messages.Get(context.Id);
            return Envelope.Ok(Json.Array(Move(message, destination, context.Now)));
        }

        /// <summary>Unknown ids do not fail the call: each gets one unsuccessful entry.</summary>
        private static SimulatedResponse MoveMany(RequestContext context)
        {
            JsonObject body = JsonBody.ParseObject(context.Body);
            JsonBody.RejectEndOfLife(body, "postfix_ids", "ids");
            ReadExpectedDisposition(context, body);
            string destination = JsonBody.RequireEnum(body, "destination", Folders);
            IReadOnlyList<string> ids = JsonBody.RequireStringList(body, "ids");
            var results = new List<JsonNode>();
            foreach (string id in ids)
            {
                InvestigateMessage? message = context.Account.Messages.Find(id);
                if (message == null)
                {
                    results.Add(new JsonObject
                    {
                        ["success"] = false,
                        ["message_id"] = id,
                        ["operation"] = "MOVE",
                        ["status"] = "Message not found",
                    });
                }
                else
                {
                    results.AddRange(Move(message, destination, context.Now));
                }
            }
            return Envelope.Ok(Json.Array(results));
        }

        /// <summary>
        /// 2026-10 takes expected_disposition on moves (deprecated and without effect); the seed does not know it.
        /// </summary>
        public static string? ReadExpectedDisposition(RequestContext context, JsonObject body)
        {
            if (!context.Is2026)
            {
                JsonBody.RejectUnknown(body, "expected_disposition");
                return null;
            }
            return JsonBody.OptionalEnum(body, "expected_disposition", MessageSearch.AllDispositions);
        }

        public static void ApplyMove(InvestigateMessage message, string destination, DateTimeOffset now, string by)
        {
            message.Folder = destination;
            message.AddOperation("MOVE");
            message.SetDeliveryStatus("moved");
            message.Trace(now, "Moved to " + destination + " by " + by);
        }

        private static IEnumerable<JsonNode> Move(InvestigateMessage message, string destination, DateTimeOffset now)
        {
            ApplyMove(message, destination, now, RequestedBy);
            return message.RecipientAddresses.Select(recipient => (JsonNode)new JsonObject
            {
                ["success"] = true,
                ["completed_at"] = Json.Date(now),
                ["destination"] = destination,
                ["message_id"] = message.Id,
                ["operation"] = "MOVE",
                ["recipient"] = recipient,
                ["status"] = "Success",
            }).ToList();
        }

        /// <summary>
        /// The seed sends a bare JSON array of ids, 2026-10 an object {"ids": [...]}; each refuses the other.
        /// </summary>
        private static SimulatedResponse Release(RequestContext context)
        {
            IReadOnlyList<string> ids;
            if (context.Is2026)
            {
                JsonObject body = JsonBody.ParseObject(context.Body);
                ids = JsonBody.RequireStringList(body, "ids");
            }
            else
            {
                JsonArray array = JsonBody.ParseArray(context.Body, "must be a JSON array of message ids");
                ids = JsonBody.StringList(array, "body");
                if (ids.Count == 0)
                {
                    throw ApiException.Invalid("body", "must contain at least one id");
                }
            }
            return Envelope.Ok(Json.Array(ids.Select(id => (JsonNode)ReleaseOne(context, id))));
        }

        /// <summary>
        /// Delivers a quarantined message to its recipients' inboxes; false when it was not in quarantine.
        /// </summary>
        public static bool ApplyRelease(InvestigateMessage message, DateTimeOffset now, string by)
        {
            if (!message.IsQuarantined)
            {
                return false;
            }
            message.IsQuarantined = false;
            message.AddOperation("QUARANTINE_RELEASE");
            message.SetDeliveryStatus("delivered");
            message.Folder = "Inbox";
            message.Trace(now, "Released from quarantine by " + by);
            MessageGenerator.TraceDelivery(message, now);
            return true;
        }

        private static JsonObject ReleaseOne(RequestContext context, string id)
        {
            InvestigateMessage? message = context.Account.Messages.Find(id);
            var delivered = new List<string>();
            var failed = new List<string>();
            var undelivered = new List<string>();
            if (message == null)
            {
                failed.Add(id);
            }
            else if (ApplyRelease(message, context.Now, RequestedBy))
            {
                delivered.AddRange(message.RecipientAddresses);
            }
            else
            {
                undelivered.AddRange(message.RecipientAddresses);
            }
            return new JsonObject
            {
                ["id"] = id,
                ["delivered"] = Json.Strings(delivered),
                ["failed"] = Json.Strings(failed),
                ["undelivered"] = Json.Strings(undelivered),
            };
        }

        /// <summary>Queues a team submission; the verdict itself changes later, as in the real service.</summary>
        private static SimulatedResponse Reclassify(RequestContext context)
        {
            JsonObject body = JsonBody.ParseObject(context.Body);
            string expected = JsonBody.RequireEnum(body, "expected_disposition", ExpectedDispositions);
            string? eml = JsonBody.OptionalString(body, "eml_content");
            if (eml != null && !IsBase64(eml))
            {
                throw ApiException.Invalid("eml_content", "must be base64-encoded EML");
            }
            string? escalatedFrom = JsonBody.OptionalString(body, "escalated_submission_id");
            InvestigateMessage message = context.Account.Messages.Get(context.Id);

            Submission submission = SubmissionGenerator.ForMessage(context.Account.Runtime, message, context.Now,
                "Team", RequestedBy, expected);
            if (escalatedFrom != null)
            {
                submission.EscalatedSubmissionId = escalatedFrom;
                submission.EscalatedAs = expected;
                submission.EscalatedAt = context.Now;
                submission.EscalatedBy = RequestedBy;
                submission.CustomerStatus = "escalated";
            }
            context.Account.Submissions.Add(submission);
            message.AddOperation("SUBMISSION");
            return Envelope.Ok(new JsonObject());
        }

        private static bool IsBase64(string text)
        {
            try
            {
                Convert.FromBase64String(text);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }
}
