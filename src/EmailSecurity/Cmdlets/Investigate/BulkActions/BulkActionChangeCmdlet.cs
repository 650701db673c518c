using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>
    /// What stopping and removing bulk action jobs share: jobs (or ids) piped in, one request per job, in order.
    /// </summary>
    public abstract class BulkActionChangeCmdlet : EsChangeCmdlet
    {
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

        protected override string ChangedNoun => "bulk action job";

        /// <summary>The change, as -WhatIf names it.</summary>
        protected abstract string Action { get; }

        /// <summary>Sends the change of one job.</summary>
        internal abstract Task SendAsync(EsApiClient client, PipelineBridge bridge, string id, CancellationToken token);

        protected override void ProcessRecord()
        {
            foreach (var (_, connection, ids) in IdsByConnection(Id!, InputObject))
            {
                ForEachTarget(ids, id =>
                {
                    if (ShouldProcess(id, Action))
                    {
                        RunChange(Action, id, connection,
                            (client, bridge, token) => SendAsync(client, bridge, id, token));
                    }
                });
            }
        }
    }
}
