using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Submissions
{
    /// <summary>
    /// GET /submissions: page/per_page, newest first. 2026-10 adds order and direction (which the seed refuses); an
    /// order without a direction sorts ascending, as the settings lists do (the reference names no default).
    /// </summary>
    internal static class SubmissionsEndpoint
    {
        private static readonly string[] Dispositions = { "MALICIOUS", "SUSPICIOUS", "SPOOF", "SPAM", "BULK", "NONE" };
        private static readonly string[] Types = { "TEAM", "USER" };
        private static readonly string[] Directions = { "asc", "desc" };

        private static readonly Dictionary<string, Func<Submission, string?>> OrderKeys =
            new Dictionary<string, Func<Submission, string?>>
        {
            ["submission_id"] = s => s.SubmissionId,
            ["subject"] = s => s.Subject,
            ["original_disposition"] = s => s.OriginalDisposition,
            ["requested_disposition"] = s => s.RequestedDisposition,
            ["outcome_disposition"] = s => s.OutcomeDisposition,
            ["requested_at"] = s => s.RequestedAt.UtcTicks.ToString("D20", CultureInfo.InvariantCulture),
        };

        public static void Register(Router router) => router.Add("GET", "submissions", List);

        private static SimulatedResponse List(RequestContext context)
        {
            QueryParameters query = context.Query;
            if (!context.Is2026)
            {
                query.RejectUnknown("order", "direction");
            }
            string? order = query.GetEnum("order", OrderKeys.Keys.ToList());
            bool descending = (query.GetEnum("direction", Directions) ?? (order == null ? "desc" : "asc")) == "desc";
            Func<Submission, string?> key = OrderKeys[order ?? "requested_at"];
            (DateTimeOffset start, DateTimeOffset end) = Validation.DateRange(query, context.Now);
            bool? escalatedFromUser = query.GetBool("escalated_from_user");
            string? original = query.GetEnum("original_disposition", Dispositions);
            string? outcome = query.GetEnum("outcome_disposition", Dispositions);
            string? requested = query.GetEnum("requested_disposition", Dispositions);
            string? type = query.GetEnum("type", Types);
            string? status = query.Get("status");
            string? submissionId = query.Get("submission_id");
            string? term = query.Get("query");

            List<Submission> matching = context.Account.Submissions
                .Where(s => s.RequestedAt >= start && s.RequestedAt <= end)
                .Where(s => escalatedFromUser == null || (s.EscalatedSubmissionId != null) == escalatedFromUser)
                .Where(s => original == null || s.OriginalDisposition == original)
                .Where(s => outcome == null || s.OutcomeDisposition == outcome)
                .Where(s => requested == null || s.RequestedDisposition == requested)
                .Where(s => type == null || string.Equals(s.Type, type, StringComparison.OrdinalIgnoreCase))
                .Where(s => status == null || string.Equals(s.Status, status, StringComparison.OrdinalIgnoreCase))
                .Where(s => submissionId == null || s.SubmissionId == submissionId)
                .Where(s => term == null || Searchable(s).Any(text => Validation.ContainsIgnoreCase(text, term)))
                .ToList();
            matching = (descending
                    ? matching.OrderByDescending(key, StringComparer.OrdinalIgnoreCase)
                    : matching.OrderBy(key, StringComparer.OrdinalIgnoreCase))
                .ThenBy(s => s.SubmissionId, StringComparer.Ordinal)
                .ToList();
            return Paging.ByPage(matching, query, s => s.ToJson());
        }

        private static IEnumerable<string?> Searchable(Submission s)
        {
            yield return s.Subject;
            yield return s.SubmissionId;
            yield return s.RequestedBy;
            yield return s.OriginalPostfixId;
        }
    }
}
