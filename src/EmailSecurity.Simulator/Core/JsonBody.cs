using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmailSecurity.Simulator.Core
{
    /// <summary>Reading request bodies. Every failure is a 400 naming the field.</summary>
    internal static class JsonBody
    {
        public static JsonObject ParseObject(string? body)
        {
            if (Parse(body) is JsonObject obj)
            {
                return obj;
            }
            throw ApiException.Invalid("body", "must be a JSON object");
        }

        public static JsonArray ParseArray(string? body, string expectation)
        {
            if (Parse(body) is JsonArray array)
            {
                return array;
            }
            throw ApiException.Invalid("body", expectation);
        }

        public static string RequireString(JsonObject body, string name)
        {
            string? value = OptionalString(body, name);
            if (string.IsNullOrEmpty(value))
            {
                throw ApiException.Invalid(name, "is required");
            }
            return value!;
        }

        public static string? OptionalString(JsonObject body, string name)
        {
            JsonNode? node = body[name];
            if (node == null)
            {
                return null;
            }
            if (node is JsonValue value && value.TryGetValue(out string? text))
            {
                return text;
            }
            throw ApiException.Invalid(name, "must be a string");
        }

        public static string RequireEnum(JsonObject body, string name, IReadOnlyList<string> allowed)
        {
            string value = RequireString(body, name);
            if (!allowed.Contains(value))
            {
                throw ApiException.Invalid(name, Validation.OneOf(allowed));
            }
            return value;
        }

        /// <summary>A required array of non-empty strings with at least one element.</summary>
        public static IReadOnlyList<string> RequireStringList(JsonObject body, string name)
        {
            JsonNode? node = body[name];
            if (node == null)
            {
                throw ApiException.Invalid(name, "is required");
            }
            IReadOnlyList<string> values = StringList(node, name);
            if (values.Count == 0)
            {
                throw ApiException.Invalid(name, "must contain at least one id");
            }
            return values;
        }

        public static IReadOnlyList<string> StringList(JsonNode node, string name)
        {
            if (!(node is JsonArray array))
            {
                throw ApiException.Invalid(name, "must be an array of strings");
            }
            var values = new List<string>();
            foreach (JsonNode? item in array)
            {
                if (!(item is JsonValue value) || !value.TryGetValue(out string? text) || string.IsNullOrEmpty(text))
                {
                    throw ApiException.Invalid(name, "must be an array of non-empty strings");
                }
                values.Add(text!);
            }
            return values;
        }

        /// <summary>
        /// A 400 for the first of <paramref name="names"/> that is present: fields this request lacks.
        /// </summary>
        public static void RejectUnknown(JsonObject body, params string[] names)
        {
            foreach (string name in names.Where(body.ContainsKey))
            {
                throw ApiException.UnknownField(name);
            }
        }

        /// <summary>A required array whose items are all JSON objects (may be empty).</summary>
        public static IReadOnlyList<JsonObject> RequireObjectList(JsonObject body, string name)
        {
            if (!body.ContainsKey(name))
            {
                throw ApiException.Invalid(name, "is required");
            }
            if (body[name] is JsonArray array && array.All(item => item is JsonObject))
            {
                return array.Select(item => (JsonObject)item!).ToList();
            }
            throw ApiException.Invalid(name, "must be an array of objects");
        }

        public static bool? OptionalBool(JsonObject body, string name)
        {
            JsonNode? node = body[name];
            if (node == null)
            {
                return null;
            }
            if (node.GetValueKind() == JsonValueKind.True || node.GetValueKind() == JsonValueKind.False)
            {
                return node.GetValue<bool>();
            }
            throw ApiException.Invalid(name, "must be true or false");
        }

        /// <summary>An optional value of <paramref name="allowed"/>; null and absent are both null.</summary>
        public static string? OptionalEnum(JsonObject body, string name, IReadOnlyList<string> allowed)
        {
            string? value = OptionalString(body, name);
            if (value != null && !allowed.Contains(value))
            {
                throw ApiException.Invalid(name, Validation.OneOf(allowed));
            }
            return value;
        }

        public static void RejectEndOfLife(JsonObject body, string name, string replacement)
        {
            if (body.ContainsKey(name))
            {
                throw ApiException.EndOfLife(name, replacement);
            }
        }

        private static JsonNode? Parse(string? body)
        {
            if (string.IsNullOrWhiteSpace(body))
            {
                throw ApiException.Invalid("body", "is required");
            }
            try
            {
                return JsonNode.Parse(body!);
            }
            catch (JsonException)
            {
                throw ApiException.Invalid("body", "is not valid JSON");
            }
        }
    }
}
