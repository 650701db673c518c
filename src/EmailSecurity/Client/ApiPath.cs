using System;
using System.Linq;
using System.Text;

namespace EmailSecurity.Client
{
    /// <summary>
    /// A path below <c>/email-security</c>. Values (ids) are escaped as one path segment each, so an id can never
    /// reach another endpoint: '/' '?' '#' and '%' are percent-encoded, and ids made only of dots (which URI
    /// normalisation would turn into "go up") are refused.
    /// </summary>
    internal sealed class ApiPath
    {
        /// <summary>
        /// A path made by <see cref="ApiOperation.Request"/>: each route value already escaped in
        /// <paramref name="escaped"/>.
        /// </summary>
        internal ApiPath(string escaped, string display)
        {
            Escaped = escaped;
            Display = display;
        }

        public string Escaped { get; }

        public string Display { get; }

        public static string EscapeSegment(string value, string name)
        {
            var problem = ProblemWithSegment(value);
            if (problem != null)
            {
                throw new ArgumentException($"The {name} '{Printable(value)}' cannot be sent: {problem}.", name);
            }

            return Uri.EscapeDataString(value);
        }

        /// <summary>
        /// Why a value cannot be an id in a URL path, or null when it can. Used by cmdlet validation too.
        /// </summary>
        public static string? ProblemWithSegment(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return "it is empty";
            }

            var text = value!;
            if (text.All(c => c == '.'))
            {
                return "an id made only of dots would change the path";
            }

            if (text.Any(char.IsControl))
            {
                return "it contains control characters";
            }

            if (text.Length > MaxIdLength)
            {
                return $"it is longer than {MaxIdLength} characters";
            }

            return null;
        }

        public const int MaxIdLength = 512;

        internal static string Printable(string value)
        {
            var text = new StringBuilder();
            foreach (var c in value.Take(80))
            {
                text.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
            }

            return value.Length > 80 ? text + "…" : text.ToString();
        }

        public override string ToString() => Display;
    }
}
