using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Settings
{
    /// <summary>
    /// A settings entry as create, edit (PATCH) and replace (PUT) make it from a request body: validated, never
    /// stored here. The single calls and the batch endpoint share these.
    /// </summary>
    internal static class SettingsEntries
    {
        public static JsonObject Create(SettingsResource resource, JsonObject body, RequestContext context)
        {
            var entry = new JsonObject();
            foreach (FieldSpec field in Screen(resource, body, context.Version, editing: false))
            {
                if (body[field.Name] == null && field.Required)
                {
                    throw ApiException.Invalid(field.Name, "is required");
                }
                entry[field.Name] = body.ContainsKey(field.Name) ? field.Read(body[field.Name]) : null;
            }
            resource.OnCreate?.Invoke(entry, context.Now);
            entry["created_at"] = Json.Date(context.Now);
            entry["modified_at"] = Json.Date(context.Now);
            resource.Check?.Invoke(entry);
            entry["id"] = context.Account.Runtime.NextGuid().ToString();
            return entry;
        }

        /// <summary>Only the fields present in the body change.</summary>
        public static JsonObject Patch(
            SettingsResource resource,
            JsonObject existing,
            JsonObject body,
            RequestContext context)
        {
            var updated = (JsonObject)existing.DeepClone();
            foreach (FieldSpec field in Screen(resource, body, context.Version, editing: true)
                .Where(f => body.ContainsKey(f.Name)))
            {
                updated[field.Name] = field.Read(body[field.Name]);
            }
            return Modified(resource, updated, context);
        }

        /// <summary>Every writable field is set; optional ones not sent are cleared.</summary>
        public static JsonObject Replace(
            SettingsResource resource,
            JsonObject existing,
            JsonObject body,
            RequestContext context)
        {
            var updated = (JsonObject)existing.DeepClone();
            foreach (FieldSpec field in Screen(resource, body, context.Version, editing: true)
                .Where(f => !f.FixedAfterCreation))
            {
                if (body[field.Name] == null && field.Required)
                {
                    throw ApiException.Invalid(field.Name, "is required");
                }
                updated[field.Name] = body.ContainsKey(field.Name) ? field.Read(body[field.Name]) : null;
            }
            return Modified(resource, updated, context);
        }

        /// <summary>
        /// A 409 when another entry already holds the candidate's value of the resource's unique field.
        /// </summary>
        public static void CheckUnique(SettingsResource resource, IEnumerable<JsonObject> entries, JsonObject candidate)
        {
            if (resource.UniqueField == null)
            {
                return;
            }
            string? value = (string?)candidate[resource.UniqueField];
            if (entries.Any(e => (string?)e["id"] != (string?)candidate["id"]
                && string.Equals((string?)e[resource.UniqueField], value, System.StringComparison.OrdinalIgnoreCase)))
            {
                throw ApiException.Conflict(resource.UniqueField + ": " + value + " already exists");
            }
        }

        private static JsonObject Modified(SettingsResource resource, JsonObject updated, RequestContext context)
        {
            updated["modified_at"] = Json.Date(context.Now);
            resource.Check?.Invoke(updated);
            return updated;
        }

        /// <summary>
        /// The fields the version knows. Refuses, before anything is read, a field past its end of life, a field
        /// only another version knows, and (when editing) a field fixed at creation.
        /// </summary>
        private static IReadOnlyList<FieldSpec> Screen(
            SettingsResource resource,
            JsonObject body,
            ApiVersion version,
            bool editing)
        {
            foreach ((string field, string replacement) in resource.EndOfLifeFields)
            {
                JsonBody.RejectEndOfLife(body, field, replacement);
            }
            List<FieldSpec> fields = resource.Fields.Where(f => f.ExistsIn(version)).ToList();
            foreach (string key in body.Select(p => p.Key))
            {
                FieldSpec? known = fields.FirstOrDefault(f => f.Name == key);
                if (known == null && resource.Fields.Any(f => f.Name == key))
                {
                    throw ApiException.UnknownField(key);
                }
                if (known != null && editing && known.FixedAfterCreation)
                {
                    throw ApiException.Invalid(key, "cannot be changed after creation");
                }
            }
            return fields;
        }
    }
}
