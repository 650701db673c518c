using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace EmailSecurity.Simulator.Core
{
    /// <summary>
    /// A parsed query string with typed, validating accessors. Every failure is a 400 naming the parameter.
    /// </summary>
    internal sealed class QueryParameters
    {
        private static readonly Regex Rfc3339 = new Regex(
            @"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$",
            RegexOptions.CultureInvariant);

        private static readonly Regex IsoDate = new Regex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant);

        private readonly List<KeyValuePair<string, string>> _pairs = new List<KeyValuePair<string, string>>();

        private readonly int _maxPerPage;

        /// <param name="maxPerPage">The most items the account puts on a page (see AccountSeed.MaxPerPage).</param>
        public QueryParameters(string? rawQuery, int maxPerPage = 1000)
        {
            _maxPerPage = maxPerPage;
            if (string.IsNullOrEmpty(rawQuery))
            {
                return;
            }
            foreach (string part in rawQuery!.Split('&'))
            {
                if (part.Length == 0)
                {
                    continue;
                }
                int equals = part.IndexOf('=');
                string key = Decode(equals < 0 ? part : part.Substring(0, equals));
                string value = equals < 0 ? "" : Decode(part.Substring(equals + 1));
                _pairs.Add(new KeyValuePair<string, string>(key, value));
            }
        }

        public bool Has(string name) => _pairs.Any(p => p.Key == name);

        /// <summary>The last value given for <paramref name="name"/>, or null when absent or empty.</summary>
        public string? Get(string name)
        {
            string? found = null;
            foreach (KeyValuePair<string, string> pair in _pairs)
            {
                if (pair.Key == name)
                {
                    found = pair.Value;
                }
            }
            return string.IsNullOrEmpty(found) ? null : found;
        }

        /// <summary>Every non-empty value of a repeated parameter; comma-separated values are split too.</summary>
        public IReadOnlyList<string> GetAll(string name) =>
            _pairs.Where(p => p.Key == name)
                .SelectMany(p => p.Value.Split(','))
                .Select(v => v.Trim())
                .Where(v => v.Length > 0)
                .ToList();

        public bool? GetBool(string name)
        {
            string? value = Get(name);
            if (value == null)
            {
                return null;
            }
            if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            throw ApiException.Invalid(name, "must be true or false");
        }

        public int? GetInt(string name)
        {
            string? value = Get(name);
            if (value == null)
            {
                return null;
            }
            if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int parsed))
            {
                return parsed;
            }
            throw ApiException.Invalid(name, "must be an integer");
        }

        /// <summary>
        /// A value that must be one of <paramref name="allowed"/>, compared case-sensitively as the API does.
        /// </summary>
        public string? GetEnum(string name, IReadOnlyList<string> allowed)
        {
            string? value = Get(name);
            if (value != null && !allowed.Contains(value))
            {
                throw ApiException.Invalid(name, Validation.OneOf(allowed));
            }
            return value;
        }

        public DateTimeOffset? GetDate(string name)
        {
            string? value = Get(name);
            if (value == null)
            {
                return null;
            }
            if (Rfc3339.IsMatch(value)
                && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal,
                    out DateTimeOffset parsed))
            {
                return parsed;
            }
            throw ApiException.Invalid(name, "must be an RFC 3339 date-time, e.g. 2026-11-01T00:00:00Z");
        }

        /// <summary>A YYYY-MM-DD date (the deprecated from_date/to_date style), as midnight UTC.</summary>
        public DateTimeOffset? GetIsoDate(string name)
        {
            string? value = Get(name);
            if (value == null)
            {
                return null;
            }
            if (IsoDate.IsMatch(value)
                && DateTimeOffset.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset parsed))
            {
                return parsed;
            }
            throw ApiException.Invalid(name, "must be a date in YYYY-MM-DD format");
        }

        /// <summary>per_page: 1..1000, default 20; no more than the account's page cap.</summary>
        public int GetPerPage()
        {
            int perPage = GetInt("per_page") ?? 20;
            if (perPage < 1 || perPage > 1000)
            {
                throw ApiException.Invalid("per_page", "must be between 1 and 1000");
            }
            return Math.Min(perPage, _maxPerPage);
        }

        /// <summary>
        /// A 400 for the first of <paramref name="names"/> that is present: parameters this operation lacks.
        /// </summary>
        public void RejectUnknown(params string[] names)
        {
            foreach (string name in names.Where(Has))
            {
                throw ApiException.UnknownParameter(name);
            }
        }

        public void RejectEndOfLife(string name, string replacement)
        {
            if (Has(name))
            {
                throw ApiException.EndOfLife(name, replacement);
            }
        }

        /// <summary>
        /// A stable text of every parameter except <paramref name="excluded"/>, for tying a cursor to its search.
        /// </summary>
        public string Canonical(params string[] excluded)
        {
            var builder = new StringBuilder();
            foreach (KeyValuePair<string, string> pair in _pairs
                .Where(p => !excluded.Contains(p.Key) && p.Value.Length > 0)
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .ThenBy(p => p.Value, StringComparer.Ordinal))
            {
                builder.Append(pair.Key).Append('=').Append(pair.Value).Append('\n');
            }
            return builder.ToString();
        }

        private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
    }
}
