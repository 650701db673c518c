using System;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmailSecurity.Client
{
    /// <summary>The one set of JSON options the module uses, built once.</summary>
    internal static class ApiJson
    {
        /// <summary>
        /// What the module reads answers and writes bodies with: model fields are read tolerantly
        /// (<see cref="TolerantReading"/>).
        /// </summary>
        public static readonly JsonSerializerOptions Options = Create(tolerant: true);

        /// <summary>The same without the tolerant contract: how the tolerant fields write their values.</summary>
        internal static readonly JsonSerializerOptions WriteOptions = Create(tolerant: false);

        private static JsonSerializerOptions Create(bool tolerant)
        {
            var options = new JsonSerializerOptions
            {
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
                PropertyNameCaseInsensitive = false,
                NumberHandling = JsonNumberHandling.AllowReadingFromString,

                // A page is parsed as it arrives: larger reads mean fewer pauses of the parser (still below the large
                // object heap).
                DefaultBufferSize = 64 * 1024,
            };
            options.Converters.Add(new TolerantDateTimeOffsetConverter());
            if (tolerant)
            {
                options.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
                {
                    Modifiers = { TolerantReading.Modify },
                };
            }

            return options;
        }

        /// <summary>An error path that points at one item of the result list.</summary>
        private static readonly Regex ResultItem = new Regex(@"^\$\.result\[\d+\]$", RegexOptions.CultureInvariant);

        /// <summary>
        /// Why a body that failed to deserialize did, when it is JSON of another shape ("at $.result, an object where a
        /// list of Message was expected"); null when it is not JSON at all (a syntax error, or cut short).
        /// <paramref name="kindAt"/> says what the body had at a path, when that is known.
        /// </summary>
        public static string? ShapeProblem(JsonException error, Func<string, JsonValueKind?> kindAt, Type resultType)
        {
            // System.Text.Json wraps the reader's own error (bad syntax, the body ending early) in the one it throws;
            // a value of the wrong type is an error of the serializer alone.
            if (error.InnerException is JsonException)
            {
                return null;
            }

            var path = error.Path ?? "$";
            var found = kindAt(path);
            var expected = path == "$" ? "an object (the API's answer envelope)"
                : path == "$.result" ? TolerantReading.Expected(resultType)
                : ResultItem.IsMatch(path)
                ? TolerantReading.Expected(resultType).Replace("a list of ", "an object (") + ")"
                : "a value of another type";
            return $"at {path}, {(found.HasValue ? Describe(found.Value) : "a value")} where {expected} was expected";
        }

        /// <summary>
        /// A JSON value's kind as messages name it: "an object", "a list", "text", "a number", "true/false", "null".
        /// </summary>
        internal static string Describe(JsonValueKind kind)
        {
            switch (kind)
            {
                case JsonValueKind.Object:
                    return "an object";
                case JsonValueKind.Array:
                    return "a list";
                case JsonValueKind.String:
                    return "text";
                case JsonValueKind.Number:
                    return "a number";
                case JsonValueKind.True:
                case JsonValueKind.False:
                    return "true/false";
                default:
                    return "null";
            }
        }
    }

    /// <summary>
    /// Reads timestamps leniently: a value the API sends in a shape we do not expect becomes null instead of failing
    /// the whole call (the API grows; one odd field must not hide a page of messages).
    /// </summary>
    internal sealed class TolerantDateTimeOffsetConverter : JsonConverter<DateTimeOffset?>
    {
        public override bool HandleNull => true;

        public override DateTimeOffset? Read(
            ref Utf8JsonReader reader,
            Type typeToConvert,
            JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                if (reader.TryGetDateTimeOffset(out var exact))
                {
                    return exact;
                }

                var text = reader.GetString();
                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal,
                    out var parsed)
                    ? parsed
                    : (DateTimeOffset?)null;
            }

            reader.Skip();
            return null;
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(
                    value.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            }
        }
    }
}
