using System.Management.Automation;
using System.Net;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>
    /// Removes finished bulk action jobs (<c>DELETE /investigate/bulk/{job_id}</c>) from the lists; the messages keep what
    /// the job did to them. The API refuses a job that has not ended, and the error says how to end it.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "EsBulkAction", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class RemoveEsBulkActionCommand : EsChangeCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("JobId")]
        [ApiIdText(typeof(BulkAction), "JobId")]
        [ValidateApiId]
        [ArgumentCompleter(typeof(Completion.BulkActionIdCompleter))]
        public string[]? Id { get; set; }

        protected override string ChangedNoun => "bulk action job";

        protected override void ProcessRecord() => ForEachTarget(Id!, id =>
        {
            const string action = "Remove the finished bulk job from the lists";
            if (!ShouldProcess(id, action))
            {
                return;
            }

            RunChange(action, id, (client, bridge, token) => client.SendAsync<System.Text.Json.JsonElement>(
                ApiCatalog.CollectionOf<BulkAction>().Delete.Request(id), token));
        });

        internal override Refusal? Explain(EsApiException refused, string target) => refused.StatusCode == HttpStatusCode.Conflict
            ? new Refusal(
                "EsBulkActionNotFinished",
                ErrorCategory.InvalidOperation,
                $"Bulk action job {target} has not ended: only a COMPLETED, FAILED or CANCELLED job can be removed. {refused.Message}",
                $"Wait for it with Wait-EsBulkAction -Id {Quoted(target)}, or stop it with Stop-EsBulkAction -Id {Quoted(target)}, then remove it.")
            : null;
    }
}
