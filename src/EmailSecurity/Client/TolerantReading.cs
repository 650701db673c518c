using System;
using System.Buffers;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using EmailSecurity.Models;

namespace EmailSecurity.Client
{
    /// <summary>
    /// Reads a field of an unexpected JSON type without rejecting the answer it is in. What can be read is read (a
    /// number or true/false where text is expected, "true"/"false" text for a flag, a number as text, a single value
    /// where a list is expected); what cannot is kept as sent in the object's <c>AdditionalFields</c> (left at its
    /// default in the property) and reported, so one odd field never hides a page of messages. Applied to every
    /// property of every model by a contract modifier; the envelope's <c>result</c> itself stays strict, so an
    /// answer of the wrong shape altogether is still an error.
    /// </summary>
    internal static class TolerantReading
    {
        /// <summary>
        /// The read in progress, per asynchronous flow rather than per thread: a body parsed as it arrives continues on
        /// whichever thread the network wakes, and reads of several pages run at once.
        /// </summary>
        private static readonly System.Threading.AsyncLocal<State?> current = new System.Threading.AsyncLocal<State?>();

        private static State Current => current.Value ?? (current.Value = new State());

        /// <summary>Starts a read in this flow: what is tolerated from here on is in <see cref="Notes"/>.</summary>
        public static void Begin() => current.Value = new State();

        /// <summary>What the read since <see cref="Begin"/> tolerated, one note per kind of problem.</summary>
        public static IReadOnlyCollection<ToleratedField> Notes => Current.Notes.Values;

        /// <summary>The contract modifier (DefaultJsonTypeInfoResolver.Modifiers).</summary>
        public static void Modify(JsonTypeInfo info)
        {
            if (info.Kind != JsonTypeInfoKind.Object)
            {
                return;
            }

            var owner = OwnerName(info.Type);
            var envelope = info.Type.IsGenericType && info.Type.GetGenericTypeDefinition() == typeof(ApiEnvelope<>);
            foreach (var property in info.Properties)
            {
                if (property.IsExtensionData || property.Set == null || (envelope && property.Name == "result"))
                {
                    continue;
                }

                property.CustomConverter = ConverterFor(property.PropertyType, owner, property.Name)
                    ?? property.CustomConverter;
            }

            var extension = info.Properties.FirstOrDefault(p => p.IsExtensionData);
            var deserializing = info.OnDeserializing;
            var deserialized = info.OnDeserialized;
            info.OnDeserializing = obj =>
            {
                deserializing?.Invoke(obj);
                Current.Frames.Push(new Frame(extension != null));
            };
            info.OnDeserialized = obj =>
            {
                var frames = Current.Frames;
                if (frames.Count > 0)
                {
                    frames.Pop().MoveInto(obj, extension);
                }

                deserialized?.Invoke(obj);
            };
        }

        /// <summary>A scalar read in another type than expected (a number as text): noted for -Verbose.</summary>
        internal static void Converted(string owner, string field, JsonTokenType found, string expected)
        {
            var kind = found == JsonTokenType.String ? JsonValueKind.String
                : found == JsonTokenType.Number ? JsonValueKind.Number
                : JsonValueKind.True;
            Current.Note(owner, field, ApiJson.Describe(kind), expected, null, kept: false);
        }

        /// <summary>
        /// A value that could not be read: kept for the object's AdditionalFields, and noted for a warning.
        /// </summary>
        internal static void Keep(string owner, string field, ref Utf8JsonReader reader, string expected)
        {
            JsonElement value;
            using (var document = JsonDocument.ParseValue(ref reader))
            {
                value = document.RootElement.Clone();
            }

            var state = Current;
            var kept = state.Frames.Count > 0 && state.Frames.Peek().Keep(field, value);
            state.Note(owner, field, ApiJson.Describe(value.ValueKind), expected, value.GetRawText(), kept);
        }

        /// <summary>How deep the object nesting of the read is now; see <see cref="Unwind"/>.</summary>
        internal static int Depth => Current.Frames.Count;

        /// <summary>Forgets the objects a failed nested read left open, back to <paramref name="depth"/>.</summary>
        internal static void Unwind(int depth)
        {
            var frames = Current.Frames;
            while (frames.Count > depth)
            {
                frames.Pop();
            }
        }

        private static JsonConverter? ConverterFor(Type type, string owner, string field)
        {
            if (type == typeof(string))
            {
                return new ScalarField<string?>(owner, field, "text", Text);
            }

            if (type == typeof(bool?))
            {
                return new ScalarField<bool?>(owner, field, "true or false", Flag);
            }

            if (type == typeof(bool))
            {
                return new ScalarField<bool>(owner, field, "true or false", s => Flag(s).As(v => v!.Value));
            }

            if (type == typeof(long?))
            {
                return new ScalarField<long?>(owner, field, "a whole number", Whole);
            }

            if (type == typeof(long))
            {
                return new ScalarField<long>(owner, field, "a whole number", s => Whole(s).As(v => v!.Value));
            }

            if (type == typeof(int?))
            {
                return new ScalarField<int?>(
                    owner, field, "a whole number",
                    s => Whole(s).Where(v => v >= int.MinValue && v <= int.MaxValue).As(v => (int?)v));
            }

            if (type == typeof(double?))
            {
                return new ScalarField<double?>(owner, field, "a number", Number);
            }

            if (type == typeof(DateTimeOffset?))
            {
                return new ScalarField<DateTimeOffset?>(owner, field, "a date and time", Date);
            }

            if (type == typeof(DateTimeOffset))
            {
                return new ScalarField<DateTimeOffset>(owner, field, "a date and time", s => Date(s).As(v => v!.Value));
            }

            if (type == typeof(ApiList<string>))
            {
                return new TextListField(owner, field);
            }

            if (type == typeof(JsonElement) || type == typeof(object) || type.IsValueType)
            {
                return null;
            }

            return (JsonConverter)Activator.CreateInstance(typeof(ShapeField<>).MakeGenericType(type), owner, field,
                Expected(type));
        }

        private static Read<string?> Text(Scalar value) =>
            new Read<string?>(value.Text, value.Token != JsonTokenType.String);

        private static Read<bool?> Flag(Scalar value)
        {
            if (value.Token == JsonTokenType.True || value.Token == JsonTokenType.False)
            {
                return new Read<bool?>(value.Token == JsonTokenType.True, false);
            }

            var isText = value.Token == JsonTokenType.String && (Is(value.Text, "true") || Is(value.Text, "false"));
            return isText ? new Read<bool?>(Is(value.Text, "true"), true) : Read<bool?>.Failed;
        }

        private static Read<long?> Whole(Scalar value) =>
            value.IsNumeric
                && long.TryParse(value.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                ? new Read<long?>(number, value.Token == JsonTokenType.String)
                : Read<long?>.Failed;

        private static Read<double?> Number(Scalar value) =>
            value.IsNumeric
                && double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? new Read<double?>(number, value.Token == JsonTokenType.String)
                : Read<double?>.Failed;

        private static Read<DateTimeOffset?> Date(Scalar value) =>
            value.Token == JsonTokenType.String
            && DateTimeOffset.TryParse(value.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal,
                out var date)
                ? new Read<DateTimeOffset?>(date, false)
                : Read<DateTimeOffset?>.Failed;

        private static bool IsContainer(JsonTokenType token) =>
            token == JsonTokenType.StartObject || token == JsonTokenType.StartArray;

        private static bool Is(string? text, string word) =>
            string.Equals(text, word, StringComparison.OrdinalIgnoreCase);

        /// <summary>What a value of <paramref name="type"/> looks like in JSON, for messages.</summary>
        internal static string Expected(Type type)
        {
            if (type == typeof(string))
            {
                return "text";
            }

            var item = type.IsArray ? type.GetElementType()
                : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0]
                : null;
            return item != null ? $"a list of {OwnerName(item)}" : $"an object ({OwnerName(type)})";
        }

        private static string OwnerName(Type type) =>
            type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ApiEnvelope<>) ? "the answer"
            : type == typeof(ResultInfo) ? "result_info"
            : type == typeof(ApiMessage) ? "an API message"
            : type.Name;

        /// <summary>One JSON scalar as text: a string's value, a number's or a literal's raw text.</summary>
        private readonly struct Scalar
        {
            public Scalar(ref Utf8JsonReader reader)
            {
                Token = reader.TokenType;
                Text = Token == JsonTokenType.String ? reader.GetString()
                    : Token == JsonTokenType.True ? "true"
                    : Token == JsonTokenType.False ? "false"
                    : Encoding.UTF8.GetString(
                        reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray());
            }

            public JsonTokenType Token { get; }

            public string? Text { get; }

            public bool IsScalar => IsNumeric || Token == JsonTokenType.True || Token == JsonTokenType.False;

            /// <summary>A number, or text that may hold one.</summary>
            public bool IsNumeric => Token == JsonTokenType.Number || Token == JsonTokenType.String;
        }

        private readonly struct Read<T>
        {
            public static readonly Read<T> Failed = default;

            public Read(T value, bool converted)
            {
                Value = value;
                Converted = converted;
                Ok = true;
            }

            public T Value { get; }

            public bool Converted { get; }

            public bool Ok { get; }

            public Read<TOut> As<TOut>(Func<T, TOut> convert) =>
                Ok ? new Read<TOut>(convert(Value), Converted) : Read<TOut>.Failed;

            public Read<T> Where(Func<T, bool> fits) => Ok && fits(Value) ? this : Failed;
        }

        /// <summary>A property of a scalar type (text, flag, number, date).</summary>
        private sealed class ScalarField<T> : JsonConverter<T>
        {
            private readonly string owner;
            private readonly string field;
            private readonly string expected;
            private readonly Func<Scalar, Read<T>> read;

            public ScalarField(string owner, string field, string expected, Func<Scalar, Read<T>> read)
            {
                this.owner = owner;
                this.field = field;
                this.expected = expected;
                this.read = read;
            }

            public override bool HandleNull => true;

            public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                if (reader.TokenType == JsonTokenType.Null)
                {
                    return default!;
                }

                var scalar = IsContainer(reader.TokenType) ? default : new Scalar(ref reader);
                var value = scalar.IsScalar ? read(scalar) : Read<T>.Failed;
                if (!value.Ok)
                {
                    Keep(owner, field, ref reader, expected);
                    return default!;
                }

                if (value.Converted)
                {
                    Converted(owner, field, scalar.Token, expected);
                }

                return value.Value;
            }

            public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
                JsonSerializer.Serialize(writer, value, ApiJson.WriteOptions);
        }

        /// <summary>A list of text: a single value is read as a list of one, numbers and flags as their text.</summary>
        private sealed class TextListField : JsonConverter<ApiList<string>?>
        {
            private readonly string owner;
            private readonly string field;

            public TextListField(string owner, string field)
            {
                this.owner = owner;
                this.field = field;
            }

            public override ApiList<string>? Read(
                ref Utf8JsonReader reader,
                Type typeToConvert,
                JsonSerializerOptions options)
            {
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    var single = IsContainer(reader.TokenType) ? default : new Scalar(ref reader);
                    if (!single.IsScalar)
                    {
                        Keep(owner, field, ref reader, "a list of text");
                        return null;
                    }

                    Converted(owner, field, single.Token, "a list of text");
                    return new ApiList<string> { single.Text! };
                }

                var start = reader;
                var items = new ApiList<string>();
                var converted = JsonTokenType.None;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var item = reader.TokenType == JsonTokenType.Null || IsContainer(reader.TokenType)
                        ? default
                        : new Scalar(ref reader);
                    if (reader.TokenType == JsonTokenType.Null)
                    {
                        items.Add(null!);
                    }
                    else if (item.IsScalar)
                    {
                        converted = item.Token == JsonTokenType.String ? converted : item.Token;
                        items.Add(item.Text!);
                    }
                    else
                    {
                        reader = start;
                        Keep(owner, field, ref reader, "a list of text");
                        return null;
                    }
                }

                if (converted != JsonTokenType.None)
                {
                    Converted(owner, field, converted, "a list of text");
                }

                return items;
            }

            public override void Write(Utf8JsonWriter writer, ApiList<string>? value, JsonSerializerOptions options) =>
                JsonSerializer.Serialize(writer, value, ApiJson.WriteOptions);
        }

        /// <summary>
        /// An object or a list of objects: read as usual when it has that shape, kept as sent when it has not.
        /// </summary>
        private sealed class ShapeField<T> : JsonConverter<T>
        {
            private readonly string owner;
            private readonly string field;
            private readonly string expected;
            private readonly JsonTokenType shape;

            public ShapeField(string owner, string field, string expected)
            {
                this.owner = owner;
                this.field = field;
                this.expected = expected;
                var isList = typeof(IEnumerable).IsAssignableFrom(typeof(T))
                    && !typeof(IDictionary).IsAssignableFrom(typeof(T));
                shape = isList ? JsonTokenType.StartArray : JsonTokenType.StartObject;
            }

            public override bool HandleNull => true;

            public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                if (reader.TokenType == JsonTokenType.Null)
                {
                    return default!;
                }

                if (reader.TokenType == shape)
                {
                    var start = reader;
                    var depth = Depth;
                    try
                    {
                        return JsonSerializer.Deserialize<T>(ref reader, options)!;
                    }
                    catch (JsonException)
                    {
                        // An item of the wrong shape deep inside (a text where a list holds objects): keep the whole
                        // value.
                        Unwind(depth);
                        reader = start;
                    }
                }

                Keep(owner, field, ref reader, expected);
                return default!;
            }

            public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
                JsonSerializer.Serialize(writer, value, ApiJson.WriteOptions);
        }

        /// <summary>The values kept for one object being read, until it is complete.</summary>
        private sealed class Frame
        {
            private readonly bool hasAdditionalFields;
            private List<KeyValuePair<string, JsonElement>>? kept;

            public Frame(bool hasAdditionalFields)
            {
                this.hasAdditionalFields = hasAdditionalFields;
            }

            /// <summary>Keeps the value for the object's AdditionalFields; false when the object has none.</summary>
            public bool Keep(string field, JsonElement value)
            {
                if (!hasAdditionalFields)
                {
                    return false;
                }

                (kept ?? (kept = new List<KeyValuePair<string, JsonElement>>())).Add(
                    new KeyValuePair<string, JsonElement>(field, value));
                return true;
            }

            public void MoveInto(object target, JsonPropertyInfo? extension)
            {
                if (kept == null || extension?.Get == null || extension.Set == null)
                {
                    return;
                }

                var fields = extension.Get(target) as ApiFields;
                if (fields == null)
                {
                    fields = new ApiFields();
                    extension.Set(target, fields);
                }

                foreach (var pair in kept)
                {
                    fields.Keep(pair.Key, pair.Value);
                }
            }
        }

        private sealed class State
        {
            public Stack<Frame> Frames { get; } = new Stack<Frame>();

            public Dictionary<string, ToleratedField> Notes { get; } =
                new Dictionary<string, ToleratedField>(StringComparer.Ordinal);

            public void Note(string owner, string field, string found, string expected, string? sample, bool kept)
            {
                var key = $"{owner}\n{field}\n{found}\n{kept}";
                if (Notes.TryGetValue(key, out var note))
                {
                    note.Count++;
                }
                else
                {
                    Notes[key] = new ToleratedField(owner, field, found, expected, sample, kept);
                }
            }
        }
    }

    /// <summary>One kind of field read in another type than expected, or not read at all, in one answer.</summary>
    internal sealed class ToleratedField
    {
        public ToleratedField(string owner, string field, string found, string expected, string? sample, bool kept)
        {
            Owner = owner;
            Field = field;
            Found = found;
            Expected = expected;
            Sample = sample == null || sample.Length <= 40 ? sample : sample.Substring(0, 40) + "...";
            this.kept = kept;
        }

        /// <summary>The model the field belongs to (AllowPolicy, Message, ...).</summary>
        public string Owner { get; }

        /// <summary>The field's JSON name.</summary>
        public string Field { get; }

        public string Found { get; }

        public string Expected { get; }

        /// <summary>The first value that could not be read, as sent; null for values that were read.</summary>
        public string? Sample { get; }

        /// <summary>
        /// Null: read after all. True: kept in AdditionalFields. False: not readable and not kept (no
        /// AdditionalFields).
        /// </summary>
        public bool? Kept => Sample == null ? (bool?)null : kept;

        private readonly bool kept;

        public int Count { get; set; } = 1;
    }
}
