using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Settings
{
    /// <summary>
    /// One list filter: reads (and validates) its query parameter and, when given, yields a predicate on stored
    /// entries.
    /// </summary>
    internal sealed class FilterSpec
    {
        private readonly Func<QueryParameters, Func<JsonObject, bool>?> _build;

        private FilterSpec(Func<QueryParameters, Func<JsonObject, bool>?> build) => _build = build;

        /// <summary>The only API version that knows the filter; null when every version does.</summary>
        public ApiVersion? OnlyIn { get; private set; }

        public Func<JsonObject, bool>? Build(QueryParameters query) => _build(query);

        public FilterSpec Only(ApiVersion version)
        {
            OnlyIn = version;
            return this;
        }

        /// <summary>?name=true|false against a boolean field of the same name.</summary>
        public static FilterSpec Flag(string name) => new FilterSpec(q =>
        {
            bool? wanted = q.GetBool(name);
            return wanted == null ? null : e => Value<bool>(e, name) == wanted.Value;
        });

        /// <summary>Exact, case-insensitive match on a text field of the same name.</summary>
        public static FilterSpec Text(string name) => new FilterSpec(q =>
        {
            string? wanted = q.Get(name);
            return wanted == null
                ? null
                : e => string.Equals(Value<string>(e, name), wanted, StringComparison.OrdinalIgnoreCase);
        });

        /// <summary>
        /// Parameter must be one of <paramref name="allowed"/> (exactly); matches the field of the same name whatever
        /// its case, so one stored value serves versions that spell it differently.
        /// </summary>
        public static FilterSpec Choice(string name, IReadOnlyList<string> allowed) => new FilterSpec(q =>
        {
            string? wanted = q.GetEnum(name, allowed);
            return wanted == null
                ? null
                : e => string.Equals(Value<string>(e, name), wanted, StringComparison.OrdinalIgnoreCase);
        });

        /// <summary>Parameter may repeat; matches when the text field equals any of the values.</summary>
        public static FilterSpec AnyOf(string name) => new FilterSpec(q =>
        {
            IReadOnlyList<string> wanted = q.GetAll(name);
            return wanted.Count == 0
                ? null
                : e => wanted.Any(w => string.Equals(Value<string>(e, name), w, StringComparison.OrdinalIgnoreCase));
        });

        /// <summary>
        /// Parameter must be one of <paramref name="allowed"/>; the entry's list field must satisfy
        /// <paramref name="matches"/>.
        /// </summary>
        public static FilterSpec InList(
            string parameter,
            string field,
            IReadOnlyList<string> allowed,
            Func<IReadOnlyList<string>, string, bool> matches) =>
            new FilterSpec(q =>
            {
                string? wanted = q.GetEnum(parameter, allowed);
                return wanted == null ? null : e => matches(Strings(e, field), wanted);
            });

        /// <summary>search: a case-insensitive substring of any of the given text fields.</summary>
        public static FilterSpec Search(params string[] fields) => new FilterSpec(q =>
        {
            string? term = q.Get("search");
            return term == null ? null : e => fields.Any(f => Validation.ContainsIgnoreCase(Value<string>(e, f), term));
        });

        private static T? Value<T>(JsonObject entry, string name) =>
            entry[name] is JsonValue value && value.TryGetValue(out T? result) ? result : default;

        private static IReadOnlyList<string> Strings(JsonObject entry, string name) =>
            entry[name] is JsonArray array
                ? array.Select(i => i?.GetValue<string>() ?? "").ToList()
                : new List<string>();
    }
}
