using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Settings
{
    /// <summary>
    /// Describes one settings noun (allow_policies, block_senders, ...). <see cref="SettingsEndpoints"/> turns a
    /// description into list/get/create/edit/delete (and, where declared, replace, batch and bulk delete); nothing
    /// else is written per noun.
    /// </summary>
    internal sealed class SettingsResource
    {
        /// <summary>Path segment under /settings, e.g. "allow_policies".</summary>
        public string Path { get; set; } = "";

        /// <summary>For "... not found" messages, e.g. "Allow policy".</summary>
        public string Kind { get; set; } = "";

        /// <summary>The first API version with the resource; earlier ones answer its paths as unknown routes.</summary>
        public ApiVersion Since { get; set; } = ApiVersion.Seed;

        /// <summary>The first version with POST on the collection; null when there is none.</summary>
        public ApiVersion? CreateSince { get; set; } = ApiVersion.Seed;

        /// <summary>The first version with PUT (full replacement) on an entry; null when there is none.</summary>
        public ApiVersion? ReplaceSince { get; set; }

        /// <summary>
        /// The first version with POST .../batch (deletes, patches, puts, posts); null when there is none.
        /// </summary>
        public ApiVersion? BatchSince { get; set; }

        /// <summary>
        /// All or nothing: a batch that fails changes nothing. Otherwise the operations before a failing one stay done.
        /// </summary>
        public bool BatchIsAtomic { get; set; } = true;

        /// <summary>The first version with DELETE on the collection; null when there is none.</summary>
        public ApiVersion? BulkDeleteSince { get; set; }

        /// <summary>A field no two entries may share (compared case-insensitively); a second one is a 409.</summary>
        public string? UniqueField { get; set; }

        /// <summary>Fills the computed fields of a new entry (a new domain's status, ...).</summary>
        public Action<JsonObject, DateTimeOffset>? OnCreate { get; set; }

        /// <summary>Adjusts an entry as written for a version (a domain's status casing); gets a copy.</summary>
        public Action<JsonObject, ApiVersion>? Adapt { get; set; }

        /// <summary>
        /// Keys of an entry in the order they are written; id, created_at and modified_at are managed here.
        /// </summary>
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
        public Func<DemoRandom, DateTimeOffset, IEnumerable<JsonObject>> Demo { get; set; } =
            (_, __) => new JsonObject[0];
    }
}
