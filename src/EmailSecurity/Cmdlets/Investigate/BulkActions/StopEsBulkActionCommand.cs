using System.Management.Automation;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>
    /// Cancels bulk action jobs (<c>POST /investigate/bulk/{job_id}/cancel</c>): the messages they have not acted on
    /// yet are left as they are. What a job already did stays done.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "EsBulkAction", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(BulkAction))]
    public sealed class StopEsBulkActionCommand : BulkActionChangeCmdlet
    {
        /// <summary>Writes the cancelled job.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string Action => "Cancel the bulk job: leave the messages it has not acted on yet";

        internal override async Task SendAsync(
            EsApiClient client,
            PipelineBridge bridge,
            string id,
            CancellationToken token)
        {
            var answer = await client.SendAsync<BulkAction>(ApiCatalog.Investigate.CancelBulkAction.Request(id), token)
                .ConfigureAwait(false);
            if (PassThru)
            {
                bridge.Post(() => WriteObject(answer.Result));
            }
        }

        internal override Refusal? Explain(EsApiException refused, string target) =>
            refused.StatusCode == HttpStatusCode.Conflict
            ? new Refusal(
                "EsBulkActionAlreadyFinished",
                ErrorCategory.InvalidOperation,
                $"Bulk action job {target} has already ended, so there is nothing to stop. {refused.Message}",
                $"See how it ended with Get-EsBulkAction -Id {Quoted(target)}.")
            : null;
    }
}
