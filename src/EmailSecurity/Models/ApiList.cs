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
    /// Fields of an answer the module does not model, kept as the API sent them. Its text lists them as name=JSON,
    /// joined with "; ", so Export-Csv writes the values, not a type name.
    /// </summary>
    public sealed class ApiFields : Dictionary<string, JsonElement>
    {
        public ApiFields()
            : base(System.StringComparer.Ordinal)
        {
        }

        public override string ToString() =>
            string.Join("; ", this.Select(field => $"{field.Key}={field.Value.GetRawText()}"));
    }
}
