using System;
using System.IO;
using System.Text.Json;

namespace EmailSecurity.Client
{
    /// <summary>
    /// A 64-bit digest (FNV-1a) of the <c>result</c> value of a list answer, exactly as sent: two pages with the same
    /// digest hold the same items, so a cursor or page number that leads back to a page already read is caught before
    /// its items are written a second time, whatever the cursor looks like.
    /// </summary>
    internal static class PageFingerprint
    {
        private static readonly byte[] ResultName = System.Text.Encoding.UTF8.GetBytes("result");

        /// <summary>The digest of the body's <c>result</c>; null when there is none or the body is not JSON. Rewinds the stream.</summary>
        public static ulong? Of(Stream body)
        {
            if (!body.CanSeek || body.Length == 0 || body.Length > int.MaxValue)
            {
                return null;
            }

            var bytes = new byte[body.Length];
            body.Position = 0;
            for (var read = 0; read < bytes.Length;)
            {
                var count = body.Read(bytes, read, bytes.Length - read);
                if (count == 0)
                {
                    break;
                }

                read += count;
            }

            body.Position = 0;
            try
            {
                return OfResult(bytes);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static ulong? OfResult(byte[] json)
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isResult = reader.ValueTextEquals(ResultName);
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                if (isResult)
                {
                    return Fnv1a(json, start, (int)reader.BytesConsumed - start);
                }
            }

            return null;
        }

        private static ulong Fnv1a(byte[] bytes, int start, int length)
        {
            var hash = 14695981039346656037UL;
            for (var i = start; i < start + length; i++)
            {
                hash = (hash ^ bytes[i]) * 1099511628211UL;
            }

            return hash;
        }
    }
}
