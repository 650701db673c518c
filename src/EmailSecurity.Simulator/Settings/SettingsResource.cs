using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Settings
{
    /// <summary>
    /// Describes one settings noun (allow_policies, block_senders, ...). <see cref="SettingsEndpoints"/> turns a
    /// description into list/get/create/edit/delete; nothing else is written per noun.
    /// </summary>
    internal sealed class SettingsResource
    {
        /// <summary>Path segment under /settings, e.g. "allow_policies".</summary>
        public string Path { get; set; } = "";

        /// <summary>For "... not found" messages, e.g. "Allow policy".</summary>
        public string Kind { get; set; } = "";

        public bool CanCreate { get; set; } = true;

        /// <summary>Keys of an entry in the order they are written; id, created_at and modified_at are managed here.</summary>
        public string[] OutputKeys { get; set; } = new string[0];

        public FieldSpec[] Fields { get; set; } = new FieldSpec[0];

        /// <summary>Body fields past their end of life, with what replaces them; sending one is a 400.</summary>
        public (string Field, string Replacement)[] EndOfLifeFields { get; set; } = new (string, string)[0];

        public FilterSpec[] Filters { get; set; } = new FilterSpec[0];

        /// <summary>Values accepted by ?order=; created_at is always one of them and the default.</summary>
        public string[] OrderFields { get; set; } = new string[0];

        /// <summary>Cross-field checks on a created or edited entry (e.g. a regex pattern must compile).</summary>
        public Action<JsonObject>? Check { get; set; }

        /// <summary>Demo entries (fields only; id and dates are added by the store), oldest first.</summary>
        public Func<DemoRandom, DateTimeOffset, IEnumerable<JsonObject>> Demo { get; set; } = (_, __) => new JsonObject[0];
    }
}
