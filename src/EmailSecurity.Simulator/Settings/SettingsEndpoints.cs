using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Settings
{
    /// <summary>
    /// list/get/create/edit/delete under /settings/{resource}, and replace, batch and bulk delete where the
    /// <see cref="SettingsResource"/> declares them, each from the API version that has it.
    /// </summary>
    internal static class SettingsEndpoints
    {
        private static readonly string[] Directions = { "asc", "desc" };

        public static void Register(Router router, IEnumerable<SettingsResource> resources)
        {
            foreach (SettingsResource resource in resources)
            {
                string collection = "settings/" + resource.Path;
                ApiVersion since = resource.Since;
                router.Add("GET", collection, c => List(resource, c), since);
                router.Add("GET", collection + "/{}", c => Envelope.Ok(Write(resource, Find(resource, c), c.Version)),
                    since);
                router.Add("PATCH", collection + "/{}", c => Edit(resource, c), since);
                router.Add("DELETE", collection + "/{}", c => Delete(resource, c), since);
                if (resource.CreateSince is ApiVersion create)
                {
                    router.Add("POST", collection, c => Create(resource, c), Later(since, create));
                }
                if (resource.ReplaceSince is ApiVersion replace)
                {
                    router.Add("PUT", collection + "/{}", c => Replace(resource, c), Later(since, replace));
                }
                if (resource.BatchSince is ApiVersion batch)
                {
                    router.Add("POST", collection + "/batch", c => SettingsBatch.Run(resource, c), Later(since, batch));
                }
                if (resource.BulkDeleteSince is ApiVersion bulkDelete)
                {
                    router.Add("DELETE", collection, c => DeleteAll(resource, c), Later(since, bulkDelete));
                }
            }
        }

        private static ApiVersion Later(ApiVersion a, ApiVersion b) => a > b ? a : b;

        private static SimulatedResponse List(SettingsResource resource, RequestContext context)
        {
            QueryParameters query = context.Query;
            string order = query.GetEnum("order", resource.OrderFields) ?? "created_at";
            bool descending = (query.GetEnum("direction", Directions) ?? "asc") == "desc";
            List<Func<JsonObject, bool>> predicates = resource.Filters
                .Where(f => f.OnlyIn == null || f.OnlyIn == context.Version)
                .Select(f => f.Build(query))
                .Where(p => p != null)
                .Select(p => p!)
                .ToList();

            IEnumerable<JsonObject> matching =
                context.Account.Settings.Entries(resource).Where(e => predicates.All(p => p(e)));
            IOrderedEnumerable<JsonObject> sorted = descending
                ? matching.OrderByDescending(e => SortKey(e, order), StringComparer.OrdinalIgnoreCase)
                : matching.OrderBy(e => SortKey(e, order), StringComparer.OrdinalIgnoreCase);
            List<JsonObject> page = sorted.ThenBy(e => (string?)e["id"], StringComparer.Ordinal).ToList();
            return Paging.ByPage(page, query, e => Write(resource, e, context.Version));
        }

        private static SimulatedResponse Create(SettingsResource resource, RequestContext context)
        {
            JsonObject entry = SettingsEntries.Create(resource, JsonBody.ParseObject(context.Body), context);
            List<JsonObject> entries = context.Account.Settings.Entries(resource);
            SettingsEntries.CheckUnique(resource, entries, entry);
            entries.Add(entry);
            return Envelope.Ok(Write(resource, entry, context.Version));
        }

        /// <summary>
        /// Only the fields present in the body change; the entry is replaced only when every check passes.
        /// </summary>
        private static SimulatedResponse Edit(SettingsResource resource, RequestContext context)
        {
            JsonObject existing = Find(resource, context);
            JsonObject updated = SettingsEntries.Patch(resource, existing, JsonBody.ParseObject(context.Body), context);
            return Store(resource, context, existing, updated);
        }

        /// <summary>Every writable field is set: those not sent are cleared.</summary>
        private static SimulatedResponse Replace(SettingsResource resource, RequestContext context)
        {
            JsonObject existing = Find(resource, context);
            JsonObject updated =
                SettingsEntries.Replace(resource, existing, JsonBody.ParseObject(context.Body), context);
            return Store(resource, context, existing, updated);
        }

        private static SimulatedResponse Store(
            SettingsResource resource,
            RequestContext context,
            JsonObject existing,
            JsonObject updated)
        {
            List<JsonObject> entries = context.Account.Settings.Entries(resource);
            SettingsEntries.CheckUnique(resource, entries, updated);
            entries[entries.IndexOf(existing)] = updated;
            return Envelope.Ok(Write(resource, updated, context.Version));
        }

        private static SimulatedResponse Delete(SettingsResource resource, RequestContext context)
        {
            JsonObject existing = Find(resource, context);
            context.Account.Settings.Entries(resource).Remove(existing);
            return Envelope.Ok(new JsonObject { ["id"] = (string?)existing["id"] });
        }

        /// <summary>
        /// The deprecated DELETE on the collection. The SDK sends neither body nor query, so the request names no
        /// entry; the emulator reads that as "every entry" (the reference does not say) and refuses a body, which it
        /// could not honour.
        /// </summary>
        private static SimulatedResponse DeleteAll(SettingsResource resource, RequestContext context)
        {
            if (!string.IsNullOrWhiteSpace(context.Body))
            {
                throw ApiException.Invalid("body", "this operation takes no body; to name entries use POST settings/"
                    + resource.Path + "/batch");
            }
            List<JsonObject> entries = context.Account.Settings.Entries(resource);
            JsonArray removed = Json.Array(entries.Select(e => (JsonNode)new JsonObject { ["id"] = (string?)e["id"] }));
            entries.Clear();
            return Envelope.Ok(removed);
        }

        private static JsonObject Find(SettingsResource resource, RequestContext context) =>
            context.Account.Settings.Get(resource, context.Id);

        /// <summary>
        /// The entry as the API writes it: its keys in order, the deprecated last_modified as modified_at.
        /// </summary>
        public static JsonObject Write(SettingsResource resource, JsonObject entry, ApiVersion version)
        {
            var output = new JsonObject();
            foreach (string key in resource.OutputKeys)
            {
                output[key] = entry[key == "last_modified" ? "modified_at" : key]?.DeepClone();
            }
            resource.Adapt?.Invoke(output, version);
            return output;
        }

        /// <summary>Dates sort as round-trip ticks so that "…:00Z" and "…:00.123Z" compare in time order.</summary>
        private static string SortKey(JsonObject entry, string field)
        {
            string value = (string?)entry[field] ?? "";
            return field.EndsWith("_at", StringComparison.Ordinal)
                && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal,
                    out DateTimeOffset date)
                ? date.UtcTicks.ToString("D20", CultureInfo.InvariantCulture)
                : value;
        }
    }
}
