using System;
using System.Management.Automation;

namespace EmailSecurity.Models
{
    /// <summary>
    /// A reclassification that <c>Submit-EsReclassification -PassThru</c> sent. The API only acknowledges it; the
    /// review happens later and shows up in <c>Get-EsSubmission</c>.
    /// </summary>
    public sealed class ReclassificationRequest : IMessageResult
    {
        public ReclassificationRequest(string investigateId, string expectedDisposition, string? escalatedSubmissionId, bool emlIncluded, DateTimeOffset submittedAt)
        {
            InvestigateId = investigateId;
            ExpectedDisposition = expectedDisposition;
            EscalatedSubmissionId = escalatedSubmissionId;
            EmlIncluded = emlIncluded;
            SubmittedAt = submittedAt;
        }

        /// <summary>The investigate id of the message.</summary>
        public string InvestigateId { get; }

        /// <summary>InvestigateId's former name, kept (hidden) for scripts: a Message's MessageId is its Message-ID header.</summary>
        [Hidden]
        public string MessageId => InvestigateId;

        public string ExpectedDisposition { get; }

        /// <summary>The end user's submission this one escalates, if any.</summary>
        public string? EscalatedSubmissionId { get; }

        /// <summary>True when the EML content was sent for reanalysis.</summary>
        public bool EmlIncluded { get; }

        /// <summary>When the API acknowledged the request, by this computer's clock (UTC).</summary>
        public DateTimeOffset SubmittedAt { get; }

        public override string ToString() => $"{InvestigateId} -> {ExpectedDisposition}";
    }
}
