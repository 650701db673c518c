using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets
{
    /// <summary>
    /// Base of the cmdlets that act on many messages through a bulk endpoint (move, release). Ids from the pipeline
    /// are confirmed one by one (ShouldProcess), de-duplicated, collected, and sent in batches: a full batch at once,
    /// the rest at the end. Every id ends in an output object or in an error record that names it; a batch that fails
    /// in transit reports each id it held, and is not sent again unless the API said it did not process it (429).
    /// </summary>
    public abstract class BatchedIdCmdlet<TResult> : EsApiCmdlet
        where TResult : class
    {
        private readonly List<string> pending = new List<string>();
        private readonly HashSet<string> seen = new HashSet<string>(StringComparer.Ordinal);
        private bool sentBatch;
        private ulong sent;
        private int batches;
        private ProgressReporter? progress;
        private bool yesToAll;
        private bool noToAll;

        /// <summary>The ids bound for the current pipeline record.</summary>
        protected abstract IEnumerable<string> IdsOfRecord { get; }

        protected abstract int BatchLimit { get; }

        /// <summary>The ShouldProcess action text, e.g. "Move to JunkEmail".</summary>
        protected abstract string Action { get; }

        /// <summary>The request for one id; null when the API has only the bulk endpoint.</summary>
        internal abstract ApiRequest? SingleRequest(string id);

        internal abstract ApiRequest BulkRequest(IReadOnlyList<string> ids);

        /// <summary>The id a result belongs to (filled from the request when the API leaves it out for one id).</summary>
        protected abstract string? IdOf(TResult result);

        protected abstract void AssignId(TResult result, string id);

        /// <summary>Why a result is a failure for its id, or null when it is a success.</summary>
        protected abstract string? FailureOf(TResult result);

        protected abstract string FailureErrorId { get; }

        /// <summary>Something about a result the user should hear, though it is not a failure (written as a warning).</summary>
        protected virtual string? WarningOf(TResult result) => null;

        /// <summary>
        /// When set, this run asks as a ConfirmImpact High cmdlet would (the text is the question): a cmdlet's impact is
        /// fixed, but one destination (a purge) can be graver than the others.
        /// </summary>
        protected virtual string? HighImpactQuestion => null;

        protected override void ProcessRecord()
        {
            foreach (var id in IdsOfRecord)
            {
                if (!seen.Add(id))
                {
                    WriteVerbose($"Message {id} was given more than once; it is sent once.");
                    continue;
                }

                if (!ShouldProcess(id, Action) || !ConfirmedAsHighImpact(id))
                {
                    continue;
                }

                pending.Add(id);
                if (pending.Count >= BatchLimit)
                {
                    SendPending();
                }
            }
        }

        protected override void EndProcessing()
        {
            try
            {
                SendRemaining();
            }
            finally
            {
                progress?.Complete();
            }
        }

        /// <summary>
        /// The prompt a High impact cmdlet would show when neither -Confirm nor -Confirm:$false was given and
        /// $ConfirmPreference is not None. ShouldProcess has already asked when -Confirm was given.
        /// </summary>
        private bool ConfirmedAsHighImpact(string id)
        {
            var question = HighImpactQuestion;
            if (question == null || IsBound("Confirm"))
            {
                return true;
            }

            // ShouldProcess has already asked when $ConfirmPreference is at or below this cmdlet's own impact; None
            // means never ask.
            var impact = ((CmdletAttribute)Attribute.GetCustomAttribute(GetType(), typeof(CmdletAttribute))).ConfirmImpact;
            if (GetVariableValue("ConfirmPreference") is ConfirmImpact preference && (preference == ConfirmImpact.None || preference <= impact))
            {
                return true;
            }

            return ShouldContinue($"{question}{Environment.NewLine}{Action}: {id}", $"Confirm {Action}", ref yesToAll, ref noToAll);
        }

        private void SendRemaining()
        {
            var single = pending.Count == 1 && !sentBatch ? SingleRequest(pending[0]) : null;
            if (single != null)
            {
                var ids = pending.ToArray();
                pending.Clear();
                Send(ids, single);
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

            var ids = pending.ToArray();
            pending.Clear();
            sentBatch = true;
            Send(ids, BulkRequest(ids));
        }

        private void Send(string[] ids, ApiRequest request)
        {
            WriteVerbose($"{Action}: sending {ids.Length} message(s) in one request.");
            progress = progress ?? new ProgressReporter(this, $"{MyInvocation.MyCommand.Name}: {Action}");
            sent += (ulong)ids.Length;
            batches++;
            progress.Report(sent, null, $"request {batches}: {ids.Length} message(s)");
            RunApi(async (client, bridge, token) =>
            {
                List<TResult> results;
                try
                {
                    results = (await client.SendAsync<List<TResult>>(request, token).ConfigureAwait(false)).Result ?? new List<TResult>();
                }
                catch (EsApiException failure)
                {
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
                    foreach (var result in results.Where(r => string.IsNullOrEmpty(IdOf(r))))
                    {
                        AssignId(result, ids[0]);
                    }
                }

                bridge.Post(() => Report(ids, results));
            }, ids.Length == 1 ? ids[0] : (object)ids);
        }

        private void Report(string[] ids, List<TResult> results)
        {
            // Every result first: with -ErrorAction Stop the first error ends the run, and the results of a batch the
            // API has already carried out must not be lost with it.
            foreach (var result in results)
            {
                WriteObject(result);
            }

            foreach (var result in results)
            {
                var failure = FailureOf(result);
                if (failure != null)
                {
                    // The API carried out the request and said no for this message: the same advice as for a failed
                    // one-message request, so a runbook can act on either the same way.
                    WriteError(new ErrorRecord(
                        new InvalidOperationException(failure),
                        FailureErrorId,
                        ErrorCategory.InvalidResult,
                        IdOf(result))
                    {
                        ErrorDetails = new ErrorDetails(failure)
                        {
                            RecommendedAction = $"Look the message up with Get-EsMessage -Id '{IdOf(result)}' (a wrong or expired id is not found), then run the command again for it if it still needs it.",
                        },
                    });
                }

                var warning = WarningOf(result);
                if (warning != null)
                {
                    WriteWarning(warning);
                }
            }

            if (ids.Length == 1 && results.Count > 0)
            {
                return; // a request for one message: whatever id its results carry, they are that message's outcome
            }

            var answered = new HashSet<string>(results.Select(r => IdOf(r) ?? string.Empty), StringComparer.Ordinal);
            if (results.Count > 0 && !ids.Any(answered.Contains))
            {
                // The reference calls a move result's message_id only "Message identifier": an API that answers with
                // another id (the Message-ID header, say) must not turn every success into a missing outcome.
                var example = results.Select(IdOf).FirstOrDefault(i => !string.IsNullOrEmpty(i));
                var naming = example == null ? "named no message in its results" : $"named the messages by ids it was not sent (for example '{example}')";
                WriteWarning($"{Action}: the API {naming}, so its {results.Count} result(s) could not be matched to the {ids.Length} message(s) of this request; they are written as returned. Check any message in doubt with Get-EsMessage -Id.");
                return;
            }

            foreach (var id in ids.Where(id => !answered.Contains(id)))
            {
                WriteError(new ErrorRecord(
                    new InvalidOperationException($"The API reported no outcome for message {id} ({Action}); check it with Get-EsMessage -Id before trying again."),
                    "EsNoOutcome",
                    ErrorCategory.InvalidResult,
                    id));
            }
        }
    }
}
