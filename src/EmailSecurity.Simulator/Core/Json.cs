using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmailSecurity.Simulator.Core
{
    /// <summary>JSON writing conventions shared by every endpoint.</summary>
    internal static class Json
    {
        // Relaxed escaping keeps '<', '>' and '+' readable (Message-ID values, RFC 5322 dates).
        private static readonly JsonSerializerOptions WriteOptions = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        public static string Serialize(JsonNode? node) => node == null ? "null" : node.ToJsonString(WriteOptions);

        /// <summary>RFC 3339 in UTC with 'Z'; milliseconds only when there are any.</summary>
        public static string FormatDate(DateTimeOffset value)
        {
            DateTime utc = value.UtcDateTime;
            string format = utc.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            return utc.ToString(format, CultureInfo.InvariantCulture);
        }

        public static JsonNode Date(DateTimeOffset value) => JsonValue.Create(FormatDate(value));

        public static JsonNode? Date(DateTimeOffset? value) => value.HasValue ? Date(value.Value) : null;

        public static JsonArray Strings(IEnumerable<string> values)
        {
            var array = new JsonArray();
            foreach (string value in values)
            {
                array.Add(JsonValue.Create(value));
            }
            return array;
        }

        public static JsonArray Array(IEnumerable<JsonNode> nodes)
        {
            var array = new JsonArray();
            foreach (JsonNode node in nodes)
            {
                array.Add(node);
            }
            return array;
        }
    }
}
