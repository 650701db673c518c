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
    /// the rest at the end. Every id ends in an output object or in an error record that names it, and in the ledger
    /// every error carries (see EsChangeCmdlet); a batch that fails in transit reports each id it held, and is not sent
    /// again unless the API said it did not process it (429). Ids of objects from several connections go in batches
    /// of their own connection.
    /// </summary>
    public abstract class BatchedIdCmdlet<TResult> : EsChangeCmdlet
        where TResult : class
    {
        /// <summary>The ids waiting to be sent, one batch per connection, in the order the connections came.</summary>
        private readonly List<Batch> pending = new List<Batch>();
        private readonly HashSet<(string Account, string Id)> seen = new HashSet<(string, string)>();
        private ulong sent;
        private int batches;
        private ProgressReporter? progress;
        private bool saidBig;

        /// <summary>
        /// Bulk requests past which a run says how many it spends: a quarter of Cloudflare's 1,200 requests per five
        /// minutes, a budget every command using the token shares.
        /// </summary>
        internal const int BigRunRequests = 300;

        /// <summary>
        /// The object piped in, whatever it is: its connection is used (see EsApiCmdlet.ConnectionFor).
        /// </summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>The ids bound for the current pipeline record.</summary>
        protected abstract IEnumerable<string> IdsOfRecord { get; }

        protected abstract int BatchLimit { get; }

        /// <summary>The ShouldProcess action text, e.g. "Move to JunkEmail".</summary>
        protected abstract string Action { get; }

        /// <summary>The request for one id; null when the API has only the bulk endpoint.</summary>
        internal abstract ApiRequest? SingleRequest(string id);

        internal abstract ApiRequest BulkRequest(IReadOnlyList<string> ids);

        /// <summary>
        /// The id a result belongs to (filled from the request when the API leaves it out for one id).
        /// </summary>
        protected abstract string? IdOf(TResult result);

        protected abstract void AssignId(TResult result, string id);

        /// <summary>
        /// Why a result is a failure for its id (the error names the action and the id), or null when it is a success.
        /// </summary>
        protected abstract string? FailureOf(TResult result);

        protected abstract string FailureErrorId { get; }

        /// <summary>
        /// Something about a result the user should hear, though it is not a failure (written as a warning).
        /// </summary>
        protected virtual string? WarningOf(TResult result) => null;

        /// <summary>
        /// When set, this run asks as a ConfirmImpact High cmdlet would (the text is the question): a cmdlet's impact
        /// is fixed, but one destination (a purge) can be graver than the others.
        /// </summary>
        protected virtual string? HighImpactQuestion => null;

        protected override string ChangedNoun => "message";

        protected override void ProcessRecord()
        {
            foreach (var (source, connection, ids) in IdsByConnection(IdsOfRecord, InputObject))
            {
                Collect(ids, source, connection);
            }
        }

        /// <summary>Confirms the ids of one object (or of text) and adds them to its connection's batch.</summary>
        private void Collect(List<string> ids, PSObject? source, EsConnection connection)
        {
            var batch = pending.FirstOrDefault(b => b.Connection == connection);
            if (batch == null)
            {
                pending.Add(batch = new Batch(connection));
            }

            ForEachTarget(ids, id =>
            {
                if (!seen.Add((connection.AccountKey, id)))
                {
                    WriteVerbose($"Message {id} was given more than once; it is sent once.");
                    return;
                }

                var target = Investigate.MessageTarget.Describe(id, source);
                if (!ShouldChange(target, Action)
                    || (HighImpactQuestion is string question && !ConfirmedAsHighImpact(question, Action, target)))
                {
                    return;
                }

                batch.Ids.Add(id);
                SayIfBig();
                if (batch.Ids.Count >= BatchLimit)
                {
                    SendPending(batch);
                }
            });
        }

        protected override void EndProcessing()
        {
            try
            {
                foreach (var batch in pending)
                {
                    SendRemaining(batch);
                }
            }
            finally
            {
                progress?.Complete();
            }
        }

        /// <summary>
        /// Once a run needs more than <see cref="BigRunRequests"/> bulk requests: what they cost and how to spend
        /// fewer.
        /// </summary>
        private void SayIfBig()
        {
            if (saidBig || sent + (ulong)pending.Sum(b => b.Ids.Count) <= (ulong)BigRunRequests * (ulong)BatchLimit)
            {
                return;
            }

            saidBig = true;
            var larger = BatchLimit < ApiValues.MaxPageSize ? $"-BatchSize {ApiValues.MaxPageSize}, or " : string.Empty;
            WriteWarning(
                $"{Action}: more than {BigRunRequests * BatchLimit:N0} messages, so more than {BigRunRequests} bulk " +
                $"requests of {BatchLimit} (-BatchSize). They count against the 1,200 requests per five minutes that " +
                "every command using this API token shares, and commands wait when those run out. Fewer requests: " +
                $"{larger}a narrower search (-Start, -End, -Disposition). Or let the service do it: " +
                "Start-EsBulkAction acts on every message of a search in one request (API 2026-10). The command " +
                "goes on.");
        }

        private void SendRemaining(Batch batch)
        {
            var single = batch.Ids.Count == 1 && !batch.SentFull ? SingleRequest(batch.Ids[0]) : null;
            if (single != null)
            {
                var ids = batch.Ids.ToArray();
                batch.Ids.Clear();
                Send(ids, single, batch.Connection);
                return;
            }

            SendPending(batch);
        }

        private void SendPending(Batch batch)
        {
            if (batch.Ids.Count == 0)
            {
                return;
            }

            var ids = batch.Ids.ToArray();
            batch.Ids.Clear();
            batch.SentFull = true;
            Send(ids, BulkRequest(ids), batch.Connection);
        }

        private void Send(string[] ids, ApiRequest request, EsConnection connection)
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
                    results = (await client.SendAsync<List<TResult>>(request, token).ConfigureAwait(false)).Result
                        ?? new List<TResult>();
                }
                catch (Exception failure) when (!(failure is OperationCanceledException))
                {
                    bridge.Post(() => ReportFailedRequest(ids, failure));
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
            }, ids.Length == 1 ? ids[0] : (object)ids, connection: connection);
        }

        /// <summary>
        /// A request that failed as a whole: every id of it shares its outcome, and all are in the ledger before the
        /// first error is written, so an error that stops the command (-ErrorAction Stop) still names them all.
        /// </summary>
        private void ReportFailedRequest(string[] ids, Exception failure)
        {
            var outcome = OutcomeOf(failure);
            var detail = DetailOf(failure);
            foreach (var id in ids)
            {
                Ledger.Record(id, outcome, detail);
            }

            var cause = ids.Length > 1
                ? $"It went in one request with {ids.Length - 1} other message(s). {failure.Message}"
                : failure.Message;
            foreach (var id in ids)
            {
                WriteChangeError(ChangeError(Action, id, outcome, cause, failure));
            }
        }

        private void Report(string[] ids, List<TResult> results)
        {
            var answered = new HashSet<string>(results.Select(r => IdOf(r) ?? string.Empty), StringComparer.Ordinal);
            var unmatched = ids.Length > 1 && results.Count > 0 && !ids.Any(answered.Contains);
            var failures =
                results.Select(r => (Result: r, Failure: FailureOf(r))).Where(f => f.Failure != null).ToList();
            var unanswered = new HashSet<string>(
                unmatched || (ids.Length == 1 && results.Count > 0)
                    ? Enumerable.Empty<string>()
                    : ids.Where(id => !answered.Contains(id)),
                StringComparer.Ordinal);

            // The whole request in the ledger first, then every result, then the errors: with -ErrorAction Stop the
            // first error ends the run, and neither the results the API has already carried out nor the other ids may
            // be lost.
            foreach (var id in ids)
            {
                var failure = failures.FirstOrDefault(f => ids.Length == 1 || IdOf(f.Result) == id).Failure;
                Ledger.Record(
                    id,
                    unmatched || unanswered.Contains(id)
                        ? ChangeOutcome.Unknown
                        : failure != null
                        ? ChangeOutcome.Failed
                        : ChangeOutcome.Applied,
                    unmatched
                        ? "the API's results named other ids"
                        : unanswered.Contains(id)
                        ? "the API reported no outcome for it"
                        : failure);
            }

            foreach (var result in results)
            {
                WriteObject(result);
            }

            foreach (var result in results)
            {
                var failure = FailureOf(result);
                if (failure != null)
                {
                    // The API carried out the request and said no for this message.
                    var id = ids.Length == 1 ? ids[0] : IdOf(result) ?? string.Empty;
                    WriteChangeError(ChangeError(Action, id, ChangeOutcome.Failed, failure, null), FailureErrorId);
                }

                var warning = WarningOf(result);
                if (warning != null)
                {
                    WriteWarning(warning);
                }
            }

            if (unmatched)
            {
                // The reference calls a move result's message_id only "Message identifier": an API that answers with
                // another id (the Message-ID header, say) must not turn every success into a missing outcome.
                var example = results.Select(IdOf).FirstOrDefault(i => !string.IsNullOrEmpty(i));
                var naming = example == null
                    ? "named no message in its results"
                    : $"named the messages by ids it was not sent (for example '{example}')";
                WriteWarning(
                    $"{Action}: the API {naming}, so its {results.Count} result(s) could not be matched to the " +
                    $"{ids.Length} message(s) of this request; they are written as returned. Check any message in " +
                    $"doubt with {CheckCommand} -Id.");
                return;
            }

            foreach (var id in ids.Where(unanswered.Contains))
            {
                WriteChangeError(ChangeError(Action, id, ChangeOutcome.Unknown, "The API answered the request but " +
                    "reported nothing for this message; it was not sent again.", null));
            }
        }

        /// <summary>The ids of one connection waiting to be sent.</summary>
        private sealed class Batch
        {
            public Batch(EsConnection connection)
            {
                Connection = connection;
            }

            public EsConnection Connection { get; }

            public List<string> Ids { get; } = new List<string>();

            /// <summary>A full batch went out: what remains goes to the bulk endpoint too, even a lone id.</summary>
            public bool SentFull { get; set; }
        }
    }
}
