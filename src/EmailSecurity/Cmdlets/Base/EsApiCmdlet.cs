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
    /// and the client for that connection.
    /// </summary>
    public abstract class EsApiCmdlet : EsCmdlet
    {
        private EsConnection? resolved;

        /// <summary>A connection from <c>Connect-EsAccount -PassThru</c>; the session's connection when omitted.</summary>
        [Parameter]
        [ValidateNotNull]
        public EsConnection? Connection { get; set; }

        /// <summary>Works on this account with the connection's credential.</summary>
        [Parameter]
        [ValidateAccountId]
        public string? AccountId { get; set; }

        protected override void BeginProcessing()
        {
            var connection = Connection ?? EsSession.Current;
            if (connection == null)
            {
                ThrowTerminatingError(ErrorRecords.NotConnected());
            }

            if (connection!.IsClosed)
            {
                ThrowTerminatingError(ErrorRecords.ConnectionClosed(connection));
            }

            resolved = AccountId == null ? connection : connection!.ForAccount(AccountId);
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
                WriteWarning($"-{string.Join(", -", unused)} page through lists and do nothing with -Id: every id given is read.");
            }
        }

        internal EsConnection ActiveConnection => resolved ?? throw new InvalidOperationException("BeginProcessing has not run.");

        internal void WritePaged<T>(ApiRequest request, int pageSize)
            where T : class
        {
            var paging = PagingParameters; // null unless the cmdlet declares SupportsPaging
            var skip = paging?.Skip ?? 0UL;
            var first = paging?.First ?? ulong.MaxValue;
            var countOnly = first == 0 && paging != null && paging.IncludeTotalCount; // -IncludeTotalCount -First 0: one small page for its total
            if (countOnly)
            {
                pageSize = 1;
            }
            else if (first < ulong.MaxValue && first + skip < (ulong)pageSize)
            {
                pageSize = (int)Math.Max(1UL, first + skip);
            }

            var progress = new ProgressReporter(this, $"{MyInvocation.MyCommand.Name}: reading {request.Path.Display}");
            RunApi(async (client, bridge, token) =>
            {
                ulong skipped = 0, written = 0;
                if (first == 0 && !countOnly)
                {
                    return;
                }

                var pages = client.PagesAsync<T>(request, pageSize, token).GetAsyncEnumerator(token);
                try
                {
                    while (await pages.MoveNextAsync().ConfigureAwait(false))
                    {
                        var page = pages.Current;
                        if (page.Number == 1 && paging != null && paging.IncludeTotalCount)
                        {
                            var total = page.Info?.TotalCount;
                            bridge.Post(() => WriteObject(paging.NewTotalCount(total.HasValue ? (ulong)total.Value : 0UL, total.HasValue ? 1.0 : 0.0)));
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
                        var expected = page.Info?.TotalCount is long count && (ulong)Math.Max(0L, count) >= skip ? Math.Min((ulong)count - skip, first) : (ulong?)null;
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
            }, request.Path.Display);
        }

        /// <summary>Runs API work for the active connection; see <see cref="EsCmdlet.RunAsync"/>.</summary>
        internal void RunApi(Func<EsApiClient, PipelineBridge, CancellationToken, Task> work, object? errorTarget, Action<Exception>? onFailure = null) =>
            RunAsync((bridge, token) => work(new EsApiClient(ActiveConnection, bridge), bridge, token), errorTarget, onFailure);
    }
}
