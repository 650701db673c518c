using System.Management.Automation;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>
    /// Lists the messages of bulk action jobs (<c>GET /investigate/bulk/{job_id}/messages</c>), one entry per message
    /// and recipient mailbox, with what the job did there.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EsBulkActionMessage", SupportsPaging = true)]
    [OutputType(typeof(BulkActionMessage))]
    public sealed class GetEsBulkActionMessageCommand : EsApiCmdlet
    {
        /// <summary>The job's id (a job piped in gives its own).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("JobId", "Identity")]
        [ApiIdText(typeof(BulkAction), "JobId")]
        [ValidateApiId]
        [ArgumentCompleter(typeof(Completion.BulkActionIdCompleter))]
        public string[]? Id { get; set; }

        /// <summary>
        /// The object piped in, whatever it is: its connection is used (see EsApiCmdlet.ConnectionFor).
        /// </summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        [Parameter]
        [ApiQuery("status")]
        [ValidateSet(
            ApiValues.BulkAction.Pending, ApiValues.BulkAction.Processing, ApiValues.BulkAction.Completed,
            ApiValues.BulkAction.Failed, ApiValues.BulkAction.Cancelled, ApiValues.BulkAction.Skipped)]
        public string? Status { get; set; }

        [Parameter]
        [ValidateRange(1, ApiValues.MaxPageSize)]
        public int PageSize { get; set; } = ApiValues.MaxPageSize;

        protected override void ProcessRecord()
        {
            foreach (var (_, connection, ids) in IdsByConnection(Id!, InputObject))
            {
                foreach (var id in ids)
                {
                    WritePaged<BulkActionMessage>(
                        BoundApiValues.AddQuery(this, ApiCatalog.Investigate.BulkActionMessages.Request(id)), PageSize,
                        connection: connection);
                }
            }
        }
    }
}
