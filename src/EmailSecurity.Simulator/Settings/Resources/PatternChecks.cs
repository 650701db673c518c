using System;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Settings.Resources
{
    internal static class PatternChecks
    {
        public static readonly string[] PatternTypes = { "EMAIL", "DOMAIN", "IP", "UNKNOWN" };

        /// <summary>
        /// When <paramref name="regexFlag"/> is true, the pattern must be a valid regular expression.
        /// </summary>
        public static Action<JsonObject> RegexMustCompile(string patternField, string regexFlag) => entry =>
        {
            if (entry[regexFlag] is JsonValue flag && flag.GetValue<bool>())
            {
                MustCompile(patternField)(entry);
            }
        };

        /// <summary>The field is always a regular expression, and must be a valid one.</summary>
        public static Action<JsonObject> MustCompile(string patternField) => entry =>
        {
            try
            {
                _ = new Regex((string?)entry[patternField] ?? "");
            }
            catch (ArgumentException)
            {
                throw ApiException.Invalid(patternField, "is not a valid regular expression");
            }
        };
    }
}
