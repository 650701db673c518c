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
        public ApiCollection(string route, string itemParameter, string noun, bool creates, bool batches, IReadOnlyList<string> describedBy)
        {
            var name = ApiOperation.NameOf(route);
            var item = $"{route}/{{{itemParameter}}}";
            Route = route;
            Noun = noun;
            DescribedBy = describedBy;
            List = ApiOperation.Get(name + ".list", route, RequestShape.Paged(PagingStyle.PageNumber));
            Get = ApiOperation.Get(name + ".get", item);
            Create = creates ? ApiOperation.Post(name + ".create", route) : null;
            Edit = ApiOperation.Patch(name + ".edit", item);
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

        public ApiOperation Edit { get; }

        public ApiOperation Delete { get; }

        /// <summary>
        /// <c>POST {route}/batch</c>: deletes, patches, puts and posts in one atomic request; null when the API has none
        /// for this collection.
        /// </summary>
        public ApiOperation? Batch { get; }

        public IEnumerable<ApiOperation> Operations =>
            new[] { List, Get, Create, Edit, Delete, Batch }.Where(o => o != null).Select(o => o!);
    }
}
