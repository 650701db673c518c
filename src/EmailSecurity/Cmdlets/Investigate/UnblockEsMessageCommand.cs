using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>
    /// Releases quarantined messages to their recipients: <c>POST /investigate/release</c> with batches of piped ids
    /// (the API has no single-message form). A release puts what was held as a threat in the mailboxes, so it asks
    /// first (ConfirmImpact High, as Exchange Online's Release-QuarantineMessage does); -Force skips the question.
    /// </summary>
    [Cmdlet(VerbsSecurity.Unblock, "EsMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [Alias("Release-EsMessage")]
    [OutputType(typeof(ReleaseResult))]
    public sealed class UnblockEsMessageCommand : BatchedIdCmdlet<ReleaseResult>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("InvestigateId", "Identity")]
        [ApiIdText(typeof(Message), "InvestigateId")]
        [ValidateApiId]
        [ArgumentCompleter(typeof(Completion.MessageIdCompleter))]
        public string[]? Id { get; set; }

        [Parameter]
        [ValidateRange(1, ApiValues.MaxPageSize)]
        public int BatchSize { get; set; } = 100;

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override bool Forced => Force;

        protected override IEnumerable<string> IdsOfRecord => Id!;

        protected override int BatchLimit => BatchSize;

        protected override string Action => "Release from quarantine";

        protected override string FailureErrorId => "EsReleaseFailed";

        internal override ApiRequest? SingleRequest(string id) => null;

        internal override ApiRequest BulkRequest(IReadOnlyList<string> ids) =>
            ApiCatalog.Investigate.Release.Request().WithIds(ids);

        protected override string? IdOf(ReleaseResult result) => result.Id;

        protected override void AssignId(ReleaseResult result, string id) => result.Id = id;

        protected override string? FailureOf(ReleaseResult result) => result.Failed?.Count > 0
            ? $"the release failed for {string.Join(", ", result.Failed)}."
            : null;

        protected override string? WarningOf(ReleaseResult result) => result.Undelivered?.Count > 0
            ? $"Message {result.Id} was not delivered to {string.Join(", ", result.Undelivered)}; it may not have " +
                $"been in quarantine. See its delivery log with Get-EsMessageTrace -Id {result.Id}."
            : null;
    }
}
