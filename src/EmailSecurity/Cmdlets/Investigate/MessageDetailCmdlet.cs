using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>
    /// Base of the cmdlets that read one document per message (detections, preview, raw, trace). Ids from the
    /// pipeline are read -ThrottleLimit at a time, concurrently, and written in the order they arrived; a failure is
    /// an error record naming its id and does not stop the others. Ids of objects from several connections are read
    /// each on its own.
    /// </summary>
    public abstract class MessageDetailCmdlet<TModel> : EsApiCmdlet
        where TModel : class
    {
        protected const string ByIdSet = "ById";

        private readonly List<string> waiting = new List<string>();
        private EsConnection? waitingOn;
        private ProgressReporter? progress;
        private ulong accepted;
        private ulong read;

        /// <summary>Investigate ids; messages from Get-EsMessage bind by their Id property.</summary>
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true,
            ValueFromPipelineByPropertyName = true)]
        [Alias("InvestigateId", "Identity")]
        [ApiIdText(typeof(Models.Message), "InvestigateId")]
        [ValidateApiId]
        [ArgumentCompleter(typeof(Completion.MessageIdCompleter))]
        public string[]? Id { get; set; }

        /// <summary>
        /// The object piped in, whatever it is: its connection is used (see EsApiCmdlet.ConnectionFor).
        /// </summary>
        [Parameter(ParameterSetName = ByIdSet, ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>How many requests may be in flight at once.</summary>
        [Parameter]
        [ValidateRange(1, 16)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>The ids bound for the current pipeline record (empty before the pipeline has bound any).</summary>
        protected virtual IEnumerable<string> IdsOfRecord => Id ?? Array.Empty<string>();

        internal abstract ApiRequest RequestFor(string id);

        /// <summary>Reads the document of one id; on a worker thread.</summary>
        internal virtual Task<ApiResult<TModel>> ReadAsync(
            EsApiClient client,
            string id,
            CancellationToken cancellationToken) =>
            client.SendAsync<TModel>(RequestFor(id), cancellationToken);

        /// <summary>Records on the result which id it was read for: the API does not repeat it.</summary>
        protected abstract void AssignId(TModel result, string id);

        /// <summary>
        /// Decides, before any request, whether to read this id (a refused -WhatIf or -OutFile says no).
        /// </summary>
        protected virtual bool Accept(string id) => true;

        /// <summary>Writes one result, on the pipeline thread.</summary>
        protected virtual void Write(TModel result, string id) => WriteObject(result);

        protected override void ProcessRecord()
        {
            foreach (var (_, connection, ids) in IdsByConnection(IdsOfRecord, InputObject))
            {
                if (connection != waitingOn)
                {
                    ReadWaiting();
                    waitingOn = connection;
                }

                foreach (var id in ids)
                {
                    if (!Accept(id))
                    {
                        continue;
                    }

                    waiting.Add(id);
                    accepted++;
                    if (waiting.Count >= ThrottleLimit)
                    {
                        ReadWaiting();
                    }
                }
            }
        }

        protected override void EndProcessing()
        {
            try
            {
                ReadWaiting();
            }
            finally
            {
                progress?.Complete();
            }
        }

        /// <summary>Counts a read message; progress shows once there is more than one to read, as for moves.</summary>
        private void CountRead(string id)
        {
            read++;
            if (accepted > 1)
            {
                progress = progress ?? new ProgressReporter(this, $"{MyInvocation.MyCommand.Name}: reading messages");
                progress.Report(read, null, id);
            }
        }

        private void ReadWaiting()
        {
            if (waiting.Count == 0)
            {
                return;
            }

            var ids = waiting.ToArray();
            waiting.Clear();
            RunApi(async (client, bridge, token) =>
            {
                var answers = ids.Select(id => ReadAsync(client, id, token)).ToArray();
                for (var i = 0; i < ids.Length; i++)
                {
                    var id = ids[i];
                    try
                    {
                        var result = (await answers[i].ConfigureAwait(false)).Result;
                        if (result == null)
                        {
                            bridge.Post(() => WriteError(new ErrorRecord(
                                new InvalidOperationException($"The API answered without a result for {id}."),
                                "EsNoResult", ErrorCategory.InvalidResult, id)));
                        }
                        else
                        {
                            AssignId(result, id);
                            bridge.Post(() => Write(result, id));
                        }
                    }
                    catch (Exception failure) when (!(failure is OperationCanceledException))
                    {
                        bridge.Post(() => WriteError(ErrorRecords.From(failure, id)));
                    }

                    bridge.Post(() => CountRead(id));
                }
            }, ids.Length == 1 ? ids[0] : (object)ids, connection: waitingOn);
        }
    }
}
