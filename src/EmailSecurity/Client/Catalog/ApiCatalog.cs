using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace EmailSecurity.Client
{
    /// <summary>
    /// Every operation the module sends, each declared once: here those of investigate, PhishGuard and submissions;
    /// the settings lists on their models (<see cref="ApiCollectionAttribute"/>). Cmdlets take their requests from
    /// these and never spell a route. <see cref="All"/> lists them all, found rather than listed.
    /// </summary>
    internal static class ApiCatalog
    {
        public static class Investigate
        {
            public static readonly ApiOperation List =
                ApiOperation.Get("investigate.list", "/investigate", RequestShape.Paged(PagingStyle.Cursor));

            public static readonly ApiOperation Get = ApiOperation.Get("investigate.get", "/investigate/{investigate_id}");

            public static readonly ApiOperation Detections =
                ApiOperation.Get("investigate.detections.get", "/investigate/{investigate_id}/detections");

            public static readonly ApiOperation Preview = ApiOperation.Get("investigate.preview.get", "/investigate/{investigate_id}/preview");

            /// <summary>
            /// The preview of any message by its postfix id. (The newer API names the field "id" and takes an
            /// investigate id there: another input, so not a second shape of this request.)
            /// </summary>
            public static readonly ApiOperation PreviewByPostfixId =
                ApiOperation.Post("investigate.preview.create", "/investigate/preview", RequestShape.IdIn("postfix_id"));

            public static readonly ApiOperation Raw = ApiOperation.Get("investigate.raw.get", "/investigate/{investigate_id}/raw");

            public static readonly ApiOperation Trace = ApiOperation.Get("investigate.trace.get", "/investigate/{investigate_id}/trace");

            public static readonly ApiOperation Move = ApiOperation.Post("investigate.move.create", "/investigate/{investigate_id}/move");

            public static readonly ApiOperation MoveBulk =
                ApiOperation.Post("investigate.move.bulk", "/investigate/move", RequestShape.IdsIn("ids"));

            public static readonly ApiOperation Reclassify =
                ApiOperation.Post("investigate.reclassify.create", "/investigate/{investigate_id}/reclassify");

            /// <summary>The older API takes a bare array of ids; the newer one <c>{"ids": [...]}</c>.</summary>
            public static readonly ApiOperation Release =
                ApiOperation.Post("investigate.release.bulk", "/investigate/release", RequestShape.IdsAsBody, RequestShape.IdsIn("ids"));
        }

        public static class PhishGuard
        {
            /// <summary>One unpaged answer in the older API; page numbers in the newer one.</summary>
            public static readonly ApiOperation Reports =
                ApiOperation.Get("phishguard.reports.list", "/phishguard/reports", RequestShape.Plain, RequestShape.Paged(PagingStyle.PageNumber));
        }

        public static class Submissions
        {
            public static readonly ApiOperation List = ApiOperation.Get("submissions.list", "/submissions", RequestShape.Paged(PagingStyle.PageNumber));
        }

        private static readonly ConcurrentDictionary<Type, ApiCollection> Collections = new ConcurrentDictionary<Type, ApiCollection>();

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
            typeof(ApiCatalog).Assembly.GetTypes().Where(type => type.GetCustomAttribute<ApiCollectionAttribute>() != null);

        /// <summary>The collection whose entries are <typeparamref name="TModel"/>.</summary>
        public static ApiCollection CollectionOf<TModel>() => CollectionOf(typeof(TModel));

        public static ApiCollection CollectionOf(Type model) => Collections.GetOrAdd(model, type =>
        {
            var declared = type.GetCustomAttribute<ApiCollectionAttribute>()
                ?? throw new ArgumentException($"{type.Name} declares no [ApiCollection].", nameof(model));
            return new ApiCollection(declared.Route, declared.ItemParameter, declared.Noun, declared.Creates, declared.Batches, declared.DescribedBy);
        });
    }
}
