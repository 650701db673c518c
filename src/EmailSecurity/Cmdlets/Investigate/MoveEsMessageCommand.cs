using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>
    /// Moves messages to a mailbox folder. Ids piped in are collected and sent in bulk requests of -BatchSize
    /// (<c>POST /investigate/move</c>); a lone id uses <c>POST /investigate/{id}/move</c>. Every id ends up either in a
    /// result object or in an error record naming it.
    /// </summary>
    [Cmdlet(VerbsCommon.Move, "EsMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MessageMoveResult))]
    public sealed class MoveEsMessageCommand : EsApiCmdlet
    {
        private readonly List<string> pending = new List<string>();
        private readonly HashSet<string> seen = new HashSet<string>(StringComparer.Ordinal);
        private bool sentBatch;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("InvestigateId")]
        [ValidateApiId]
        public string[]? Id { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateSet(ApiValues.Folder.Inbox, ApiValues.Folder.JunkEmail, ApiValues.Folder.DeletedItems, ApiValues.Folder.RecoverableItemsDeletions, ApiValues.Folder.RecoverableItemsPurges)]
        public string Destination { get; set; } = string.Empty;

        [Parameter]
        [ValidateRange(1, ApiValues.MaxPageSize)]
        public int BatchSize { get; set; } = 100;

        private string Folder => new[]
        {
            ApiValues.Folder.Inbox, ApiValues.Folder.JunkEmail, ApiValues.Folder.DeletedItems,
            ApiValues.Folder.RecoverableItemsDeletions, ApiValues.Folder.RecoverableItemsPurges,
        }.First(f => string.Equals(f, Destination, StringComparison.OrdinalIgnoreCase));

        protected override void ProcessRecord()
        {
            foreach (var id in Id!)
            {
                if (!seen.Add(id))
                {
                    WriteVerbose($"Message {id} was given more than once; it is moved once.");
                    continue;
                }

                if (!ShouldProcess(id, $"Move to {Folder}"))
                {
                    continue;
                }

                pending.Add(id);
                if (pending.Count >= BatchSize)
                {
                    SendPending();
                }
            }
        }

        protected override void EndProcessing()
        {
            if (pending.Count == 1 && !sentBatch)
            {
                var id = pending[0];
                pending.Clear();
                Send(new[] { id }, (client, token) => client.SendAsync<List<MessageMoveResult>>(
                    ApiRequest.Post(ApiPath.Of("/investigate/", id, "/move"), new MoveBody(Folder, null)), token));
                return;
            }

            SendPending();
        }

        private void SendPending()
        {
            if (pending.Count == 0)
            {
                return;
            }

            var batch = pending.ToArray();
            pending.Clear();
            sentBatch = true;
            Send(batch, (client, token) => client.SendAsync<List<MessageMoveResult>>(
                ApiRequest.Post(ApiPath.Of("/investigate/move"), new MoveBody(Folder, batch)), token));
        }

        private void Send(string[] ids, Func<EsApiClient, CancellationToken, Task<ApiResult<List<MessageMoveResult>>>> call)
        {
            WriteVerbose($"Moving {ids.Length} message(s) to {Folder}.");
            RunApi(async (client, bridge, token) =>
            {
                List<MessageMoveResult> results;
                try
                {
                    results = (await call(client, token).ConfigureAwait(false)).Result ?? new List<MessageMoveResult>();
                }
                catch (EsApiException failure)
                {
                    // The batch as a whole failed: every id it held gets its own error record.
                    bridge.Post(() =>
                    {
                        foreach (var id in ids)
                        {
                            WriteError(ErrorRecords.From(failure, id));
                        }
                    });
                    return;
                }

                if (ids.Length == 1)
                {
                    foreach (var result in results.Where(r => string.IsNullOrEmpty(r.MessageId)))
                    {
                        result.MessageId = ids[0];
                    }
                }

                bridge.Post(() => Report(ids, results));
            }, ids.Length == 1 ? ids[0] : (object)ids);
        }

        private void Report(string[] ids, List<MessageMoveResult> results)
        {
            foreach (var result in results)
            {
                WriteObject(result);
                if (!result.Success)
                {
                    WriteError(new ErrorRecord(
                        new InvalidOperationException($"Message {result.MessageId} was not moved to {Folder}{(result.Recipient != null ? " for " + result.Recipient : string.Empty)}: {result.Status ?? "the API gave no reason"}."),
                        "EsMoveFailed",
                        ErrorCategory.InvalidResult,
                        result.MessageId));
                }
            }

            var answered = new HashSet<string>(results.Select(r => r.MessageId ?? string.Empty), StringComparer.Ordinal);
            foreach (var id in ids.Where(id => !answered.Contains(id)))
            {
                WriteError(new ErrorRecord(
                    new InvalidOperationException($"The API reported no outcome for message {id}; it may not have been moved. Check it with Get-EsMessage -Id."),
                    "EsMoveNoOutcome",
                    ErrorCategory.InvalidResult,
                    id));
            }
        }

        private sealed class MoveBody
        {
            public MoveBody(string destination, string[]? ids)
            {
                Destination = destination;
                Ids = ids;
            }

            [JsonPropertyName("destination")]
            public string Destination { get; }

            [JsonPropertyName("ids")]
            public string[]? Ids { get; }
        }
    }
}
