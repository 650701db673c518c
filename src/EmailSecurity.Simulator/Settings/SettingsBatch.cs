using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Settings
{
    /// <summary>
    /// POST /settings/{resource}/batch: deletes, then patches, then puts, then posts, on a working copy of the list.
    /// An atomic resource keeps the copy only when every operation succeeded. A resource that is not atomic (domains)
    /// keeps the operations before a failing one, unless that failure is a validation error (400): those are found
    /// before anything is kept, so a 400 always means nothing changed.
    /// </summary>
    internal static class SettingsBatch
    {
        private static readonly string[] Kinds = { "deletes", "patches", "puts", "posts" };

        public static SimulatedResponse Run(SettingsResource resource, RequestContext context)
        {
            JsonObject body = JsonBody.ParseObject(context.Body);
            Dictionary<string, IReadOnlyList<JsonObject>> operations =
                Kinds.ToDictionary(k => k, k => JsonBody.RequireObjectList(body, k));
            List<JsonObject> entries = context.Account.Settings.Entries(resource);
            var working = new List<JsonObject>(entries);
            var results = Kinds.ToDictionary(k => k, k => new JsonArray());
            int done = 0;
            List<JsonObject>? keptOnFailure = null;
            try
            {
                foreach (string kind in Kinds)
                {
                    for (int i = 0; i < operations[kind].Count; i++)
                    {
                        keptOnFailure = new List<JsonObject>(working);
                        try
                        {
                            results[kind].Add(Apply(resource, context, working, kind, operations[kind][i]));
                        }
                        catch (ApiException error)
                        {
                            throw error.Prefixed(kind + "[" + i + "].");
                        }
                        done++;
                    }
                }
            }
            catch (ApiException error) when (!resource.BatchIsAtomic && !error.IsValidation && done > 0)
            {
                Commit(entries, keptOnFailure!);
                throw error.Suffixed(done == 1
                    ? "; the operation before it was done"
                    : "; the " + done + " operations before it were done");
            }
            Commit(entries, working);
            var result = new JsonObject();
            foreach (string kind in Kinds)
            {
                result[kind] = results[kind];
            }
            return Envelope.Ok(result);
        }

        /// <summary>One operation on the working list; returns its result item.</summary>
        private static JsonNode Apply(
            SettingsResource resource,
            RequestContext context,
            List<JsonObject> working,
            string kind,
            JsonObject operation)
        {
            if (kind == "posts")
            {
                JsonObject created = SettingsEntries.Create(resource, operation, context);
                SettingsEntries.CheckUnique(resource, working, created);
                working.Add(created);
                return SettingsEndpoints.Write(resource, created, context.Version);
            }
            string id = JsonBody.RequireString(operation, "id");
            int index = working.FindIndex(e => (string?)e["id"] == id);
            if (index < 0)
            {
                throw ApiException.NotFound(resource.Kind).Prefixed("id: ");
            }
            if (kind == "deletes")
            {
                working.RemoveAt(index);
                return new JsonObject { ["id"] = id };
            }
            // The id is not a field of the resource, so the entry builders pass over it.
            JsonObject updated = kind == "patches"
                ? SettingsEntries.Patch(resource, working[index], operation, context)
                : SettingsEntries.Replace(resource, working[index], operation, context);
            SettingsEntries.CheckUnique(resource, working, updated);
            working[index] = updated;
            return SettingsEndpoints.Write(resource, updated, context.Version);
        }

        private static void Commit(List<JsonObject> entries, List<JsonObject> state)
        {
            entries.Clear();
            entries.AddRange(state);
        }
    }
}
