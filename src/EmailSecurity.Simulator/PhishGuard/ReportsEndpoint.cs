using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.PhishGuard
{
    /// <summary>
    /// GET /phishguard/reports, newest first, filtered on created_at: one unpaged list in the seed (which refuses
    /// page and per_page), page by page in 2026-10.
    /// </summary>
    internal static class ReportsEndpoint
    {
        public static void Register(Router router) => router.Add("GET", "phishguard/reports", List);

        /// <summary>start/end win over the deprecated from_date/to_date (YYYY-MM-DD, to_date inclusive).</summary>
        private static SimulatedResponse List(RequestContext context)
        {
            QueryParameters query = context.Query;
            if (!context.Is2026)
            {
                query.RejectUnknown("page", "per_page");
            }
            DateTimeOffset? fromDate = query.GetIsoDate("from_date");
            DateTimeOffset? toDate = query.GetIsoDate("to_date")?.AddDays(1).AddTicks(-1);
            DateTimeOffset end = query.GetDate("end") ?? toDate ?? context.Now;
            DateTimeOffset start = query.GetDate("start") ?? fromDate ?? context.Now.AddDays(-30);
            if (start > end)
            {
                throw ApiException.Invalid("start", "must not be later than end");
            }
            List<PhishGuardReport> reports = context.Account.Reports
                .Where(r => r.CreatedAt >= start && r.CreatedAt <= end)
                .OrderByDescending(r => r.CreatedAt)
                .ThenByDescending(r => r.Id)
                .ToList();
            return context.Is2026
                ? Paging.ByPage(reports, query, r => r.ToJson())
                : Envelope.Ok(Json.Array(reports.Select(r => (JsonNode)r.ToJson())));
        }
    }
}
