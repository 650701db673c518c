using System.Management.Automation;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>
    /// Removes finished bulk action jobs (<c>DELETE /investigate/bulk/{job_id}</c>) from the lists; the messages keep
    /// what the job did to them. The API refuses a job that has not ended, and the error says how to end it.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "EsBulkAction", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class RemoveEsBulkActionCommand : BulkActionChangeCmdlet
    {
        protected override string Action => "Remove the finished bulk job from the lists";

        internal override Task SendAsync(
            EsApiClient client,
            PipelineBridge bridge,
            string id,
            CancellationToken token) =>
            client.SendAsync<System.Text.Json.JsonElement>(ApiCatalog.CollectionOf<BulkAction>().Delete.Request(id),
                token);

        internal override Refusal? Explain(EsApiException refused, string target) =>
            refused.StatusCode == HttpStatusCode.Conflict
            ? new Refusal(
                "EsBulkActionNotFinished",
                ErrorCategory.InvalidOperation,
                $"Bulk action job {target} has not ended: only a COMPLETED, FAILED or CANCELLED job can be removed. " +
                $"{refused.Message}",
                $"Wait for it with Wait-EsBulkAction -Id {Quoted(target)}, or stop it with Stop-EsBulkAction -Id " +
                $"{Quoted(target)}, then remove it.")
            : null;
    }
}
