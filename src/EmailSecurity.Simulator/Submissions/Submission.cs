using System;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Submissions
{
    /// <summary>A request to reclassify a message, by the security team ("Team") or an end user ("User").</summary>
    internal sealed class Submission
    {
        public string SubmissionId { get; set; } = "";
        public DateTimeOffset RequestedAt { get; set; }
        public string Type { get; set; } = "Team";
        public string? RequestedBy { get; set; }
        public string? RequestedDisposition { get; set; }
        public string? OriginalDisposition { get; set; }
        public string? OriginalEdfHash { get; set; }
        public string? OriginalPostfixId { get; set; }
        public string? Subject { get; set; }
        public string Status { get; set; } = "pending";
        public string CustomerStatus { get; set; } = "unreviewed";
        public string? Outcome { get; set; }
        public string? OutcomeDisposition { get; set; }
        public string? EscalatedAs { get; set; }
        public DateTimeOffset? EscalatedAt { get; set; }
        public string? EscalatedBy { get; set; }

        /// <summary>
        /// The end user's submission this one escalates; such a submission counts as escalated from a user.
        /// </summary>
        public string? EscalatedSubmissionId { get; set; }

        public JsonObject ToJson() => new JsonObject
        {
            ["requested_at"] = Json.Date(RequestedAt),
            ["submission_id"] = SubmissionId,
            ["customer_status"] = CustomerStatus,
            ["escalated_as"] = EscalatedAs,
            ["escalated_at"] = Json.Date(EscalatedAt),
            ["escalated_by"] = EscalatedBy,
            ["escalated_submission_id"] = EscalatedSubmissionId,
            ["original_disposition"] = OriginalDisposition,
            ["original_edf_hash"] = OriginalEdfHash,
            ["original_postfix_id"] = OriginalPostfixId,
            ["outcome"] = Outcome,
            ["outcome_disposition"] = OutcomeDisposition,
            ["requested_by"] = RequestedBy,
            ["requested_disposition"] = RequestedDisposition,
            ["requested_ts"] = Json.FormatDate(RequestedAt),
            ["status"] = Status,
            ["subject"] = Subject,
            ["type"] = Type,
        };
    }
}
