using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>
    /// Moves messages to a mailbox folder: <c>POST /investigate/move</c> with batches of piped ids, or
    /// <c>POST /investigate/{id}/move</c> for a lone id.
    /// </summary>
    [Cmdlet(VerbsCommon.Move, "EsMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MessageMoveResult))]
    public sealed class MoveEsMessageCommand : BatchedIdCmdlet<MessageMoveResult>
    {
        private string? folder;
        private IReadOnlyDictionary<string, object?>? fields;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("InvestigateId", "Identity")]
        [ApiIdText(typeof(Message), "InvestigateId")]
        [ValidateApiId]
        [ArgumentCompleter(typeof(Completion.MessageIdCompleter))]
        public string[]? Id { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ApiField("destination")]
        [ValidateSet(ApiValues.Folder.Inbox, ApiValues.Folder.JunkEmail, ApiValues.Folder.DeletedItems,
            ApiValues.Folder.RecoverableItemsDeletions, ApiValues.Folder.RecoverableItemsPurges)]
        public string Destination { get; set; } = string.Empty;

        [Parameter]
        [ValidateRange(1, ApiValues.MaxPageSize)]
        public int BatchSize { get; set; } = 100;

        private string Folder => folder ??= BoundApiValues.InSetSpelling(this, nameof(Destination));

        private IReadOnlyDictionary<string, object?> Fields => fields ??= BoundApiValues.Body(this);

        protected override IEnumerable<string> IdsOfRecord => Id!;

        protected override int BatchLimit => BatchSize;

        protected override string Action => $"Move to {Folder}";

        protected override string FailureErrorId => "EsMoveFailed";

        // A purge takes the message out of the users' reach (Recoverable Items\Purges): ask as a High impact cmdlet
        // would.
        protected override string? HighImpactQuestion => Folder == ApiValues.Folder.RecoverableItemsPurges
            ? "Purged messages leave the mailbox folders users and their clients can reach; only an administrator " +
                "can recover them, until the retention period deletes them. Purge this message?"
            : null;

        internal override ApiRequest? SingleRequest(string id) =>
            ApiCatalog.Investigate.Move.Request(id).WithFields(Fields);

        internal override ApiRequest BulkRequest(IReadOnlyList<string> ids) =>
            ApiCatalog.Investigate.MoveBulk.Request().WithFields(Fields).WithIds(ids);

        protected override string? IdOf(MessageMoveResult result) => result.InvestigateId;

        protected override void AssignId(MessageMoveResult result, string id) => result.InvestigateId = id;

        protected override string? FailureOf(MessageMoveResult result) => result.Success
            ? null
            : $"{result.Status ?? "the API gave no reason"}" +
                $"{(result.Recipient != null ? $" (recipient {result.Recipient})" : string.Empty)}.";
    }
}
