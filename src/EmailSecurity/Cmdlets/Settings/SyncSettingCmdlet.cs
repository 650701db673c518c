using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Text.Json.Serialization;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>
    /// Settings as code: makes a settings list equal to the desired entries piped in (Import-Csv of what Get- exported,
    /// or Get- objects of another account). Entries match by the list's key fields (<see cref="KeyFields"/>), never by
    /// id; the plan (<see cref="SettingsSyncPlan"/>) is confirmed step by step (-WhatIf prints it) and sent in atomic
    /// batch requests of at most -BatchSize steps, in order, or one request per step where the API has no batch
    /// endpoint. A noun's Sync cmdlet declares only its key.
    /// </summary>
    public abstract class SyncSettingCmdlet<TModel, TNew> : EsChangeCmdlet
        where TModel : SettingsObject
        where TNew : Cmdlet
    {
        private readonly List<Dictionary<SyncField, object?>> desired = new List<Dictionary<SyncField, object?>>();
        private readonly List<string> problems = new List<string>();
        private readonly Dictionary<string, string> checks = new Dictionary<string, string>(StringComparer.Ordinal);
        private SettingsSyncPlan? plan;
        private EsConnection? listConnection;
        private int records;

        /// <summary>A desired entry: any object with the properties Get- writes (or the columns Export-Csv writes from them).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>Only creates and changes: entries of the account that are not piped in stay.</summary>
        [Parameter]
        public SwitchParameter NoDelete { get; set; }

        /// <summary>Deletes without asking (deletes ask as ConfirmImpact High would).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        [ValidateRange(1, 1000)]
        public int BatchSize { get; set; } = 100;

        /// <summary>The API names of the fields that identify an entry, e.g. pattern and pattern_type.</summary>
        protected abstract string[] KeyFields { get; }

        internal ApiCollection Collection => ApiCatalog.CollectionOf<TModel>();

        protected override string ChangedNoun => Collection.Noun;

        private SettingsSyncPlan Plan => plan ??= new SettingsSyncPlan(SyncField.Of(typeof(TModel), typeof(TNew)), KeyFields);

        protected override string CheckFor(string target) =>
            checks.TryGetValue(target, out var check) ? check : base.CheckFor(target);

        protected override void ProcessRecord()
        {
            records++;
            var found = new List<string>();
            var entry = Plan.Read(InputObject!, found);
            problems.AddRange(found.Select(p => $"Entry {records}: {p}"));
            if (entry != null)
            {
                desired.Add(entry);
            }
        }

        protected override void EndProcessing()
        {
            problems.AddRange(desired.GroupBy(Plan.KeyOf, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
                .Select(g => $"'{g.Key}' is given {g.Count()} times: each entry of the list once."));
            if (problems.Count > 0 || records == 0)
            {
                var message = records == 0
                    ? $"No desired {Collection.Noun} entries were piped in, so nothing was changed (the list would be emptied). To remove entries, pipe them to Remove-{NounName}."
                    : $"Nothing was sent: {string.Join(" ", problems)}";
                ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), "EsInvalidSyncInput", ErrorCategory.InvalidData, null));
            }

            // The list to make equal is the one -Connection/-AccountId (or the session) names, wherever the entries came from.
            listConnection = ConnectionFor(null);
            var current = ReadList();
            if (current == null)
            {
                return;
            }

            var steps = Plan.Steps(desired, current, !NoDelete);
            WriteVerbose($"{current.Count} {Collection.Noun} entries held, {desired.Count} desired: " +
                $"{steps.Count(s => s.Action == SyncAction.Create)} to create, {steps.Count(s => s.Action == SyncAction.Change)} to change, " +
                $"{steps.Count(s => s.Action == SyncAction.Delete)} to delete.");
            var approved = steps.Where(step => ShouldProcess(step.Entry, ActionOf(step)) && (step.Action != SyncAction.Delete || Force
                || ConfirmedAsHighImpact($"The {Collection.Noun} is not among the desired entries and will be deleted.", ActionOf(step), step.Entry))).ToList();
            foreach (var step in approved)
            {
                checks[step.Target] = Plan.CheckFor(step, CheckCommand);
            }

            if (Collection.Batch == null || !SendInBatches(approved))
            {
                SendOneByOne(approved);
            }
        }

        private string NounName => ((CmdletAttribute)Attribute.GetCustomAttribute(GetType(), typeof(CmdletAttribute))).NounName;

        private string ActionOf(SyncStep step) => step.Action switch
        {
            SyncAction.Delete => $"Delete {Collection.Noun} {step.Id}",
            SyncAction.Change => $"Change {Collection.Noun} {step.Id}: {string.Join("; ", step.Changes)}",
            _ => $"Create {Collection.Noun}: {string.Join("; ", step.Changes)}",
        };

        /// <summary>How an error names a step's change: "Change allow policy contoso.com (DOMAIN)".</summary>
        private string ErrorAction(SyncStep step) => $"{step.Action} {Collection.Noun} {step.Entry}";

        /// <summary>Every entry of the list; null when it could not be read (the error is written).</summary>
        private List<TModel>? ReadList()
        {
            var entries = new List<TModel>();
            var read = false;
            RunApi(async (client, bridge, token) =>
            {
                var pages = client.PagesAsync<TModel>(Collection.List.Request(), ApiValues.MaxPageSize, token).GetAsyncEnumerator(token);
                try
                {
                    while (await pages.MoveNextAsync().ConfigureAwait(false))
                    {
                        entries.AddRange(pages.Current.Items.Where(i => i != null)!);
                    }
                }
                finally
                {
                    await pages.DisposeAsync().ConfigureAwait(false);
                }

                read = true;
            }, Collection.Route, connection: listConnection);
            return read ? entries : null;
        }

        /// <summary>
        /// The steps in batches, in order. False, with nothing sent, when the API has no batch endpoint (the first
        /// batch is answered as an unknown route): the steps go one by one instead.
        /// </summary>
        private bool SendInBatches(IReadOnlyList<SyncStep> steps)
        {
            for (var start = 0; start < steps.Count; start += BatchSize)
            {
                var batch = steps.Skip(start).Take(BatchSize).ToList();
                SettingsBatch<TModel>? answer = null;
                Exception? failure = null;
                var request = Collection.Batch!.Request().WithFields(new Dictionary<string, object?>
                {
                    ["deletes"] = batch.Where(s => s.Action == SyncAction.Delete).Select(s => new Dictionary<string, object?> { ["id"] = s.Id }).ToList(),
                    ["patches"] = batch.Where(s => s.Action == SyncAction.Change)
                        .Select(s => new[] { new KeyValuePair<string, object?>("id", s.Id) }.Concat(s.Fields).ToDictionary(f => f.Key, f => f.Value)).ToList(),
                    ["puts"] = new object[0],
                    ["posts"] = batch.Where(s => s.Action == SyncAction.Create).Select(s => s.Fields).ToList(),
                });
                WriteVerbose($"Sending {batch.Count} change(s) in one batch request.");
                RunApi(
                    async (client, bridge, token) => answer = (await client.SendAsync<SettingsBatch<TModel>>(request, token).ConfigureAwait(false)).Result,
                    Collection.Route,
                    error => failure = error,
                    listConnection);
                if (failure is EsApiException { RouteNotServed: true } && start == 0)
                {
                    WriteVerbose($"The API has no batch endpoint for {Collection.Route} (it answered {DetailOf(failure)}); nothing was applied, sending one request per change.");
                    return false;
                }

                if (failure != null)
                {
                    ReportFailedBatch(batch, steps.Skip(start + BatchSize).ToList(), failure);
                    return true;
                }

                ReportBatch(batch, answer ?? new SettingsBatch<TModel>());
            }

            return true;
        }

        /// <summary>Every step of the batch shares its outcome (the batch is atomic); the later batches were never sent.</summary>
        private void ReportFailedBatch(IReadOnlyList<SyncStep> batch, IReadOnlyList<SyncStep> later, Exception failure)
        {
            var outcome = OutcomeOf(failure);
            foreach (var step in batch)
            {
                Ledger.Record(step.Target, outcome, DetailOf(failure));
            }

            Ledger.RecordNotSent(later.Select(s => s.Target));
            var cause = $"It went in one atomic batch request with {batch.Count - 1} other change(s)" +
                (later.Count > 0 ? $"; the {later.Count} change(s) after it were not sent. " : ". ") + failure.Message;
            foreach (var step in batch)
            {
                WriteChangeError(ChangeError(ErrorAction(step), step.Target, outcome, cause, failure));
            }
        }

        private void ReportBatch(IReadOnlyList<SyncStep> batch, SettingsBatch<TModel> answer)
        {
            var results = new List<SettingsSyncResult>();
            var (deleted, patched, posted) = (0, 0, 0);
            foreach (var step in batch)
            {
                Ledger.Record(step.Target, ChangeOutcome.Applied);
                var entry = step.Action == SyncAction.Change ? answer.Patches?.ElementAtOrDefault(patched++)
                    : step.Action == SyncAction.Create ? answer.Posts?.ElementAtOrDefault(posted++)
                    : null;
                var id = step.Action == SyncAction.Delete ? answer.Deletes?.ElementAtOrDefault(deleted++)?.Id ?? step.Id : entry?.Id ?? step.Id;
                results.Add(Result(step, id, entry));
            }

            results.ForEach(WriteObject);
        }

        private void SendOneByOne(IReadOnlyList<SyncStep> steps)
        {
            var byTarget = steps.ToDictionary(s => s.Target);
            ForEachTarget(steps.Select(s => s.Target).ToList(), target =>
            {
                var step = byTarget[target];
                var request = step.Action switch
                {
                    SyncAction.Delete => Collection.Delete.Request(step.Id!),
                    SyncAction.Change => Collection.Edit!.Request(step.Id!).WithFields(step.Fields),
                    _ => (Collection.Create ?? throw new InvalidOperationException($"The API creates no {Collection.Noun} entries.")).Request().WithFields(step.Fields),
                };
                RunChange(ErrorAction(step), target, listConnection!, async (client, bridge, token) =>
                {
                    TModel? entry = null;
                    if (step.Action == SyncAction.Delete)
                    {
                        await client.SendAsync<BatchDeleted>(request, token).ConfigureAwait(false);
                    }
                    else
                    {
                        entry = (await client.SendAsync<TModel>(request, token).ConfigureAwait(false)).Result;
                    }

                    bridge.Post(() => WriteObject(Result(step, entry?.Id ?? step.Id, entry)));
                });
            });
        }

        /// <summary>"Deleted", "Changed" or "Created", with the id and the entry as the API returned it.</summary>
        private static SettingsSyncResult Result(SyncStep step, string? id, TModel? entry) =>
            new SettingsSyncResult(step.Action + "d", step.Entry, id, step.Changes, entry);
    }

    /// <summary>The answer of <c>POST .../batch</c>: what each kind of operation did, in the order sent.</summary>
    internal sealed class SettingsBatch<TModel>
    {
        [JsonPropertyName("deletes")]
        public List<BatchDeleted>? Deletes { get; set; }

        [JsonPropertyName("patches")]
        public List<TModel>? Patches { get; set; }

        [JsonPropertyName("puts")]
        public List<TModel>? Puts { get; set; }

        [JsonPropertyName("posts")]
        public List<TModel>? Posts { get; set; }
    }

    /// <summary>An entry a batch (or a DELETE) removed.</summary>
    internal sealed class BatchDeleted
    {
        [JsonPropertyName("id")]
        public string? Id { get; set; }
    }
}
