using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Settings
{
    internal enum FieldKind
    {
        Text,
        Flag,
        Number,
        Choice,
        Choices,
        Texts,
    }

    /// <summary>
    /// One writable field of a settings entry: its JSON type, allowed values, whether create needs it, and in which
    /// API version it exists (a field may be declared twice, once per version, when its rules differ).
    /// </summary>
    internal sealed class FieldSpec
    {
        private FieldSpec(
            string name,
            FieldKind kind,
            bool required,
            IReadOnlyList<string>? allowed = null,
            string? notWritable = null)
        {
            Name = name;
            Kind = kind;
            Required = required;
            Allowed = allowed;
            NotWritable = notWritable;
        }

        public string Name { get; }
        public FieldKind Kind { get; }
        public bool Required { get; }
        public IReadOnlyList<string>? Allowed { get; }

        /// <summary>
        /// A value the API returns for old entries but refuses on create and update (pattern_type UNKNOWN).
        /// </summary>
        public string? NotWritable { get; }

        /// <summary>The only API version that knows the field; null when every version does.</summary>
        public ApiVersion? OnlyIn { get; private set; }

        /// <summary>Set on create, refused on edit and replace (a domain's name).</summary>
        public bool FixedAfterCreation { get; private set; }

        /// <summary>
        /// Null is accepted (and stored) besides values of the field's kind; optional text always accepts it.
        /// </summary>
        public bool AcceptsNull { get; private set; }

        private int? _min, _max;

        public static FieldSpec Text(string name, bool required = false) =>
            new FieldSpec(name, FieldKind.Text, required);
        public static FieldSpec Flag(string name, bool required = false) =>
            new FieldSpec(name, FieldKind.Flag, required);
        public static FieldSpec Number(string name) => new FieldSpec(name, FieldKind.Number, false);
        public static FieldSpec Texts(string name, bool required = false) =>
            new FieldSpec(name, FieldKind.Texts, required);

        public static FieldSpec Choice(
            string name,
            IReadOnlyList<string> allowed,
            bool required = false,
            string? notWritable = null) =>
            new FieldSpec(name, FieldKind.Choice, required, allowed, notWritable);

        public static FieldSpec Choices(string name, IReadOnlyList<string> allowed, bool required = false) =>
            new FieldSpec(name, FieldKind.Choices, required, allowed);

        public FieldSpec Only(ApiVersion version)
        {
            OnlyIn = version;
            return this;
        }

        public FieldSpec FixedAfterCreate()
        {
            FixedAfterCreation = true;
            return this;
        }

        public FieldSpec Nullable()
        {
            AcceptsNull = true;
            return this;
        }

        /// <summary>For numbers: the smallest and largest accepted value.</summary>
        public FieldSpec Range(int min, int max)
        {
            _min = min;
            _max = max;
            return this;
        }

        public bool ExistsIn(ApiVersion version) => OnlyIn == null || OnlyIn == version;

        /// <summary>Checks a value from a request body and returns the node to store.</summary>
        public JsonNode? Read(JsonNode? node)
        {
            if (node == null)
            {
                if (AcceptsNull || (Kind == FieldKind.Text && !Required))
                {
                    return null;
                }
                throw ApiException.Invalid(Name, "must not be null");
            }
            switch (Kind)
            {
                case FieldKind.Text:
                    return JsonValue.Create(ReadString(node, "must be a string"));
                case FieldKind.Flag:
                    if (node.GetValueKind() != JsonValueKind.True && node.GetValueKind() != JsonValueKind.False)
                    {
                        throw ApiException.Invalid(Name, "must be true or false");
                    }
                    return JsonValue.Create(node.GetValue<bool>());
                case FieldKind.Number:
                    if (node.GetValueKind() != JsonValueKind.Number || !(node is JsonValue number)
                        || !number.TryGetValue(out int integer))
                    {
                        throw ApiException.Invalid(Name, "must be an integer");
                    }
                    if (integer < (_min ?? int.MinValue) || integer > (_max ?? int.MaxValue))
                    {
                        throw ApiException.Invalid(Name, "must be between " + _min + " and " + _max);
                    }
                    return JsonValue.Create(integer);
                case FieldKind.Choice:
                    return JsonValue.Create(CheckChoice(ReadString(node, Validation.OneOf(Allowed!))));
                case FieldKind.Choices:
                    return Json.Strings(ReadList(node).Select(CheckChoice).ToList());
                default:
                    return Json.Strings(ReadList(node));
            }
        }

        private string ReadString(JsonNode node, string problem)
        {
            if (node is JsonValue value && value.TryGetValue(out string? text))
            {
                if (Required && text.Length == 0)
                {
                    throw ApiException.Invalid(Name, "must not be empty");
                }
                return text;
            }
            throw ApiException.Invalid(Name, problem);
        }

        private IReadOnlyList<string> ReadList(JsonNode node)
        {
            if (node is JsonArray array && array.All(i => i is JsonValue v && v.TryGetValue(out string? _)))
            {
                return array.Select(i => i!.GetValue<string>()).ToList();
            }
            throw ApiException.Invalid(Name, "must be an array of strings");
        }

        private string CheckChoice(string value)
        {
            if (value == NotWritable)
            {
                throw ApiException.Invalid(Name, value + " is deprecated and cannot be used when creating or updating");
            }
            if (!Allowed!.Contains(value))
            {
                throw ApiException.Invalid(Name, Validation.OneOf(Allowed!));
            }
            return value;
        }
    }
}
