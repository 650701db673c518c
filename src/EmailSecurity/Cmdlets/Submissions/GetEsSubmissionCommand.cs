using System;
using System.Management.Automation;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Submissions
{
    /// <summary>
    /// Lists reclassification requests made by the security team or end users (<c>GET /submissions</c>, page
    /// numbers, streamed page by page).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EsSubmission", SupportsPaging = true)]
    [OutputType(typeof(Submission))]
    public sealed class GetEsSubmissionCommand : EsApiCmdlet
    {
        [Parameter(Position = 0)]
        [ApiQuery("query")]
        [ValidateNotNullOrEmpty]
        public string? Query { get; set; }

        [Parameter]
        [ApiQuery("submission_id")]
        [ValidateNotNullOrEmpty]
        public string? SubmissionId { get; set; }

        [Parameter]
        [ApiQuery("type")]
        [ValidateSet(ApiValues.SubmissionType.Team, ApiValues.SubmissionType.User)]
        public string? Type { get; set; }

        [Parameter]
        [ApiQuery("status")]
        [ValidateNotNullOrEmpty]
        public string? Status { get; set; }

        [Parameter]
        [ApiQuery("requested_disposition")]
        [ValidateSet(ApiValues.SearchDisposition.Malicious, ApiValues.SearchDisposition.Suspicious,
            ApiValues.SearchDisposition.Spoof, ApiValues.SearchDisposition.Spam, ApiValues.SearchDisposition.Bulk,
            ApiValues.SearchDisposition.None)]
        public string? RequestedDisposition { get; set; }

        [Parameter]
        [ApiQuery("original_disposition")]
        [ValidateSet(ApiValues.SearchDisposition.Malicious, ApiValues.SearchDisposition.Suspicious,
            ApiValues.SearchDisposition.Spoof, ApiValues.SearchDisposition.Spam, ApiValues.SearchDisposition.Bulk,
            ApiValues.SearchDisposition.None)]
        public string? OriginalDisposition { get; set; }

        [Parameter]
        [ApiQuery("outcome_disposition")]
        [ValidateSet(ApiValues.SearchDisposition.Malicious, ApiValues.SearchDisposition.Suspicious,
            ApiValues.SearchDisposition.Spoof, ApiValues.SearchDisposition.Spam, ApiValues.SearchDisposition.Bulk,
            ApiValues.SearchDisposition.None)]
        public string? OutcomeDisposition { get; set; }

        /// <summary>True: only submissions escalated from an end user's; false: only the others.</summary>
        /// <summary>The field to sort by (newer API only).</summary>
        [Parameter]
        [ApiQuery("order")]
        [ValidateSet("submission_id", "subject", "original_disposition", "requested_disposition", "outcome_disposition",
            "requested_at")]
        public string? Order { get; set; }

        /// <summary>The sort direction (newer API only).</summary>
        [Parameter]
        [ApiQuery("direction")]
        [ValidateSet("asc", "desc")]
        public string? Direction { get; set; }

        [Parameter]
        [ApiQuery("escalated_from_user")]
        public bool? EscalatedFromUser { get; set; }

        [Parameter]
        [Alias("StartDate")]
        [ApiQuery("start")]
        [DateTimeOffsetInput]
        public DateTime? Start { get; set; }

        [Parameter]
        [Alias("EndDate")]
        [ApiQuery("end")]
        [DateTimeOffsetInput]
        public DateTime? End { get; set; }

        [Parameter]
        [ValidateRange(1, ApiValues.MaxPageSize)]
        public int PageSize { get; set; } = ApiValues.MaxPageSize;

        /// <summary>Exchange Online's spelling of -First: a number of submissions, or Unlimited.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResultSizeCompleter))]
        public string? ResultSize { get; set; }

        protected override void BeginProcessing()
        {
            if (DateRange.Problem(Start, End) is ErrorRecord problem)
            {
                ThrowTerminatingError(problem);
            }

            if (ResultSize != null
                && Cmdlets.ResultSize.Apply(ResultSize, PagingParameters, IsBound("First")) is ErrorRecord wrongSize)
            {
                ThrowTerminatingError(wrongSize);
            }

            base.BeginProcessing();
        }

        protected override void ProcessRecord() =>
            WritePaged<Submission>(BoundApiValues.AddQuery(this, ApiCatalog.Submissions.List.Request()), PageSize);
    }
}
