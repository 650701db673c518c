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
    public abstract class SyncSettingCmdlet<TModel, TNew> : SettingsListCmdlet<TModel>
        where TModel : SettingsObject
        where TNew : Cmdlet
    {
        private readonly List<Dictionary<SyncField, object?>> desired = new List<Dictionary<SyncField, object?>>();
        private readonly List<string> problems = new List<string>();
        private readonly Dictionary<string, string> checks = new Dictionary<string, string>(StringComparer.Ordinal);
        private SettingsSyncPlan? plan;
        private EsConnection? listConnection;
        private int records;

        /// <summary>
        /// A desired entry: any object with the properties Get- writes (or the columns Export-Csv writes from them).
        /// </summary>
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

        private SettingsSyncPlan Plan =>
            plan ??= new SettingsSyncPlan(SyncField.Of(typeof(TModel), typeof(TNew)), KeyFields, Collection.Noun);

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
            problems.AddRange(desired.GroupBy(d => Plan.KeyOf(d), StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Count() > 1)
                .Select(g => $"'{g.Key}' is given {g.Count()} times: each entry of the list once."));
            if (problems.Count > 0 || records == 0)
            {
                var message = records == 0
                    ? $"No desired {Collection.Noun} entries were piped in, so nothing was changed (the list would " +
                        $"be emptied). To remove entries, pipe them to Remove-{NounName}."
                    : $"Nothing was sent: {string.Join(" ", problems)}";
                ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), "EsInvalidSyncInput",
                    ErrorCategory.InvalidData, null));
            }

            // The list to make equal is the one -Connection/-AccountId (or the session) names, wherever the entries
            // came from.
            listConnection = ConnectionFor(null);
            var current = ReadList();
            if (current == null)
            {
                return;
            }

            var notCreatable = new List<Dictionary<SyncField, object?>>();
            var steps = Plan.Steps(desired, current, !NoDelete, notCreatable);
            if (notCreatable.Count > 0)
            {
                WriteWarning(NotCreatableWarning(notCreatable));
            }

            WriteVerbose($"{current.Count} {Collection.Noun} entries held, {desired.Count} desired: " +
                $"{steps.Count(s => s.Kind == ChangeKind.Create)} to create, " +
                $"{steps.Count(s => s.Kind == ChangeKind.Change)} to change, " +
                $"{steps.Count(s => s.Kind == ChangeKind.Delete)} to delete.");
            var approved = steps.Where(step => ShouldProcess(step.Entry, ActionOf(step))
                && (step.Kind != ChangeKind.Delete || Force
                || ConfirmedAsHighImpact($"The {Collection.Noun} is not among the desired entries and will be deleted.",
                    ActionOf(step), step.Entry))).ToList();
            foreach (var step in approved)
            {
                checks[step.Target] = Plan.CheckFor(step, CheckCommand);
            }

            if (Collection.Batch == null || !SendInBatches(approved))
            {
                SendOneByOne(approved, listConnection!, WriteResult);
            }
        }

        private string NounName =>
            ((CmdletAttribute)Attribute.GetCustomAttribute(GetType(), typeof(CmdletAttribute))).NounName;

        /// <summary>
        /// Desired entries of pattern type UNKNOWN that the account does not hold: the API creates none, so they are
        /// left out, and the rest of the plan goes on.
        /// </summary>
        private string NotCreatableWarning(IReadOnlyList<Dictionary<SyncField, object?>> entries)
        {
            var pattern = Plan.KeyOf(entries[0], writableOnly: true).Replace("'", "''");
            return $"{entries.Count} desired {Collection.Noun} entries of pattern type UNKNOWN are not in the " +
                "account and were left out, because the API creates no entry of that type: " +
                string.Join(", ", entries.Select(e => $"'{Plan.KeyOf(e)}'")) + ". To have them, give each its " +
                "real pattern type (EMAIL, DOMAIN or IP) in the input, or in the account it came from (" +
                $"Set-{NounName} -Id <id> -PatternType <type>), or create it here: New-{NounName} -Pattern " +
                $"'{pattern}' -PatternType {SettingValues.LikelyPatternType(pattern)} ...";
        }

        private string ActionOf(SyncStep step) => step.Kind switch
        {
            ChangeKind.Delete => $"Delete {Collection.Noun} {step.Id}",
            ChangeKind.Change => $"Change {Collection.Noun} {step.Id}: {string.Join("; ", step.Changes)}",
            _ => $"Create {Collection.Noun}: {string.Join("; ", step.Changes)}",
        };

        /// <summary>Every entry of the list; null when it could not be read (the error is written).</summary>
        private List<TModel>? ReadList()
        {
            var entries = new List<TModel>();
            var read = false;
            RunApi(async (client, bridge, token) =>
            {
                var pages = client.PagesAsync<TModel>(Collection.List.Request(), ApiValues.MaxPageSize, token)
                    .GetAsyncEnumerator(token);
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
        /// The steps in batches, in order, up to the first that fails (the later ones are not sent). False, with
        /// nothing sent, when the API has no batch endpoint: the steps go one by one instead.
        /// </summary>
        private bool SendInBatches(IReadOnlyList<SyncStep> steps)
        {
            for (var start = 0; start < steps.Count; start += BatchSize)
            {
                var batch = steps.Skip(start).Take(BatchSize).ToList();
                var later = steps.Skip(start + BatchSize).ToList();
                var sent = SendBatch(batch, listConnection!, start == 0, later, WriteResult);
                if (sent != BatchResult.Applied)
                {
                    return sent == BatchResult.Failed;
                }
            }

            return true;
        }

        /// <summary>"Deleted", "Changed" or "Created", with the id and the entry as the API returned it.</summary>
        private void WriteResult(SyncStep step, TModel? entry) =>
            WriteObject(new SettingsSyncResult(step.Kind + "d", step.Entry, entry?.Id ?? step.Id, step.Changes, entry));
    }
}
