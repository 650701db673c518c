using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets.Completion
{
    /// <summary>A list request and how to turn its items into choices.</summary>
    internal sealed class IdSource
    {
        private readonly Func<System.Text.Json.JsonElement, IdChoice?> describe;

        public IdSource(ApiRequest request, Func<System.Text.Json.JsonElement, IdChoice?> describe)
        {
            Request = request;
            this.describe = describe;
        }

        public ApiRequest Request { get; }

        /// <summary>
        /// The first page only (up to 100 items): completion is for picking, not for listing everything.
        /// </summary>
        public async Task<IReadOnlyList<IdChoice>> Fetch(EsApiClient client, CancellationToken cancellationToken)
        {
            var pages = client.PagesAsync<System.Text.Json.JsonElement>(Request, 100, cancellationToken)
                .GetAsyncEnumerator(cancellationToken);
            try
            {
                return await pages.MoveNextAsync().ConfigureAwait(false)
                    ? pages.Current.Items.Select(describe).Where(c => c != null).Select(c => c!).ToList()
                    : new List<IdChoice>();
            }
            finally
            {
                await pages.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
