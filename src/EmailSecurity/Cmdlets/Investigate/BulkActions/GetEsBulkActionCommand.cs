using System.Management.Automation;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>
    /// Lists bulk action jobs (<c>GET /investigate/bulk</c>) or reads jobs by id (<c>GET
    /// /investigate/bulk/{job_id}</c>).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EsBulkAction", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(BulkAction))]
    public sealed class GetEsBulkActionCommand : EsApiCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true,
            ValueFromPipelineByPropertyName = true)]
        [Alias("JobId", "Identity")]
        [ApiIdText(typeof(BulkAction), "JobId")]
        [ValidateApiId]
        [ArgumentCompleter(typeof(Completion.BulkActionIdCompleter))]
        public string[]? Id { get; set; }

        /// <summary>
        /// The object piped in, whatever it is: its connection is used (see EsApiCmdlet.ConnectionFor).
        /// </summary>
        [Parameter(ParameterSetName = ByIdSet, ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("status")]
        [ValidateSet(
            ApiValues.BulkAction.Pending, ApiValues.BulkAction.Discovering, ApiValues.BulkAction.Processing,
            ApiValues.BulkAction.Completed, ApiValues.BulkAction.Failed, ApiValues.BulkAction.Cancelled)]
        public string? Status { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("action_type")]
        [ValidateSet(ApiValues.BulkAction.Move, ApiValues.BulkAction.Release)]
        public string? Action { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, ApiValues.MaxPageSize)]
        public int PageSize { get; set; } = ApiValues.MaxPageSize;

        private static ApiCollection Jobs => ApiCatalog.CollectionOf<BulkAction>();

        protected override void BeginProcessing()
        {
            if (ParameterSetName == ByIdSet)
            {
                WarnPagingUnusedWithIds();
            }

            base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ListSet)
            {
                WritePaged<BulkAction>(BoundApiValues.AddQuery(this, Jobs.List.Request()), PageSize);
                return;
            }

            foreach (var (_, connection, ids) in IdsByConnection(Id!, InputObject))
            {
                foreach (var id in ids)
                {
                    RunApi(async (client, bridge, token) =>
                    {
                        var answer =
                            await client.SendAsync<BulkAction>(Jobs.Get.Request(id), token).ConfigureAwait(false);
                        bridge.Post(() => WriteObject(answer.Result));
                    }, id, connection: connection);
                }
            }
        }
    }
}
