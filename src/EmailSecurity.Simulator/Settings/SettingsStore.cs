using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Settings
{
    /// <summary>An account's settings entries, per resource, in creation order.</summary>
    internal sealed class SettingsStore
    {
        private readonly Dictionary<string, List<JsonObject>> _entries = new Dictionary<string, List<JsonObject>>();

        public SettingsStore(IEnumerable<SettingsResource> resources, int seed, DateTimeOffset now)
        {
            int stream = 100;
            foreach (SettingsResource resource in resources)
            {
                var random = new DemoRandom(seed, stream++);
                List<JsonObject> demo = resource.Demo(random, now).ToList();
                DateTimeOffset created = now.AddDays(-random.Next(200, 400));
                var entries = new List<JsonObject>();
                foreach (JsonObject entry in demo)
                {
                    created = created.AddHours(random.Next(1, 24 * 180 / Math.Max(1, demo.Count)));
                    DateTimeOffset modified = random.Chance(0.3) ? created.AddDays(random.Next(1, 30)) : created;
                    entry["id"] = random.NextGuid().ToString();
                    entry["created_at"] = Json.Date(Earliest(created, now));
                    entry["modified_at"] = Json.Date(Earliest(modified, now));
                    entries.Add(entry);
                }
                _entries[resource.Path] = entries;
            }
        }

        public List<JsonObject> Entries(SettingsResource resource) => _entries[resource.Path];

        public JsonObject Get(SettingsResource resource, string id) =>
            Entries(resource).FirstOrDefault(e => (string?)e["id"] == id) ?? throw ApiException.NotFound(resource.Kind);

        private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
    }
}
