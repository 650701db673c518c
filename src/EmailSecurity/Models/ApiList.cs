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
        private readonly Dictionary<string, JsonElement> json =
            new Dictionary<string, JsonElement>(System.StringComparer.Ordinal);

        public ApiFields()
            : base(System.StringComparer.Ordinal)
        {
        }

        /// <summary>Each field as the API sent it.</summary>
        internal IReadOnlyDictionary<string, JsonElement> Json => json;

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
                    json.Remove(key);
                    this[key] = value;
                }
            }
        }

        /// <summary>Keeps a field as sent, and its plain value for PowerShell.</summary>
        internal void Keep(string name, JsonElement value)
        {
            json[name] = value;
            this[name] = Plain(value);
        }

        public override string ToString() => string.Join("; ", this.Select(field =>
            $"{field.Key}={(json.TryGetValue(field.Key, out var sent) ? sent.GetRawText() : "null")}"));

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
