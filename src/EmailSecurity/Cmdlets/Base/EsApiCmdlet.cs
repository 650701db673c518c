using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets
{
    /// <summary>
    /// Base of the cmdlets that call the API: the <c>-Connection</c> and <c>-AccountId</c> every one of them takes,
    /// and the client for the connection in effect. Every object written remembers the connection it came from
    /// (<see cref="ObjectOrigin"/>), and a cmdlet it is piped to works in that account when not told otherwise.
    /// </summary>
    public abstract class EsApiCmdlet : EsCmdlet
    {
        private readonly Dictionary<EsConnection, EsConnection> copiesForAccount =
            new Dictionary<EsConnection, EsConnection>();
        private EsConnection? writingFor;
        private bool notedObjectsWithoutOrigin;

        /// <summary>
        /// A connection from <c>Connect-EsAccount -PassThru</c>; the session's connection when omitted.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public EsConnection? Connection { get; set; }

        /// <summary>Works on this account with the connection's credential.</summary>
        [Parameter]
        [ValidateAccountId]
        public string? AccountId { get; set; }

        protected override void BeginProcessing()
        {
            if (Connection?.IsClosed == true)
            {
                ThrowTerminatingError(ErrorRecords.ConnectionClosed(Connection));
            }

            // Piped objects may bring their own connections; without input there is nothing else to go on.
            if (Connection == null && EsSession.Current == null && !MyInvocation.ExpectingInput)
            {
                ThrowTerminatingError(ErrorRecords.NotConnected());
            }
        }

        /// <summary>
        /// The connection for work on <paramref name="piped"/> (null: none piped): -Connection, else the one the object
        /// came from, else the session's; then -AccountId. Null, with an error written for the object, when the object
        /// came from a closed connection, or from another account than an explicit -Connection or -AccountId names
        /// (its id would act on another account's data) unless <paramref name="anyOrigin"/>: a New- cmdlet copies the
        /// object it is given, to wherever it is told.
        /// </summary>
        internal EsConnection? ConnectionFor(object? piped, bool anyOrigin = false)
        {
            var origin = ObjectOrigin.Of(piped);
            var connection = Connection ?? origin ?? EsSession.Current;
            if (connection == null || (connection.IsClosed && connection != origin))
            {
                ThrowTerminatingError(
                    connection == null ? ErrorRecords.NotConnected() : ErrorRecords.ConnectionClosed(connection));
                return null;
            }

            // The errors name the object itself, as the pipeline gave it.
            var item = piped is PSObject wrapped ? wrapped.BaseObject : piped;
            if (connection.IsClosed)
            {
                WriteError(ErrorRecords.ConnectionClosed(connection, item));
                return null;
            }

            var target = AccountId == null ? connection : ForAccount(connection, AccountId);
            if (origin != null && !anyOrigin && origin.AccountKey != target.AccountKey)
            {
                WriteError(ErrorRecords.ConnectionMismatch(item!, origin, target));
                return null;
            }

            if (origin == null && !notedObjectsWithoutOrigin && piped is PSObject shown
                && ModuleTypes.Of(shown) is Type type)
            {
                notedObjectsWithoutOrigin = true;
                WriteVerbose(
                    $"{type.Name} objects that carry no connection (read back from a file or a job, or made in a "
                    + $"script) go to account {target.AccountId}, the connection in effect.");
            }

            return target;
        }

        /// <summary>
        /// The ids of the current record in runs by the object each was taken from: all with the piped object; for
        /// objects given as an argument (-Id $messages), each object with its id, so they are worked on exactly as
        /// the same objects piped (each in the account it came from, a mismatch that object's error, see
        /// <see cref="ConnectionFor"/>). Ids given as text come with none.
        /// </summary>
        internal static IEnumerable<(T? Source, List<string> Ids)> IdsBySource<T>(IEnumerable<string> ids, T? piped)
            where T : class
        {
            (T? Source, List<string> Ids)? run = null;
            foreach (var id in ids)
            {
                var source = SourceOf(id, piped);
                if (run is { } current && ReferenceEquals(Unwrapped(current.Source), Unwrapped(source)))
                {
                    current.Ids.Add(id);
                    continue;
                }

                if (run != null)
                {
                    yield return run.Value;
                }

                run = (source, new List<string> { id });
            }

            if (run != null)
            {
                yield return run.Value;
            }
        }

        /// <summary>
        /// <see cref="IdsBySource"/>, each run with the connection it goes to (<see cref="ConnectionFor"/>); a run
        /// whose object may not be worked on there is left out, its error written.
        /// </summary>
        internal IEnumerable<(PSObject? Source, EsConnection Connection, List<string> Ids)> IdsByConnection(
            IEnumerable<string> ids, PSObject? piped)
        {
            foreach (var (source, run) in IdsBySource(ids, piped))
            {
                if (ConnectionFor(source) is EsConnection connection)
                {
                    yield return (source, connection, run);
                }
            }
        }

        /// <summary>The object an id came with: the piped one, or the one an -Id argument took it from.</summary>
        internal static T? SourceOf<T>(string id, T? piped)
            where T : class
        {
            if (piped != null)
            {
                return piped;
            }

            var source = ObjectOrigin.SourceOfId(id);
            return typeof(T) == typeof(PSObject)
                ? source == null ? null : (T)(object)PSObject.AsPSObject(source)
                : Unwrapped(source) as T;
        }

        private static object? Unwrapped(object? item) => item is PSObject wrapped ? wrapped.BaseObject : item;

        /// <summary>
        /// One copy per connection for -AccountId, so the work of one account goes together (in batches).
        /// </summary>
        private EsConnection ForAccount(EsConnection connection, string accountId)
        {
            if (!copiesForAccount.TryGetValue(connection, out var copy))
            {
                copy = connection.ForAccount(accountId);
                copiesForAccount[connection] = copy;
            }

            return copy;
        }

        private protected override void Writing(object item)
        {
            if (writingFor != null)
            {
                ObjectOrigin.Remember(item, writingFor);
            }
        }

        /// <summary>
        /// SupportsPaging adds -First, -Skip and -IncludeTotalCount to every parameter set, but with -Id there is no
        /// list to page: say once that they do nothing.
        /// </summary>
        protected void WarnPagingUnusedWithIds()
        {
            var unused = new[] { "First", "Skip", "IncludeTotalCount" }.Where(IsBound).ToList();
            if (unused.Count > 0)
            {
                WriteWarning($"-{string.Join(", -", unused)} page through lists and do nothing with -Id: every id " +
                    "given is read.");
            }
        }

        /// <summary>
        /// Streams every item of a paged list to the pipeline as its page arrives, paged as its request's shape says,
        /// fetching the next page while the current one is written. Honours -First, -Skip and -IncludeTotalCount when
        /// the cmdlet supports paging, and asks for no more per page, and no more pages, than -First needs. A search
        /// given a
        /// <paramref name="partitioning"/> may be read in time windows at once, written in the same order.
        /// </summary>
        internal void WritePaged<T>(
            ApiRequest request,
            int pageSize,
            TimePartitioning<T>? partitioning = null,
            EsConnection? connection = null)
            where T : class
        {
            var paging = PagingParameters; // null unless the cmdlet declares SupportsPaging
            var skip = paging?.Skip ?? 0UL;
            var first = paging?.First ?? ulong.MaxValue;
            // -IncludeTotalCount -First 0: one small page for its total
            var countOnly = first == 0 && paging != null && paging.IncludeTotalCount;
            if (countOnly)
            {
                pageSize = 1;
            }
            else if (first < ulong.MaxValue && first + skip < (ulong)pageSize)
            {
                pageSize = (int)Math.Max(1UL, first + skip);
            }

            var itemLimit = countOnly ? 1L
                : first >= long.MaxValue || skip >= (ulong)long.MaxValue - first ? long.MaxValue
                : (long)(first + skip);
            var progress = new ProgressReporter(this, $"{MyInvocation.MyCommand.Name}: reading {request.Path.Display}");
            RunApi(async (client, bridge, token) =>
            {
                ulong skipped = 0, written = 0;
                if (first == 0 && !countOnly)
                {
                    return;
                }

                var pages =
                    client.PagesAsync(request, pageSize, token, partitioning, itemLimit).GetAsyncEnumerator(token);
                try
                {
                    while (await pages.MoveNextAsync().ConfigureAwait(false))
                    {
                        var page = pages.Current;
                        if (page.Number == 1 && paging != null && paging.IncludeTotalCount)
                        {
                            var total = page.Total;
                            bridge.Post(() => WriteObject(paging.NewTotalCount(
                                total.HasValue ? (ulong)total.Value : 0UL, total.HasValue ? 1.0 : 0.0)));
                        }

                        var batch = new List<object>(page.Items.Count);
                        foreach (var item in page.Items)
                        {
                            if (skipped < skip)
                            {
                                skipped++;
                                continue;
                            }

                            if (written == first)
                            {
                                break;
                            }

                            batch.Add(item!);
                            written++;
                        }

                        await bridge.PostPageAsync(batch, token).ConfigureAwait(false);
                        var shown = written;
                        var expected = page.Total is long count && (ulong)Math.Max(0L, count) >= skip
                            ? Math.Min((ulong)count - skip, first)
                            : (ulong?)null;
                        bridge.Post(() => progress.Report(shown, expected, $"page {page.Number}"));
                        if (written == first)
                        {
                            return;
                        }
                    }
                }
                finally
                {
                    await pages.DisposeAsync().ConfigureAwait(false);
                    bridge.Post(progress.Complete);
                }
            }, request.Path.Display, connection: connection);
        }

        /// <summary>
        /// Runs API work on <paramref name="connection"/> (by default the one in effect when nothing is piped); see
        /// <see cref="EsCmdlet.RunAsync"/>. What the work writes remembers that connection.
        /// </summary>
        internal void RunApi(
            Func<EsApiClient, PipelineBridge, CancellationToken, Task> work,
            object? errorTarget,
            Action<Exception>? onFailure = null,
            EsConnection? connection = null)
        {
            var target = connection ?? ConnectionFor(null)!;
            var outer = writingFor;
            writingFor = target;
            try
            {
                RunAsync((bridge, token) => work(new EsApiClient(target, bridge), bridge, token), errorTarget,
                    onFailure);
            }
            finally
            {
                writingFor = outer;
            }
        }
    }
}
