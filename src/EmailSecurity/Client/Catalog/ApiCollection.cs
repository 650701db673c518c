using System.Collections.Generic;
using System.Linq;

namespace EmailSecurity.Client
{
    /// <summary>
    /// A collection of the API (a settings list): its list, get, create, edit and delete operations, made from its
    /// route and the name of its item's placeholder, and how a person knows its entries. Declared on its model with
    /// <see cref="ApiCollectionAttribute"/>.
    /// </summary>
    internal sealed class ApiCollection
    {
        public ApiCollection(
            string route,
            string itemParameter,
            string noun,
            IReadOnlyList<string> describedBy,
            bool creates,
            bool edits,
            bool replaces,
            bool batches,
            string? filterCasedByVersion = null)
        {
            var name = ApiOperation.NameOf(route);
            var item = $"{route}/{{{itemParameter}}}";
            Route = route;
            Noun = noun;
            DescribedBy = describedBy;
            var paged = RequestShape.Paged(PagingStyle.PageNumber);
            List = filterCasedByVersion == null
                ? ApiOperation.Get(name + ".list", route, paged)
                : ApiOperation.Get(name + ".list", route, paged.WithQueryCase(filterCasedByVersion, upper: false),
                    paged.WithQueryCase(filterCasedByVersion, upper: true));
            Get = ApiOperation.Get(name + ".get", item);
            Create = creates ? ApiOperation.Post(name + ".create", route) : null;
            Edit = edits ? ApiOperation.Patch(name + ".edit", item) : null;
            Replace = replaces ? ApiOperation.Put(name + ".update", item) : null;
            Delete = ApiOperation.Delete(name + ".delete", item);
            Batch = batches ? ApiOperation.Post(name + ".batch", route + "/batch") : null;
        }

        /// <summary>The collection's route, e.g. "/settings/block_senders".</summary>
        public string Route { get; }

        /// <summary>What one entry is called in messages, e.g. "blocked sender".</summary>
        public string Noun { get; }

        /// <summary>The fields that tell a person which entry an id is (shown by tab completion).</summary>
        public IReadOnlyList<string> DescribedBy { get; }

        public ApiOperation List { get; }

        public ApiOperation Get { get; }

        /// <summary>Null when the API creates no entries of this collection.</summary>
        public ApiOperation? Create { get; }

        /// <summary>PATCH: null when the API edits no entries of this collection.</summary>
        public ApiOperation? Edit { get; }

        /// <summary>PUT, the whole configuration: null when the API replaces no entries of this collection.</summary>
        public ApiOperation? Replace { get; }

        public ApiOperation Delete { get; }

        /// <summary>
        /// <c>POST {route}/batch</c>: deletes, patches, puts and posts in one atomic request; null when the API has
        /// none for this collection.
        /// </summary>
        public ApiOperation? Batch { get; }

        public IEnumerable<ApiOperation> Operations =>
            new[] { List, Get, Create, Edit, Replace, Delete, Batch }.Where(o => o != null).Select(o => o!);
    }
}
