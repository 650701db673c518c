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
        public ReclassificationRequest(
            string investigateId,
            string expectedDisposition,
            string? escalatedSubmissionId,
            bool emlIncluded,
            DateTimeOffset submittedAt)
        {
            InvestigateId = investigateId;
            ExpectedDisposition = expectedDisposition;
            EscalatedSubmissionId = escalatedSubmissionId;
            EmlIncluded = emlIncluded;
            SubmittedAt = submittedAt;
        }

        /// <summary>The investigate id of the message.</summary>
        [TableColumn(2, Width = 46)]
        [ListItem(1)]
        public string InvestigateId { get; }

        /// <summary>
        /// InvestigateId's former name, kept (hidden) for scripts: a Message's MessageId is its Message-ID header.
        /// </summary>
        [Hidden]
        public string MessageId => InvestigateId;

        [TableColumn(3, Width = 13, Label = "Expected")]
        [ListItem(2)]
        public string ExpectedDisposition { get; }

        /// <summary>The end user's submission this one escalates, if any.</summary>
        [TableColumn(5)]
        [ListItem(4)]
        public string? EscalatedSubmissionId { get; }

        /// <summary>True when the EML content was sent for reanalysis.</summary>
        [TableColumn(4, Width = 3, Label = "Eml")]
        [ListItem(3)]
        public bool EmlIncluded { get; }

        /// <summary>When the API acknowledged the request, by this computer's clock (UTC).</summary>
        [TableColumn(1, Width = 16)]
        [ListItem(5)]
        public DateTimeOffset SubmittedAt { get; }

        public override string ToString() => $"{InvestigateId} -> {ExpectedDisposition}";
    }
}
