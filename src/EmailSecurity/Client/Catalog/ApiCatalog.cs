using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace EmailSecurity.Client
{
    /// <summary>
    /// Every operation the module sends, each declared once: here those of investigate, PhishGuard and submissions;
    /// the collections (settings lists, bulk action jobs) on their models (<see cref="ApiCollectionAttribute"/>).
    /// Cmdlets take their requests from these and never spell a route. <see cref="All"/> lists them all, found rather
    /// than listed.
    /// </summary>
    internal static class ApiCatalog
    {
        public static class Investigate
        {
            public static readonly ApiOperation List =
                ApiOperation.Get("investigate.list", "/investigate", RequestShape.Paged(PagingStyle.Cursor));

            /// <summary>The search's start (inclusive; the API's default 30 days ago) and end (default now).</summary>
            public const string ListStart = "start";

            public const string ListEnd = "end";

            /// <summary>
            /// The search parameter that aggregates the results by a metric rather than list them by time.
            /// </summary>
            public const string ListMetric = "metric";

            public static readonly ApiOperation Get =
                ApiOperation.Get("investigate.get", "/investigate/{investigate_id}");

            public static readonly ApiOperation Detections =
                ApiOperation.Get("investigate.detections.get", "/investigate/{investigate_id}/detections");

            public static readonly ApiOperation Preview =
                ApiOperation.Get("investigate.preview.get", "/investigate/{investigate_id}/preview");

            /// <summary>
            /// The preview of a message without a detection. The newer API takes its investigate id in "id"; the older
            /// one its postfix id in "postfix_id" (sent only when the request knows the postfix id).
            /// </summary>
            public static readonly ApiOperation PreviewWithoutDetection = ApiOperation.Post(
                "investigate.preview.create", "/investigate/preview", RequestShape.IdIn("id"),
                RequestShape.PostfixIdIn("postfix_id"));

            public static readonly ApiOperation Raw =
                ApiOperation.Get("investigate.raw.get", "/investigate/{investigate_id}/raw");

            public static readonly ApiOperation Trace =
                ApiOperation.Get("investigate.trace.get", "/investigate/{investigate_id}/trace");

            public static readonly ApiOperation Move =
                ApiOperation.Post("investigate.move.create", "/investigate/{investigate_id}/move");

            public static readonly ApiOperation MoveBulk =
                ApiOperation.Post("investigate.move.bulk", "/investigate/move", RequestShape.IdsIn("ids"));

            public static readonly ApiOperation Reclassify =
                ApiOperation.Post("investigate.reclassify.create", "/investigate/{investigate_id}/reclassify");

            /// <summary>The older API takes a bare array of ids; the newer one <c>{"ids": [...]}</c>.</summary>
            public static readonly ApiOperation Release =
                ApiOperation.Post("investigate.release.bulk", "/investigate/release", RequestShape.IdsAsBody,
                    RequestShape.IdsIn("ids"));

            // The bulk action jobs' create, list, get and delete are their collection's, declared on BulkAction.
            public static readonly ApiOperation CancelBulkAction =
                ApiOperation.Post("investigate.bulk.cancel.create", "/investigate/bulk/{job_id}/cancel");

            public static readonly ApiOperation BulkActionMessages =
                ApiOperation.Get("investigate.bulk.messages.list", "/investigate/bulk/{job_id}/messages",
                    RequestShape.Paged(PagingStyle.PageNumber));
        }

        public static class PhishGuard
        {
            /// <summary>
            /// One unpaged answer in the older API; page numbers in the newer one, which answers a request without them
            /// with its first page (and result_info), from which the paged shape is learned.
            /// </summary>
            public static readonly ApiOperation Reports =
                ApiOperation.Get("phishguard.reports.list", "/phishguard/reports", RequestShape.Plain,
                    RequestShape.Paged(PagingStyle.PageNumber));
        }

        public static class Submissions
        {
            public static readonly ApiOperation List =
                ApiOperation.Get("submissions.list", "/submissions", RequestShape.Paged(PagingStyle.PageNumber));
        }

        private static readonly ConcurrentDictionary<Type, ApiCollection> Collections =
            new ConcurrentDictionary<Type, ApiCollection>();

        /// <summary>Every operation: the ones declared here, then each collection's, ordered by name.</summary>
        public static IReadOnlyList<ApiOperation> All { get; } = typeof(ApiCatalog).GetNestedTypes()
            .SelectMany(area => area.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(field => field.FieldType == typeof(ApiOperation))
            .Select(field => (ApiOperation)field.GetValue(null))
            .Concat(CollectionModels.SelectMany(model => CollectionOf(model).Operations))
            .OrderBy(operation => operation.Name, StringComparer.Ordinal)
            .ToList();

        /// <summary>The model types that declare a collection.</summary>
        public static IEnumerable<Type> CollectionModels =>
            typeof(ApiCatalog).Assembly.GetTypes()
                .Where(type => type.GetCustomAttribute<ApiCollectionAttribute>() != null);

        /// <summary>The collection whose entries are <typeparamref name="TModel"/>.</summary>
        public static ApiCollection CollectionOf<TModel>() => CollectionOf(typeof(TModel));

        public static ApiCollection CollectionOf(Type model) => Collections.GetOrAdd(model, type =>
        {
            var declared = type.GetCustomAttribute<ApiCollectionAttribute>()
                ?? throw new ArgumentException($"{type.Name} declares no [ApiCollection].", nameof(model));
            return new ApiCollection(
                declared.Route,
                declared.ItemParameter,
                declared.Noun,
                declared.DescribedBy,
                declared.Creates,
                declared.Edits,
                declared.Replaces,
                declared.Batches,
                declared.FilterCasedByVersion);
        });
    }
}
