using System;
using System.Linq;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.PhishGuard
{
    /// <summary>GET /phishguard/reports: one unpaged list, newest first, filtered on created_at.</summary>
    internal static class ReportsEndpoint
    {
        public static void Register(Router router) => router.Add("GET", "phishguard/reports", List);

        /// <summary>start/end win over the deprecated from_date/to_date (YYYY-MM-DD, to_date inclusive).</summary>
        private static SimulatedResponse List(RequestContext context)
        {
            QueryParameters query = context.Query;
            DateTimeOffset? fromDate = query.GetIsoDate("from_date");
            DateTimeOffset? toDate = query.GetIsoDate("to_date")?.AddDays(1).AddTicks(-1);
            DateTimeOffset end = query.GetDate("end") ?? toDate ?? context.Now;
            DateTimeOffset start = query.GetDate("start") ?? fromDate ?? context.Now.AddDays(-30);
            if (start > end)
            {
                throw ApiException.Invalid("start", "must not be later than end");
            }
            return Envelope.Ok(Json.Array(context.Account.Reports
                .Where(r => r.CreatedAt >= start && r.CreatedAt <= end)
                .OrderByDescending(r => r.CreatedAt)
                .ThenByDescending(r => r.Id)
                .Select(r => r.ToJson())));
        }
    }
}
