using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Accounts;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Investigate.BulkJobs
{
    /// <summary>
    /// /investigate/bulk: create, list, get, delete and cancel bulk action jobs, and list a job's messages (2026-10).
    /// </summary>
    internal static class BulkJobEndpoints
    {
        private static readonly string[] FlagParameters = { "action_log", "detections_only", "submissions" };

        private static readonly string[] TextParameters =
        {
            "alert_id", "delivery_status", "domain", "end", "exact_subject", "final_disposition", "message_action",
            "message_id", "metric", "query", "recipient", "sender", "smtp_helo_ip", "start", "subject",
        };

        public static void Register(Router router)
        {
            const ApiVersion since = ApiVersion.V2026_10;
            router.Add("POST", "investigate/bulk", Create, since);
            router.Add("GET", "investigate/bulk", List, since);
            router.Add("GET", "investigate/bulk/{}", Get, since);
            router.Add("DELETE", "investigate/bulk/{}", Delete, since);
            router.Add("POST", "investigate/bulk/{}/cancel", Cancel, since);
            router.Add("GET", "investigate/bulk/{}/messages", Messages, since);
        }

        /// <summary>Everything is checked, search_params included, before the job exists.</summary>
        private static SimulatedResponse Create(RequestContext context)
        {
            JsonObject body = JsonBody.ParseObject(context.Body);
            string action = JsonBody.RequireEnum(body, "action", BulkJob.Actions);
            string? destination = action == "MOVE"
                ? JsonBody.RequireEnum(body, "destination", MessageActions.Folders)
                : null;
            string? expected = JsonBody.OptionalEnum(body, "expected_disposition", MessageSearch.AllDispositions);
            string? comment = JsonBody.OptionalString(body, "comment");
            if (!(body["search_params"] is JsonObject searchParams))
            {
                throw ApiException.Invalid("search_params",
                    body.ContainsKey("search_params") ? "must be an object" : "is required");
            }
            Func<AccountState, IReadOnlyList<InvestigateMessage>> search = ReadSearch(searchParams, context.Now);
            var job = new BulkJob(context.Account.Runtime.NextGuid().ToString(), action,
                (JsonObject)searchParams.DeepClone(), search, context.Now)
            {
                Destination = destination,
                ExpectedDisposition = expected,
                Comment = comment,
            };
            context.Account.BulkJobs.Add(job);
            return Envelope.Ok(job.ToJson());
        }

        /// <summary>Newest first.</summary>
        private static SimulatedResponse List(RequestContext context)
        {
            string? action = context.Query.GetEnum("action_type", BulkJob.Actions);
            string? status = context.Query.GetEnum("status", BulkJob.Statuses);
            List<BulkJob> jobs = context.Account.BulkJobs.All
                .Where(j => (action == null || j.Action == action) && (status == null || j.Status == status))
                .Reverse()
                .ToList();
            return Paging.ByPage(jobs, context.Query, j => j.ToJson());
        }

        /// <summary>Polling a job is what moves it on, unless the account leaves that to the control API.</summary>
        private static SimulatedResponse Get(RequestContext context)
        {
            BulkJobStore jobs = context.Account.BulkJobs;
            BulkJob job = jobs.Get(context.Id);
            if (jobs.AdvanceOnGet)
            {
                jobs.Step(job, context.Account, context.Now);
            }
            return Envelope.Ok(job.ToJson());
        }

        private static SimulatedResponse Delete(RequestContext context)
        {
            BulkJob job = context.Account.BulkJobs.Get(context.Id);
            if (!job.IsFinished)
            {
                throw ApiException.Conflict(
                    "Bulk action job is " + job.Status + "; only a COMPLETED, CANCELLED or FAILED job can be deleted");
            }
            context.Account.BulkJobs.Remove(job);
            return Envelope.Ok(new JsonObject { ["id"] = job.JobId });
        }

        private static SimulatedResponse Cancel(RequestContext context)
        {
            BulkJob job = context.Account.BulkJobs.Get(context.Id);
            if (job.IsFinished)
            {
                throw ApiException.Conflict(
                    "Bulk action job is already " + job.Status + "; only an unfinished job can be cancelled");
            }
            job.Cancel(context.Now);
            return Envelope.Ok(job.ToJson());
        }

        /// <summary>In the order discovery found them (the search's order, newest first), per recipient.</summary>
        private static SimulatedResponse Messages(RequestContext context)
        {
            BulkJob job = context.Account.BulkJobs.Get(context.Id);
            string? status = context.Query.GetEnum("status", BulkJob.MessageStatuses);
            List<BulkJobMessage> entries = job.Messages.Where(m => status == null || m.Status == status).ToList();
            return Paging.ByPage(entries, context.Query, job.ToJson);
        }

        /// <summary>
        /// search_params are the filters of GET /investigate (plus exact_subject and submissions) as JSON: they are
        /// turned into that search's query parameters, so a job finds exactly what the search finds.
        /// </summary>
        private static Func<AccountState, IReadOnlyList<InvestigateMessage>> ReadSearch(
            JsonObject searchParams,
            DateTimeOffset now)
        {
            try
            {
                var pairs = new List<string>();
                bool submissionsOnly = false;
                foreach (KeyValuePair<string, JsonNode?> parameter in searchParams)
                {
                    string? value = Read(parameter.Key, parameter.Value);
                    if (value == null)
                    {
                        continue;
                    }
                    if (parameter.Key == "submissions")
                    {
                        submissionsOnly = value == "true";
                        continue;
                    }
                    pairs.Add(parameter.Key + "=" + Uri.EscapeDataString(value));
                }
                MessageSearch search = MessageSearch.ForBulkJob(new QueryParameters(string.Join("&", pairs)), now);
                return account => search.Apply(account.Messages.NewestFirst)
                    .Where(m => !submissionsOnly || account.Submissions.Any(s => s.OriginalPostfixId == m.PostfixId))
                    .ToList();
            }
            catch (ApiException error)
            {
                throw error.Prefixed("search_params.");
            }
        }

        /// <summary>A search parameter's value as query text; null when absent, null, or not a parameter.</summary>
        private static string? Read(string name, JsonNode? node)
        {
            if (FlagParameters.Contains(name))
            {
                JsonValueKind kind = node?.GetValueKind() ?? JsonValueKind.Null;
                if (kind != JsonValueKind.True && kind != JsonValueKind.False)
                {
                    throw ApiException.Invalid(name, "must be true or false");
                }
                return kind == JsonValueKind.True ? "true" : "false";
            }
            if (!TextParameters.Contains(name) || node == null)
            {
                return null;
            }
            if (node is JsonValue value && value.TryGetValue(out string? text))
            {
                return text;
            }
            throw ApiException.Invalid(name, "must be a string");
        }
    }
}
