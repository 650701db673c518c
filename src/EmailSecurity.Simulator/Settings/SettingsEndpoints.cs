using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Settings
{
    /// <summary>list/get/create/edit/delete under /settings/{resource}, driven by a <see cref="SettingsResource"/>.</summary>
    internal static class SettingsEndpoints
    {
        private static readonly string[] Directions = { "asc", "desc" };

        public static void Register(Router router, IEnumerable<SettingsResource> resources)
        {
            foreach (SettingsResource resource in resources)
            {
                string collection = "settings/" + resource.Path;
                router.Add("GET", collection, c => List(resource, c));
                router.Add("GET", collection + "/{}", c => Envelope.Ok(Write(resource, Find(resource, c))));
                router.Add("PATCH", collection + "/{}", c => Edit(resource, c));
                router.Add("DELETE", collection + "/{}", c => Delete(resource, c));
                if (resource.CanCreate)
                {
                    router.Add("POST", collection, c => Create(resource, c));
                }
            }
        }

        private static SimulatedResponse List(SettingsResource resource, RequestContext context)
        {
            QueryParameters query = context.Query;
            string order = query.GetEnum("order", resource.OrderFields) ?? "created_at";
            bool descending = (query.GetEnum("direction", Directions) ?? "asc") == "desc";
            List<Func<JsonObject, bool>> predicates = resource.Filters
                .Select(f => f.Build(query))
                .Where(p => p != null)
                .Select(p => p!)
                .ToList();

            IEnumerable<JsonObject> matching = context.Account.Settings.Entries(resource).Where(e => predicates.All(p => p(e)));
            IOrderedEnumerable<JsonObject> sorted = descending
                ? matching.OrderByDescending(e => SortKey(e, order), StringComparer.OrdinalIgnoreCase)
                : matching.OrderBy(e => SortKey(e, order), StringComparer.OrdinalIgnoreCase);
            List<JsonObject> page = sorted.ThenBy(e => (string?)e["id"], StringComparer.Ordinal).ToList();
            return Paging.ByPage(page, query, e => Write(resource, e));
        }

        private static SimulatedResponse Create(SettingsResource resource, RequestContext context)
        {
            JsonObject body = ReadBody(resource, context.Body);
            var entry = new JsonObject { ["id"] = context.Account.Runtime.NextGuid().ToString() };
            foreach (FieldSpec field in resource.Fields)
            {
                if (body[field.Name] == null && field.Required)
                {
                    throw ApiException.Invalid(field.Name, "is required");
                }
                entry[field.Name] = body.ContainsKey(field.Name) ? field.Read(body[field.Name]) : null;
            }
            entry["created_at"] = Json.Date(context.Now);
            entry["modified_at"] = Json.Date(context.Now);
            resource.Check?.Invoke(entry);
            context.Account.Settings.Entries(resource).Add(entry);
            return Envelope.Ok(Write(resource, entry));
        }

        /// <summary>Only the fields present in the body change; the entry is replaced only when every check passes.</summary>
        private static SimulatedResponse Edit(SettingsResource resource, RequestContext context)
        {
            JsonObject existing = Find(resource, context);
            JsonObject body = ReadBody(resource, context.Body);
            var updated = (JsonObject)existing.DeepClone();
            foreach (FieldSpec field in resource.Fields.Where(f => body.ContainsKey(f.Name)))
            {
                updated[field.Name] = field.Read(body[field.Name]);
            }
            updated["modified_at"] = Json.Date(context.Now);
            resource.Check?.Invoke(updated);
            List<JsonObject> entries = context.Account.Settings.Entries(resource);
            entries[entries.IndexOf(existing)] = updated;
            return Envelope.Ok(Write(resource, updated));
        }

        private static SimulatedResponse Delete(SettingsResource resource, RequestContext context)
        {
            JsonObject existing = Find(resource, context);
            context.Account.Settings.Entries(resource).Remove(existing);
            return Envelope.Ok(new JsonObject { ["id"] = (string?)existing["id"] });
        }

        private static JsonObject Find(SettingsResource resource, RequestContext context) =>
            context.Account.Settings.Get(resource, context.Id);

        private static JsonObject ReadBody(SettingsResource resource, string? text)
        {
            JsonObject body = JsonBody.ParseObject(text);
            foreach ((string field, string replacement) in resource.EndOfLifeFields)
            {
                JsonBody.RejectEndOfLife(body, field, replacement);
            }
            return body;
        }

        private static JsonObject Write(SettingsResource resource, JsonObject entry)
        {
            var output = new JsonObject();
            foreach (string key in resource.OutputKeys)
            {
                output[key] = entry[key]?.DeepClone();
            }
            return output;
        }

        /// <summary>Dates sort as round-trip ticks so that "…:00Z" and "…:00.123Z" compare in time order.</summary>
        private static string SortKey(JsonObject entry, string field)
        {
            string value = (string?)entry[field] ?? "";
            return field.EndsWith("_at", StringComparison.Ordinal)
                && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out DateTimeOffset date)
                ? date.UtcTicks.ToString("D20", CultureInfo.InvariantCulture)
                : value;
        }
    }
}
