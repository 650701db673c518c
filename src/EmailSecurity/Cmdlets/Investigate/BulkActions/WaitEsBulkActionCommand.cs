using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>
    /// Waits, as Wait-Job does, until bulk action jobs have ended (COMPLETED, FAILED or CANCELLED), polling
    /// <c>GET /investigate/bulk/{job_id}</c> with a progress bar per job; writes each job as it ends. A job still
    /// running after -Timeout gets an error record of its own.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "EsBulkAction")]
    [OutputType(typeof(BulkAction))]
    public sealed class WaitEsBulkActionCommand : EsApiCmdlet
    {
        private readonly List<(EsConnection Connection, string Id)> jobs = new List<(EsConnection, string)>();

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

        /// <summary>
        /// Seconds to wait at most, as Wait-Job's -Timeout; -1 (the default) waits until every job has ended.
        /// </summary>
        [Parameter]
        [Alias("TimeoutSec")]
        [ValidateRange(-1, int.MaxValue)]
        public int Timeout { get; set; } = -1;

        protected override void ProcessRecord()
        {
            foreach (var (_, connection, ids) in IdsByConnection(Id!, InputObject))
            {
                jobs.AddRange(ids.Select(id => (connection, id)));
            }
        }

        /// <summary>All jobs are waited for together, so -Timeout bounds the whole wait, as with Wait-Job.</summary>
        protected override void EndProcessing() =>
            BulkActionWaiter.Wait(this, jobs, Timeout < 0 ? (TimeSpan?)null : TimeSpan.FromSeconds(Timeout));
    }
}
