using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmailSecurity.Client
{
    /// <summary>The one set of JSON options the module uses, built once.</summary>
    internal static class ApiJson
    {
        /// <summary>What the module reads answers and writes bodies with: model fields are read tolerantly (<see cref="TolerantReading"/>).</summary>
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
        /// Why a body that failed to deserialize did, when it is valid JSON of another shape ("at $.result, an object
        /// where a list of Message was expected"); null when the body is not JSON at all. Rewinds the body to read it.
        /// </summary>
        public static string? ShapeProblem(Stream body, JsonException error, Type resultType)
        {
            if (!body.CanSeek)
            {
                return null;
            }

            try
            {
                body.Position = 0;
                using (var document = JsonDocument.Parse(body))
                {
                    var path = error.Path ?? "$";
                    var found = Find(document.RootElement, path);
                    var expected = path == "$" ? "an object (the API's answer envelope)"
                        : path == "$.result" ? TolerantReading.Expected(resultType)
                        : ResultItem.IsMatch(path) ? TolerantReading.Expected(resultType).Replace("a list of ", "an object (") + ")"
                        : "a value of another type";
                    return $"at {path}, {(found.HasValue ? Describe(found.Value.ValueKind) : "a value")} where {expected} was expected";
                }
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>The element at a System.Text.Json error path ($.result[3].id, $['odd name']); null when it cannot be followed.</summary>
        private static JsonElement? Find(JsonElement root, string path)
        {
            var element = root;
            for (var i = 1; i < path.Length;)
            {
                if (path[i] == '.')
                {
                    var end = path.IndexOfAny(new[] { '.', '[' }, i + 1);
                    end = end < 0 ? path.Length : end;
                    var name = path.Substring(i + 1, end - i - 1);
                    if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                    {
                        return null;
                    }

                    i = end;
                }
                else if (string.CompareOrdinal(path, i, "['", 0, 2) == 0)
                {
                    var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                    var quoted = end < 0 ? string.Empty : path.Substring(i + 2, end - i - 2);
                    if (end < 0 || element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(quoted, out element))
                    {
                        return null;
                    }

                    i = end + 2;
                }
                else if (path[i] == '[')
                {
                    var end = path.IndexOf(']', i);
                    var index = -1;
                    var isIndex = end > 0 && int.TryParse(path.Substring(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out index);
                    if (!isIndex || element.ValueKind != JsonValueKind.Array || index >= element.GetArrayLength())
                    {
                        return null;
                    }

                    element = element[index];
                    i = end + 1;
                }
                else
                {
                    return null;
                }
            }

            return element;
        }

        /// <summary>A JSON value's kind as messages name it: "an object", "a list", "text", "a number", "true/false", "null".</summary>
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

        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                if (reader.TryGetDateTimeOffset(out var exact))
                {
                    return exact;
                }

                var text = reader.GetString();
                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
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
                writer.WriteStringValue(value.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            }
        }
    }
}
