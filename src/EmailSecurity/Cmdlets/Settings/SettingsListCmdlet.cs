using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Serialization;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>
    /// Base of the cmdlets that change a settings list (New, Set, Remove, Sync): the list, and how its changes are
    /// sent, in atomic batch requests (<c>POST {route}/batch</c>) or one request per change. Every change ends in the
    /// ledger and in what the cmdlet writes for it or an error that names it.
    /// </summary>
    public abstract class SettingsListCmdlet<TModel> : EsChangeCmdlet
        where TModel : class
    {
        /// <summary>The list the cmdlet changes, declared on its model.</summary>
        internal ApiCollection Collection => ApiCatalog.CollectionOf<TModel>();

        protected override string ChangedNoun => Collection.Noun;

        private ApiOperation Creation =>
            Collection.Create ?? throw new InvalidOperationException($"The API creates no {Collection.Noun} entries.");

        /// <summary>
        /// Sends the changes in one atomic batch request and hands each to <paramref name="applied"/>, in order, with
        /// the entry the API returned (none for a delete). NotServed, with nothing applied or reported, when the
        /// connection's first batch (<paramref name="first"/>) is answered as an unknown route: the API has no batch
        /// endpoint. Resent: the API refused the batch as a whole for its content (<see cref="RefusedWhole"/>), so
        /// nothing of it was applied, and <paramref name="resentAs"/> names it (e.g. "batch 3"): its changes went one
        /// by one, each with its own outcome. A batch that must stay atomic (Sync's plan) passes no name. Failed:
        /// every change of the batch got its error, and <paramref name="later"/> (changes that will not be sent
        /// because of it) are in the ledger as never sent.
        /// </summary>
        private protected BatchResult SendBatch<TChange>(
            IReadOnlyList<TChange> batch,
            EsConnection connection,
            bool first,
            IReadOnlyList<TChange> later,
            Action<TChange, TModel?> applied,
            string? resentAs = null)
            where TChange : SettingsChange
        {
            SettingsBatch<TModel>? answer = null;
            Exception? failure = null;
            var request = Collection.Batch!.Request().WithFields(new Dictionary<string, object?>
            {
                ["deletes"] = batch.Where(c => c.Kind == ChangeKind.Delete)
                    .Select(c => new Dictionary<string, object?> { ["id"] = c.Id }).ToList(),
                ["patches"] = batch.Where(c => c.Kind == ChangeKind.Change)
                    .Select(c => new[] { new KeyValuePair<string, object?>("id", c.Id) }.Concat(c.Fields)
                        .ToDictionary(f => f.Key, f => f.Value)).ToList(),
                ["puts"] = new object[0],
                ["posts"] = batch.Where(c => c.Kind == ChangeKind.Create).Select(c => c.Fields).ToList(),
            });
            WriteVerbose($"Sending {batch.Count} change(s) in one batch request.");
            RunApi(
                async (client, bridge, token) => answer =
                    (await client.SendAsync<SettingsBatch<TModel>>(request, token).ConfigureAwait(false)).Result,
                Collection.Route,
                error => failure = error,
                connection);
            if (failure is EsApiException { RouteNotServed: true } && first)
            {
                WriteVerbose($"The API has no batch endpoint for {Collection.Route} (it answered " +
                    $"{DetailOf(failure)}); nothing was applied, sending one request per change.");
                return BatchResult.NotServed;
            }

            if (failure != null && resentAs != null && batch.Count > 1 && RefusedWhole(failure))
            {
                WriteWarning($"The API refused {resentAs} ({batch.Count} {Collection.Noun} changes) as a whole, so " +
                    $"none of it was applied: {failure.Message} Sending its {batch.Count} changes one by one, so " +
                    "each gets its own outcome.");
                SendOneByOne(batch, connection, applied);
                return BatchResult.Resent;
            }

            if (failure != null)
            {
                ReportFailedBatch(batch, later, failure);
                return BatchResult.Failed;
            }

            foreach (var change in batch)
            {
                Ledger.Record(change.Target, ChangeOutcome.Applied);
            }

            var (patched, posted) = (0, 0);
            foreach (var change in batch)
            {
                var entry = change.Kind == ChangeKind.Change ? answer?.Patches?.ElementAtOrDefault(patched++)
                    : change.Kind == ChangeKind.Create ? answer?.Posts?.ElementAtOrDefault(posted++)
                    : null;
                if (change.Kind == ChangeKind.Delete)
                {
                    WriteVerbose(Removed(change, alreadyDone: false));
                }

                applied(change, entry);
            }

            return BatchResult.Applied;
        }

        /// <summary>
        /// The API refused the batch for what it holds (an id it no longer has, an entry it will not take, a batch too
        /// large), before carrying out any of it: a 4xx to a batch of the lists the module sends in batches, which are
        /// atomic (<see cref="ApiCollectionAttribute.Batches"/>). Not 401/403 (each change would be refused the same),
        /// a 429 past the retry budget (more requests would not help), an unknown route (NotServed), nor a 5xx, no
        /// answer or an unreadable one: after those what became of the batch is unknown, and none of it may be sent
        /// again.
        /// </summary>
        private static bool RefusedWhole(Exception failure) =>
            failure is EsApiException { Kind: EsFailureKind.Rejected, RouteNotServed: false, StatusCode: { } status }
            && (status == HttpStatusCode.BadRequest || status == HttpStatusCode.NotFound
                || status == HttpStatusCode.Conflict || status == HttpStatusCode.RequestEntityTooLarge
                || (int)status == 422);

        /// <summary>One request per change, in order; when the command stops, the ledger has those not sent.</summary>
        private protected void SendOneByOne<TChange>(
            IReadOnlyList<TChange> changes, EsConnection connection, Action<TChange, TModel?> applied)
            where TChange : SettingsChange
        {
            // ForEachTarget hands the targets over in order; two new entries may have the same (a pattern given twice).
            var next = 0;
            ForEachTarget(changes.Select(c => c.Target).ToList(), _ => SendOne(changes[next++], connection, applied));
        }

        /// <summary>The change in a request of its own (DELETE, PATCH with its fields, or POST).</summary>
        private protected void SendOne<TChange>(
            TChange change, EsConnection connection, Action<TChange, TModel?> applied)
            where TChange : SettingsChange
        {
            var request = change.Kind switch
            {
                ChangeKind.Delete => Collection.Delete.Request(change.Id!),
                ChangeKind.Change => Collection.Edit!.Request(change.Id!).WithFields(change.Fields),
                _ => Creation.Request().WithFields(change.Fields),
            };
            RunChange(change.Action, change.Target, connection, async (client, bridge, token) =>
            {
                TModel? entry = null;
                if (change.Kind == ChangeKind.Delete)
                {
                    var answer = await client.SendAsync<DeletedEntry>(request, token).ConfigureAwait(false);
                    bridge.Verbose(Removed(change, answer.AlreadyDone));
                }
                else
                {
                    entry = (await client.SendAsync<TModel>(request, token).ConfigureAwait(false)).Result;
                }

                bridge.Post(() => applied(change, entry));
            });
        }

        private string Removed(SettingsChange change, bool alreadyDone) => alreadyDone
            ? $"Removed {Collection.Noun} {change.Id}: already deleted by an earlier attempt whose answer was lost " +
                "(sent again, the API no longer found it)."
            : $"Removed {Collection.Noun} {change.Id}.";

        /// <summary>Each change of the batch shares its outcome (it is atomic); the later ones were not sent.</summary>
        private void ReportFailedBatch<TChange>(
            IReadOnlyList<TChange> batch, IReadOnlyList<TChange> later, Exception failure)
            where TChange : SettingsChange
        {
            var outcome = OutcomeOf(failure);
            foreach (var change in batch)
            {
                Ledger.Record(change.Target, outcome, DetailOf(failure));
            }

            Ledger.RecordNotSent(later.Select(c => c.Target));
            var cause = (batch.Count > 1
                    ? $"It went in one atomic batch request with {batch.Count - 1} other change(s)"
                    : "It went in a batch request of its own") +
                (later.Count > 0 ? $"; the {later.Count} change(s) after it were not sent. " : ". ") + failure.Message;
            foreach (var change in batch)
            {
                WriteChangeError(ChangeError(change.Action, change.Target, outcome, cause, failure));
            }
        }

        /// <summary>What became of a batch request.</summary>
        private protected enum BatchResult
        {
            Applied,

            /// <summary>The API has no batch endpoint; nothing was applied.</summary>
            NotServed,

            /// <summary>Refused as a whole, nothing applied: each change was sent on its own.</summary>
            Resent,

            /// <summary>Each change of the batch got its error.</summary>
            Failed,
        }
    }

    internal enum ChangeKind
    {
        Delete,
        Change,
        Create,
    }

    /// <summary>
    /// One change to a settings list: what it does, to which entry, with which fields (by API name), and how the
    /// ledger and errors name it.
    /// </summary>
    internal class SettingsChange
    {
        /// <summary>The fields of a delete.</summary>
        public static readonly IReadOnlyDictionary<string, object?> NoFields = new Dictionary<string, object?>();

        public SettingsChange(
            ChangeKind kind, string target, string action, string? id, IReadOnlyDictionary<string, object?> fields)
        {
            Kind = kind;
            Target = target;
            Action = action;
            Id = id;
            Fields = fields;
        }

        public ChangeKind Kind { get; }

        /// <summary>The ledger's name of the change: an existing entry's id, a new one's key (its pattern).</summary>
        public string Target { get; }

        /// <summary>The change as errors name it, e.g. "Remove blocked sender".</summary>
        public string Action { get; }

        /// <summary>The id of the entry deleted or changed; null for one to create.</summary>
        public string? Id { get; }

        /// <summary>The fields sent: all of a new entry, the changed ones of a change, none for a delete.</summary>
        public IReadOnlyDictionary<string, object?> Fields { get; }
    }

    /// <summary>
    /// The answer of <c>POST .../batch</c> as read: the entries each patch and post left, in the order sent (deletes
    /// answer with the ids sent, and no puts are sent).
    /// </summary>
    internal sealed class SettingsBatch<TModel>
    {
        [JsonPropertyName("patches")]
        public List<TModel>? Patches { get; set; }

        [JsonPropertyName("posts")]
        public List<TModel>? Posts { get; set; }
    }

    /// <summary>An entry a DELETE removed.</summary>
    internal sealed class DeletedEntry
    {
        [JsonPropertyName("id")]
        public string? Id { get; set; }
    }
}
