using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace EmailSecurity.Models
{
    /// <summary>
    /// A list the API sends as a JSON array. In PowerShell it stays a list (-contains, indexing, Count, and
    /// ConvertTo-Json writes an array), and its text is its items joined with "; ", so Export-Csv writes the values,
    /// not a type name.
    /// </summary>
    public sealed class ApiList<T> : List<T>
    {
        public ApiList()
        {
        }

        public ApiList(IEnumerable<T> items)
            : base(items)
        {
        }

        /// <summary>The number of items, as Length gave it while these lists were arrays.</summary>
        public int Length => Count;

        public override string ToString() => string.Join("; ", this.Select(item => item?.ToString()));
    }

    /// <summary>
    /// Fields of an answer the module does not model. PowerShell sees plain values (text, numbers, true/false, null,
    /// lists as <see cref="ApiList{T}"/>, objects as ApiFields of their own), so <c>$x.AdditionalFields.name</c>,
    /// comparisons, Format-List and ConvertTo-Json treat them as any value; each is also kept as the API sent it
    /// (<see cref="Json"/>). Its text lists them as name=JSON, joined with "; ", so Export-Csv writes the values, not a
    /// type name.
    /// </summary>
    public sealed class ApiFields : Dictionary<string, object?>, IDictionary<string, object?>
    {
        /// <summary>
        /// Each field as sent, with the plain value made of it (the field was changed since when it no longer holds
        /// that value).
        /// </summary>
        private readonly Dictionary<string, (JsonElement Sent, object? Plain)> sent =
            new Dictionary<string, (JsonElement, object?)>(System.StringComparer.Ordinal);

        public ApiFields()
            : base(System.StringComparer.Ordinal)
        {
        }

        /// <summary>The fields still as the API sent them.</summary>
        internal IReadOnlyDictionary<string, JsonElement> Json =>
            this.Where(f => AsSent(f.Key) != null).ToDictionary(f => f.Key, f => AsSent(f.Key)!.Value);

        /// <summary>System.Text.Json fills extension data through this interface, with JsonElement values.</summary>
        object? IDictionary<string, object?>.this[string key]
        {
            get => this[key];
            set
            {
                if (value is JsonElement element)
                {
                    Keep(key, element);
                }
                else
                {
                    this[key] = value;
                }
            }
        }

        /// <summary>Keeps a field as sent, and its plain value for PowerShell.</summary>
        internal void Keep(string name, JsonElement value)
        {
            var plain = Plain(value);
            sent[name] = (value, plain);
            this[name] = plain;
        }

        /// <summary>name=JSON: as the API sent it, or as the value set since.</summary>
        public override string ToString() => string.Join("; ", this.Select(field =>
            $"{field.Key}={AsSent(field.Key)?.GetRawText() ?? JsonSerializer.Serialize(field.Value)}"));

        private JsonElement? AsSent(string name) =>
            sent.TryGetValue(name, out var field) && TryGetValue(name, out var now) && ReferenceEquals(now, field.Plain)
                ? field.Sent
                : (JsonElement?)null;

        private static object? Plain(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    return value.GetString();
                case JsonValueKind.Number:
                    return value.TryGetInt64(out var whole) ? whole
                        : value.TryGetDecimal(out var exact) ? exact
                        : (object)value.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.Array:
                    return new ApiList<object?>(value.EnumerateArray().Select(Plain));
                case JsonValueKind.Object:
                    var fields = new ApiFields();
                    foreach (var property in value.EnumerateObject())
                    {
                        fields.Keep(property.Name, property.Value);
                    }

                    return fields;
                default:
                    return null;
            }
        }
    }
}
