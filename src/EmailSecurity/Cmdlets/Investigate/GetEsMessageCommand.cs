using System;
using System.Management.Automation;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>
    /// Searches messages across the tenant (<c>GET /investigate</c>, cursor paging, streamed page by page) or reads
    /// messages by investigate id (<c>GET /investigate/{id}</c>).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EsMessage", DefaultParameterSetName = SearchSet, SupportsPaging = true)]
    [OutputType(typeof(Message))]
    public sealed class GetEsMessageCommand : EsApiCmdlet
    {
        private const string SearchSet = "Search";
        private const string ByIdSet = "ById";

        [Parameter(ParameterSetName = SearchSet, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Query { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [ValidateNotNullOrEmpty]
        public string? Sender { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [ValidateNotNullOrEmpty]
        public string? Recipient { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [ValidateNotNullOrEmpty]
        public string? Subject { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [ValidateNotNullOrEmpty]
        public string? Domain { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [ValidateSet(ApiValues.SearchDisposition.Malicious, ApiValues.SearchDisposition.Suspicious, ApiValues.SearchDisposition.Spoof, ApiValues.SearchDisposition.Spam, ApiValues.SearchDisposition.Bulk, ApiValues.SearchDisposition.None)]
        public string? Disposition { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [ValidateSet(ApiValues.MessageAction.Preview, ApiValues.MessageAction.QuarantineReleased, ApiValues.MessageAction.Moved)]
        public string? MessageAction { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [ValidateNotNullOrEmpty]
        public string? AlertId { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [ValidateNotNullOrEmpty]
        public string? MessageId { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [ValidateNotNullOrEmpty]
        public string? Metric { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        public SwitchParameter DetectionsOnly { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [DateTimeOffsetInput]
        public DateTime? Start { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [DateTimeOffsetInput]
        public DateTime? End { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [ValidateRange(1, ApiValues.MaxPageSize)]
        public int PageSize { get; set; } = ApiValues.MaxPageSize;

        /// <summary>Requests of a long search under way at once, each reading a time window; 1 reads one page after another.</summary>
        [Parameter(ParameterSetName = SearchSet)]
        [ValidateRange(1, TimePartitioning.MaxConcurrency)]
        public int ThrottleLimit { get; set; } = TimePartitioning.DefaultConcurrency;

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("InvestigateId")]
        [ApiIdText(typeof(Message), "InvestigateId")]
        [ValidateApiId]
        [ArgumentCompleter(typeof(Completion.MessageIdCompleter))]
        public string[]? Id { get; set; }

        [Parameter(ParameterSetName = ByIdSet)]
        public SwitchParameter Submission { get; set; }

        protected override void BeginProcessing()
        {
            if (DateRange.Problem(Start, End) is ErrorRecord problem)
            {
                ThrowTerminatingError(problem);
            }

            if (ParameterSetName == ByIdSet)
            {
                WarnPagingUnusedWithIds();
            }

            base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id!)
                {
                    var request = ApiRequest.Get(ApiPath.Of("/investigate/", id)).WithQuery("submission", Submission.IsPresent ? true : (bool?)null);
                    RunApi(async (client, bridge, token) =>
                    {
                        var answer = await client.SendAsync<Message>(request, token).ConfigureAwait(false);
                        bridge.Post(() => WriteObject(answer.Result));
                    }, id);
                }

                return;
            }

            var search = ApiRequest.Get(ApiPath.Of("/investigate"))
                .WithQuery("query", Query)
                .WithQuery("sender", Sender)
                .WithQuery("recipient", Recipient)
                .WithQuery("subject", Subject)
                .WithQuery("domain", Domain)
                .WithQuery("final_disposition", Disposition?.ToUpperInvariant())
                .WithQuery("message_action", MessageAction?.ToUpperInvariant())
                .WithQuery("alert_id", AlertId)
                .WithQuery("message_id", MessageId)
                .WithQuery("metric", Metric)
                .WithQuery("detections_only", DetectionsOnly.IsPresent ? true : (bool?)null)
                .WithQuery("start", ToOffset(Start))
                .WithQuery("end", ToOffset(End));
            WritePaged(search, PagingStyle.Cursor, PageSize, TimePartitioning.MessagesByScanTime(ThrottleLimit));
        }

        private static DateTimeOffset? ToOffset(DateTime? value) => value.HasValue ? DateRange.Instant(value.Value) : (DateTimeOffset?)null;
    }
}
