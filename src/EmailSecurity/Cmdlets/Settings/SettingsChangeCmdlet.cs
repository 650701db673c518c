using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>
    /// What the settings cmdlets that change a list share: the list, the entry piped in, and (New, Remove) sending the
    /// changes of a list with a batch endpoint in batches: collected per connection, a full batch sent at once and the
    /// rest at the end of input, a lone change in a request of its own. The changes are independent of each other, so
    /// a batch the API refuses as a whole for one bad change is sent again one change at a time (see SendBatch).
    /// </summary>
    public abstract class SettingsChangeCmdlet<TModel> : SettingsListCmdlet<TModel>, ISettingsCommand
        where TModel : class
    {
        /// <summary>The changes waiting to be sent, per connection, in the order the connections came.</summary>
        private readonly List<HeldChanges> held = new List<HeldChanges>();

        /// <summary>
        /// The entry piped in, when it is one: the connection it came from, and (Set, Remove) its name beside its id in
        /// -WhatIf and -Confirm.
        /// </summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public Models.SettingsObject? InputObject { get; set; }

        ApiCollection ISettingsCommand.Collection => Collection;

        /// <summary>The most changes one batch request holds (-BatchSize); 0 sends each change at once.</summary>
        private protected virtual int BatchLimit => 0;

        /// <summary>What the cmdlet writes for an applied change, with the entry returned (none for deletes).</summary>
        private protected virtual void WriteApplied(SettingsChange change, TModel? entry)
        {
        }

        /// <summary>
        /// Sends the change now, or holds it for a batch request of its connection when the list has a batch endpoint
        /// and the cmdlet sends batches; a batch is sent as soon as it is full.
        /// </summary>
        private protected void Send(SettingsChange change, EsConnection connection)
        {
            var changes = held.FirstOrDefault(h => h.Connection == connection);
            if (BatchLimit == 0 || Collection.Batch == null || changes?.NoBatchEndpoint == true)
            {
                SendingAll(() => SendOne(change, connection, WriteApplied));
                return;
            }

            if (changes == null)
            {
                held.Add(changes = new HeldChanges(connection));
            }

            changes.Changes.Add(change);
            if (changes.Changes.Count >= BatchLimit)
            {
                SendHeld(changes, atEnd: false);
            }
        }

        protected override void EndProcessing()
        {
            foreach (var changes in held)
            {
                SendHeld(changes, atEnd: true);
            }
        }

        /// <summary>
        /// The held changes of one connection in a batch request; in requests of their own where the API has no batch
        /// endpoint, or when, at the end, one change is all this connection had.
        /// </summary>
        private void SendHeld(HeldChanges changes, bool atEnd)
        {
            var batch = changes.Changes.ToList();
            changes.Changes.Clear();
            if (batch.Count == 0)
            {
                return;
            }

            SendingAll(() =>
            {
                if (changes.NoBatchEndpoint || (atEnd && batch.Count == 1 && changes.Batches == 0))
                {
                    SendOneByOne(batch, changes.Connection, WriteApplied);
                    return;
                }

                var first = changes.Batches == 0;
                changes.Batches++;
                var sent = SendBatch(batch, changes.Connection, first, Array.Empty<SettingsChange>(), WriteApplied,
                    resentAs: $"batch {changes.Batches}");
                if (sent == BatchResult.NotServed)
                {
                    changes.NoBatchEndpoint = true;
                    SendOneByOne(batch, changes.Connection, WriteApplied);
                }
            });
        }

        /// <summary>
        /// Runs <paramref name="send"/>; when the command stops in it (-ErrorAction Stop, Ctrl+C), every change still
        /// held is recorded as never sent before the stop goes on, so the error that stopped it names them too.
        /// </summary>
        private void SendingAll(Action send)
        {
            try
            {
                send();
            }
            catch (Exception stop) when (stop is PipelineStoppedException || stop is ActionPreferenceStopException)
            {
                Ledger.RecordNotSent(held.SelectMany(h => h.Changes).Select(c => c.Target));
                throw;
            }
        }

        /// <summary>The changes of one connection waiting to be sent.</summary>
        private sealed class HeldChanges
        {
            public HeldChanges(EsConnection connection)
            {
                Connection = connection;
            }

            public EsConnection Connection { get; }

            public List<SettingsChange> Changes { get; } = new List<SettingsChange>();

            /// <summary>
            /// The batch requests sent so far: once one went out, what remains goes in one too, even a lone change.
            /// </summary>
            public int Batches { get; set; }

            /// <summary>The first batch was answered as an unknown route: one request per change.</summary>
            public bool NoBatchEndpoint { get; set; }
        }
    }
}
