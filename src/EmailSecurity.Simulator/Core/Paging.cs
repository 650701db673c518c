using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace EmailSecurity.Simulator.Core
{
    /// <summary>
    /// The two list styles of the API: page/per_page (settings, submissions) and cursor (investigate).
    /// </summary>
    internal static class Paging
    {
        /// <summary>result_info: count, page, per_page, total_count.</summary>
        public static SimulatedResponse ByPage<T>(
            IReadOnlyList<T> items,
            QueryParameters query,
            Func<T, JsonNode> toJson)
        {
            int page = query.GetInt("page") ?? 1;
            if (page < 1)
            {
                throw ApiException.Invalid("page", "must be at least 1");
            }
            int perPage = query.GetPerPage();
            long skip = (long)(page - 1) * perPage;
            List<JsonNode> slice = items.Skip((int)Math.Min(skip, items.Count)).Take(perPage).Select(toJson).ToList();
            var info = new JsonObject
            {
                ["count"] = slice.Count,
                ["page"] = page,
                ["per_page"] = perPage,
                ["total_count"] = items.Count,
            };
            return Envelope.Ok(Json.Array(slice), info);
        }

        /// <summary>
        /// result_info: count, per_page, total_count, next, previous. A cursor is tied to the search
        /// parameters (everything but cursor and per_page); one from another search is rejected.
        /// </summary>
        public static SimulatedResponse ByCursor<T>(
            IReadOnlyList<T> items,
            QueryParameters query,
            Func<T, JsonNode> toJson)
        {
            int perPage = query.GetPerPage();
            string search = query.Canonical("cursor", "per_page");
            string? cursor = query.Get("cursor");
            int offset = cursor == null ? 0 : Cursor.Decode(cursor, search);
            List<JsonNode> slice = items.Skip(Math.Min(offset, items.Count)).Take(perPage).Select(toJson).ToList();
            bool hasNext = offset + slice.Count < items.Count && slice.Count > 0;
            var info = new JsonObject
            {
                ["count"] = slice.Count,
                ["per_page"] = perPage,
                ["total_count"] = items.Count,
                ["next"] = hasNext ? Cursor.Encode(offset + slice.Count, search) : null,
                ["previous"] = offset > 0 ? Cursor.Encode(Math.Max(0, offset - perPage), search) : null,
            };
            return Envelope.Ok(Json.Array(slice), info, Cursor.Encode(offset, search));
        }
    }

    /// <summary>
    /// Opaque cursor: base64url of a version, an offset and a fingerprint of the search it belongs to.
    /// </summary>
    internal static class Cursor
    {
        private const string Version = "c1";

        public static string Encode(int offset, string search)
        {
            string text = Version + ":" + offset + ":" + Fingerprint(search);
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-')
                .Replace('/', '_');
        }

        public static int Decode(string cursor, string search)
        {
            string[] parts = TryUnwrap(cursor)?.Split(':') ?? new string[0];
            if (parts.Length != 3 || parts[0] != Version || !int.TryParse(parts[1], out int offset) || offset < 0)
            {
                throw ApiException.Invalid("cursor", "is not a valid cursor");
            }
            if (parts[2] != Fingerprint(search))
            {
                throw ApiException.Invalid("cursor",
                    "belongs to a different search; repeat the search without a cursor");
            }
            return offset;
        }

        private static string? TryUnwrap(string cursor)
        {
            string base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private static string Fingerprint(string search) => Hashes.Sha256(search).Substring(0, 12);
    }
}
