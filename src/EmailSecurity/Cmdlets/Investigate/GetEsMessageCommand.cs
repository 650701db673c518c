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

        private string? sender;
        private string? recipient;

        [Parameter(ParameterSetName = SearchSet, Position = 0)]
        [ApiQuery("query")]
        [ValidateNotNullOrEmpty]
        public string? Query { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [Alias("SenderAddress")]
        [ValidateNotNullOrEmpty]
        public string? Sender { get; set; }

        /// <summary>-Sender as the API takes it ('*@contoso.com' is sent as the domain).</summary>
        [ApiQuery("sender")]
        internal string? SenderFilter => sender;

        [Parameter(ParameterSetName = SearchSet)]
        [Alias("RecipientAddress")]
        [ValidateNotNullOrEmpty]
        public string? Recipient { get; set; }

        /// <summary>-Recipient as the API takes it.</summary>
        [ApiQuery("recipient")]
        internal string? RecipientFilter => recipient;

        [Parameter(ParameterSetName = SearchSet)]
        [ApiQuery("subject")]
        [ValidateNotNullOrEmpty]
        public string? Subject { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [ApiQuery("domain")]
        [ValidateNotNullOrEmpty]
        public string? Domain { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [ApiQuery("final_disposition")]
        [ValidateSet(ApiValues.SearchDisposition.Malicious, ApiValues.SearchDisposition.Suspicious,
            ApiValues.SearchDisposition.Spoof, ApiValues.SearchDisposition.Spam, ApiValues.SearchDisposition.Bulk,
            ApiValues.SearchDisposition.None)]
        public string? Disposition { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [ApiQuery("message_action")]
        [ValidateSet(ApiValues.MessageAction.Preview, ApiValues.MessageAction.QuarantineReleased,
            ApiValues.MessageAction.Moved)]
        public string? MessageAction { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [ApiQuery("alert_id")]
        [ValidateNotNullOrEmpty]
        public string? AlertId { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [ApiQuery("message_id")]
        [ValidateNotNullOrEmpty]
        public string? MessageId { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [ApiQuery(ApiCatalog.Investigate.ListMetric)]
        [ValidateNotNullOrEmpty]
        public string? Metric { get; set; }

        /// <summary>One delivery status (newer API only).</summary>
        [Parameter(ParameterSetName = SearchSet)]
        [ApiQuery("delivery_status")]
        [ValidateSet(ApiValues.DeliveryStatus.Delivered, ApiValues.DeliveryStatus.Moved,
            ApiValues.DeliveryStatus.Quarantined, ApiValues.DeliveryStatus.Rejected,
            ApiValues.DeliveryStatus.Deferred, ApiValues.DeliveryStatus.Bounced, ApiValues.DeliveryStatus.Queued,
            ApiValues.DeliveryStatus.MoveFailed)]
        public string? DeliveryStatus { get; set; }

        /// <summary>
        /// Resumes a search at the page this cursor names (-Verbose, and the error that stopped a search, show it).
        /// </summary>
        [Parameter(ParameterSetName = SearchSet)]
        [ApiQuery("cursor")]
        [ValidateNotNullOrEmpty]
        public string? Cursor { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [ApiQuery("detections_only")]
        public SwitchParameter DetectionsOnly { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [ApiQuery(ApiCatalog.Investigate.ListStart)]
        [Alias("StartDate")]
        [DateTimeOffsetInput]
        public DateTime? Start { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [ApiQuery(ApiCatalog.Investigate.ListEnd)]
        [Alias("EndDate")]
        [DateTimeOffsetInput]
        public DateTime? End { get; set; }

        /// <summary>Exchange Online's spelling of -First: a number of messages, or Unlimited.</summary>
        [Parameter(ParameterSetName = SearchSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResultSizeCompleter))]
        public string? ResultSize { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [ValidateRange(1, ApiValues.MaxPageSize)]
        public int PageSize { get; set; } = ApiValues.MaxPageSize;

        /// <summary>
        /// Requests of a long search under way at once, each reading a time window; 1 reads one page after another.
        /// </summary>
        [Parameter(ParameterSetName = SearchSet)]
        [ValidateRange(1, TimePartitioning.MaxConcurrency)]
        public int ThrottleLimit { get; set; } = TimePartitioning.DefaultConcurrency;

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipeline = true,
            ValueFromPipelineByPropertyName = true)]
        [Alias("InvestigateId", "Identity")]
        [ApiIdText(typeof(Message), "InvestigateId")]
        [ValidateApiId]
        [ArgumentCompleter(typeof(Completion.MessageIdCompleter))]
        public string[]? Id { get; set; }

        [Parameter(ParameterSetName = ByIdSet)]
        [ApiQuery("submission")]
        public SwitchParameter Submission { get; set; }

        /// <summary>
        /// The object piped in, whatever it is: its connection is used (see EsApiCmdlet.ConnectionFor).
        /// </summary>
        [Parameter(ParameterSetName = ByIdSet, ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

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
            else
            {
                sender = AddressFilter.ToApiValue(Sender, nameof(Sender), out var senderProblem);
                recipient = AddressFilter.ToApiValue(Recipient, nameof(Recipient), out var recipientProblem);
                if ((senderProblem ?? recipientProblem) is ErrorRecord wildcard)
                {
                    ThrowTerminatingError(wildcard);
                }

                if (ResultSize != null && Cmdlets.ResultSize.Apply(ResultSize, PagingParameters, IsBound("First"))
                    is ErrorRecord wrongSize)
                {
                    ThrowTerminatingError(wrongSize);
                }

                // A Message-ID header always has an '@' (RFC 5322); an id without one is most likely an investigate id,
                // which the results about a message carry (a move, a trace), and which this filter never matches.
                if (MessageId != null && MessageId.IndexOf('@') < 0)
                {
                    var value = ApiPath.Printable(MessageId);
                    WriteWarning("-MessageId takes a message's Message-ID header, such as <id@mail.contoso.com>, and "
                        + $"'{value}' has no '@'. If it is an investigate id (the Id of a message, the InvestigateId "
                        + $"of a result about one), read the message with Get-EsMessage -Id '{value}'.");
                }
            }

            base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByIdSet)
            {
                foreach (var (_, connection, ids) in IdsByConnection(Id!, InputObject))
                {
                    foreach (var id in ids)
                    {
                        var request = BoundApiValues.AddQuery(this, ApiCatalog.Investigate.Get.Request(id));
                        RunApi(async (client, bridge, token) =>
                        {
                            var answer = await client.SendAsync<Message>(request, token).ConfigureAwait(false);
                            bridge.Post(() => WriteObject(answer.Result));
                        }, id, connection: connection);
                    }
                }

                return;
            }

            var search = BoundApiValues.AddQuery(this, ApiCatalog.Investigate.List.Request());
            WritePaged(search, PageSize, TimePartitioning.MessagesByScanTime(ThrottleLimit));
        }
    }
}
