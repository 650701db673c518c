using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.Json.Serialization;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>
    /// A field a Sync- cmdlet compares and sets: a parameter of the list's New- cmdlet that binds by property name and
    /// is a property of the list's model, so the columns Export-Csv writes from Get- and Get-'s own objects both fit.
    /// </summary>
    internal sealed class SyncField
    {
        private SyncField(PropertyInfo parameter, PropertyInfo model, object newCmdlet)
        {
            Name = parameter.Name;
            ApiName = model.GetCustomAttribute<JsonPropertyNameAttribute>().Name;
            Model = model;
            var type = parameter.PropertyType;
            IsFlag = type == typeof(SwitchParameter) || type == typeof(bool);
            IsList = type == typeof(string[]);
            Choices = parameter.GetCustomAttribute<ValidateSetAttribute>()?.ValidValues;
            NotWritable = ApiName == "pattern_type" ? ApiValues.PatternType.Unknown : null;
            Required = parameter.GetCustomAttributes<ParameterAttribute>().Any(p => p.Mandatory);
            var initial = parameter.GetValue(newCmdlet);
            Default = initial is SwitchParameter flag
                ? flag.IsPresent
                : initial is string text && text.Length == 0
                ? null
                : initial;
        }

        /// <summary>The parameter and property name, e.g. "PatternType".</summary>
        public string Name { get; }

        /// <summary>The API's name, e.g. "pattern_type".</summary>
        public string ApiName { get; }

        public PropertyInfo Model { get; }

        public bool IsFlag { get; }

        public bool IsList { get; }

        public IList<string>? Choices { get; }

        /// <summary>
        /// A value the list holds but the API refuses to write (pattern type UNKNOWN, of entries older than pattern
        /// types): read without complaint, never sent.
        /// </summary>
        public string? NotWritable { get; }

        /// <summary>Mandatory on New-: an entry to create must have it.</summary>
        public bool Required { get; }

        /// <summary>What New- sends when the field is not given (false for a switch); null for nothing.</summary>
        public object? Default { get; }

        /// <summary>The fields of a list, from its model and its New- cmdlet.</summary>
        public static IReadOnlyList<SyncField> Of(Type model, Type newCmdlet)
        {
            var instance = Activator.CreateInstance(newCmdlet);
            return newCmdlet.GetProperties()
                .Where(p => p.GetCustomAttributes<ParameterAttribute>().Any(a => a.ValueFromPipelineByPropertyName))
                .Select(p => (Parameter: p, Model: model.GetProperty(p.Name)))
                .Where(p => p.Model?.GetCustomAttribute<JsonPropertyNameAttribute>() != null)
                .Select(p => new SyncField(p.Parameter, p.Model!, instance))
                .ToList();
        }

        /// <summary>
        /// A value as the API takes it (bool, text or null, sorted texts), or an explanation of why it is none.
        /// </summary>
        public object? Normalize(object? raw, out string? problem)
        {
            problem = null;
            raw = raw is PSObject wrapped ? wrapped.BaseObject : raw;
            if (IsFlag)
            {
                switch (raw)
                {
                    case null:
                        return false;
                    case bool flag:
                        return flag;
                    case SwitchParameter flag:
                        return flag.IsPresent;
                    case string text when FlagTextAttribute.Parse(text) is bool flag:
                        return flag;
                    default:
                        problem = $"{Name} '{raw}' is not a true or false value (True, False, 1, 0).";
                        return null;
                }
            }

            if (IsList)
            {
                var items = raw switch
                {
                    null => new List<string>(),
                    string text when text.StartsWith("System.", StringComparison.Ordinal)
                        && text.EndsWith("[]", StringComparison.Ordinal) =>
                        null,
                    string text => text.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries)
                        .Select(t => t.Trim()).ToList(),
                    IEnumerable many => many.Cast<object?>()
                        .Select(o => Convert.ToString(o is PSObject p ? p.BaseObject : o)).ToList(),
                    _ => new List<string> { Convert.ToString(raw) },
                };
                if (items == null)
                {
                    problem = $"{Name} is '{raw}': Export-Csv wrote the type's name, not the values. Export the " +
                        $"column as @{{ n = '{Name}'; e = {{ $_.{Name} -join ';' }} }}.";
                    return null;
                }

                var canonical = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var item in items.Where(i => i.Length > 0))
                {
                    canonical.Add(InSet(item, ref problem));
                }

                return problem == null ? canonical.ToArray() : null;
            }

            var value = Convert.ToString(raw);
            return string.IsNullOrEmpty(value) ? null : InSet(value, ref problem);
        }

        public bool Same(object? a, object? b) =>
            a is string[] left && b is string[] right
                ? left.SequenceEqual(right, StringComparer.Ordinal)
                : Equals(a, b);

        /// <summary>How the plan shows a value: true, 'text', (none), SUBJECT, BODY.</summary>
        public static string Show(object? value) => value switch
        {
            null => "(none)",
            bool flag => flag ? "true" : "false",
            string[] many => many.Length == 0 ? "(none)" : string.Join(", ", many),
            _ => "'" + value + "'",
        };

        private string InSet(string value, ref string? problem)
        {
            if (Choices == null)
            {
                return value;
            }

            if (string.Equals(value, NotWritable, StringComparison.OrdinalIgnoreCase))
            {
                return NotWritable!;
            }

            var match = Choices.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase));
            problem ??= match == null ? $"{Name} '{value}' is not one of {string.Join(", ", Choices)}." : null;
            return match ?? value;
        }
    }

    /// <summary>One step of a plan: an entry to delete, to change (only its differing fields) or to create.</summary>
    internal sealed class SyncStep : SettingsChange
    {
        public SyncStep(
            ChangeKind kind,
            string noun,
            string entry,
            string? id,
            IReadOnlyDictionary<string, object?> fields,
            string[] changes)
            : base(kind, id ?? entry, $"{kind} {noun} {entry}", id, fields)
        {
            Entry = entry;
            Changes = changes;
        }

        /// <summary>The entry as its key names it, e.g. "contoso.com (DOMAIN)".</summary>
        public string Entry { get; }

        /// <summary>"comments: 'old' → 'new'" for a change, "comments: 'new'" for a creation.</summary>
        public string[] Changes { get; }
    }

    /// <summary>
    /// What makes a settings list equal to desired entries: which to create, which to change (only the fields that
    /// differ) and which to delete, matched by the list's key fields, never by id. Works on values alone; sends
    /// nothing.
    /// </summary>
    internal sealed class SettingsSyncPlan
    {
        private readonly IReadOnlyList<SyncField> fields;
        private readonly IReadOnlyList<SyncField> key;
        private readonly string noun;

        public SettingsSyncPlan(IReadOnlyList<SyncField> fields, IReadOnlyList<string> keyFields, string noun)
        {
            this.fields = fields;
            this.noun = noun;
            key = keyFields.Select(name => fields.Single(f => f.ApiName == name)).ToList();
        }

        /// <summary>The command that shows the entry a step is about: by its id, or by its key's first field.</summary>
        public string CheckFor(SyncStep step, string getCommand) => step.Id != null
            ? $"{getCommand} -Id '{step.Id.Replace("'", "''")}'"
            : $"{getCommand} | Where-Object {key[0].Name} -eq " +
                $"'{Convert.ToString(step.Fields[key[0].ApiName]).Replace("'", "''")}'";

        /// <summary>
        /// The fields a piped object gives (the properties it has), normalized; the problems of its values are added
        /// to <paramref name="problems"/>, and null returned when it has any.
        /// </summary>
        public Dictionary<SyncField, object?>? Read(PSObject input, List<string> problems)
        {
            var given = new Dictionary<SyncField, object?>();
            var before = problems.Count;
            foreach (var field in fields)
            {
                if (input.Properties[field.Name] is { } property)
                {
                    given[field] = field.Normalize(property.Value, out var problem);
                    if (problem != null)
                    {
                        problems.Add(problem);
                    }
                }
            }

            foreach (var missing in fields.Where(f => f.Required && (!given.TryGetValue(f, out var v) || v == null)))
            {
                problems.Add($"{missing.Name} is missing: an entry needs it.");
            }

            if (problems.Count == before && fields.Any(f => f.ApiName == "is_regex"))
            {
                var pattern = Value(given, "pattern") as string;
                var type = fields.Any(f => f.ApiName == "pattern_type")
                    ? Value(given, "pattern_type") as string
                    : ApiValues.PatternType.Domain;
                if (SettingValues.PatternProblem(pattern, type, Value(given, "is_regex") is true) is string problem)
                {
                    problems.Add(problem);
                }
            }

            return problems.Count == before ? given : null;
        }

        /// <summary>
        /// How the key names an entry: "contoso.com (DOMAIN)"; without the fields that have a value the API does not
        /// write when <paramref name="writableOnly"/>: "contoso.com".
        /// </summary>
        public string KeyOf(IReadOnlyDictionary<SyncField, object?> values, bool writableOnly = false)
        {
            var parts = key.Where(f => !writableOnly || f.NotWritable == null)
                .Select(f => values.TryGetValue(f, out var v) ? Convert.ToString(v) : string.Empty).ToList();
            return parts.Count == 1 ? parts[0] : $"{parts[0]} ({string.Join(", ", parts.Skip(1))})";
        }

        /// <summary>The values of an entry the list holds, by field.</summary>
        public Dictionary<SyncField, object?> ValuesOf(SettingsObject entry) =>
            fields.ToDictionary(f => f, f => f.Normalize(f.Model.GetValue(entry), out _));

        /// <summary>
        /// The steps, deletes first, then changes, then creations (the order of a batch request). Where either side
        /// holds a key value the API does not write (pattern type UNKNOWN), entries match by the rest of their key,
        /// and that value is never sent; a desired entry with it that matches none cannot be created, so it is left
        /// out of the plan and named in <paramref name="notCreatable"/>.
        /// </summary>
        public List<SyncStep> Steps(
            IReadOnlyList<Dictionary<SyncField, object?>> desired,
            IReadOnlyList<SettingsObject> current,
            bool delete,
            List<Dictionary<SyncField, object?>> notCreatable)
        {
            var held = current.Select(e => (Entry: e, Values: ValuesOf(e))).ToList();
            var matches = new (SettingsObject Entry, Dictionary<SyncField, object?> Values)?[desired.Count];
            var matched = new HashSet<SettingsObject>();

            // Each desired entry takes the first unmatched held one of the same key (by lookup: lists run to
            // thousands of entries); a null key takes part in no match.
            void Match(
                Func<Dictionary<SyncField, object?>, string?> wantedKey,
                Func<Dictionary<SyncField, object?>, string?> heldKey)
            {
                var byKey = new Dictionary<string, Queue<(SettingsObject, Dictionary<SyncField, object?>)>>(
                    StringComparer.OrdinalIgnoreCase);
                foreach (var entry in held.Where(h => !matched.Contains(h.Entry)))
                {
                    if (heldKey(entry.Values) is string key)
                    {
                        if (!byKey.TryGetValue(key, out var queue))
                        {
                            byKey[key] = queue = new Queue<(SettingsObject, Dictionary<SyncField, object?>)>();
                        }

                        queue.Enqueue(entry);
                    }
                }

                for (var i = 0; i < desired.Count; i++)
                {
                    if (matches[i] == null && wantedKey(desired[i]) is string key
                        && byKey.TryGetValue(key, out var queue))
                    {
                        while (queue.Count > 0 && matches[i] == null)
                        {
                            var entry = queue.Dequeue();
                            if (matched.Add(entry.Item1))
                            {
                                matches[i] = entry;
                            }
                        }
                    }
                }
            }

            string Loose(Dictionary<SyncField, object?> values) => KeyOf(values, writableOnly: true);
            Match(wanted => KeyOf(wanted), values => KeyOf(values));
            Match(wanted => HoldsNotWritable(wanted) ? Loose(wanted) : null, Loose);
            Match(Loose, values => HoldsNotWritable(values) ? Loose(values) : null);

            var changes = new List<SyncStep>();
            var creations = new List<SyncStep>();
            for (var i = 0; i < desired.Count; i++)
            {
                var wanted = desired[i];
                var name = KeyOf(wanted);
                if (matches[i] is not { } existing)
                {
                    if (HoldsNotWritable(wanted))
                    {
                        notCreatable.Add(wanted);
                        continue;
                    }

                    var body = fields
                        .Select(f => (Field: f, Value: wanted.TryGetValue(f, out var v) ? v : f.Default))
                        .Where(f => f.Value != null || wanted.ContainsKey(f.Field))
                        .ToList();
                    creations.Add(new SyncStep(
                        ChangeKind.Create, noun, name, null, body.ToDictionary(f => f.Field.ApiName, f => f.Value),
                        body.Select(f => $"{f.Field.ApiName}: {SyncField.Show(f.Value)}").ToArray()));
                    continue;
                }

                var differing = wanted.Where(w => !w.Key.Same(w.Value, existing.Values[w.Key])
                    && !IsNotWritable(w.Key, w.Value)).ToList();
                if (differing.Count > 0)
                {
                    changes.Add(new SyncStep(
                        ChangeKind.Change,
                        noun,
                        name,
                        existing.Entry.Id,
                        differing.ToDictionary(d => d.Key.ApiName, d => d.Value),
                        differing.Select(d => $"{d.Key.ApiName}: {SyncField.Show(existing.Values[d.Key])} → " +
                            $"{SyncField.Show(d.Value)}").ToArray()));
                }
            }

            var deletions = delete
                ? held.Where(h => !matched.Contains(h.Entry)).Select(h => new SyncStep(
                    ChangeKind.Delete, noun, KeyOf(h.Values), h.Entry.Id, SettingsChange.NoFields, new string[0]))
                : Enumerable.Empty<SyncStep>();
            return deletions.Concat(changes).Concat(creations).ToList();
        }

        private static bool IsNotWritable(SyncField field, object? value) =>
            field.NotWritable != null && Equals(value, field.NotWritable);

        private bool HoldsNotWritable(IReadOnlyDictionary<SyncField, object?> values) =>
            key.Any(f => values.TryGetValue(f, out var v) && IsNotWritable(f, v));

        private object? Value(Dictionary<SyncField, object?> given, string apiName) =>
            given.FirstOrDefault(g => g.Key.ApiName == apiName).Value;
    }
}
