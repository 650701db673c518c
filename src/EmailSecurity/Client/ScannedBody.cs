using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace EmailSecurity.Client
{
    /// <summary>
    /// A response body read once, as the JSON parser asks for it, noting its outline on the way: the kind of the root
    /// value and of each top-level field, the kind of each item of <c>result</c> that is not an object, and a 64-bit
    /// digest of <c>result</c> exactly as sent. Two pages with the same digest hold the same items, so a cursor or page
    /// number leading back to a page already read is caught before its items are written again; the kinds let a
    /// parse failure say what was found where. Nothing of the body is kept: the page is parsed as it arrives.
    /// </summary>
    internal sealed class ScannedBody : Stream
    {
        private const ulong Prime = 1099511628211UL;
        private const ulong Basis = 14695981039346656037UL;
        private const int MaxKeyLength = 64;
        private static readonly byte[] Nesting = Encoding.ASCII.GetBytes("\"{}[]");

        private readonly Stream inner;
        private readonly Dictionary<string, JsonValueKind> fields =
            new Dictionary<string, JsonValueKind>(StringComparer.Ordinal);
        private readonly Dictionary<int, JsonValueKind> oddItems = new Dictionary<int, JsonValueKind>();
        private readonly byte[] key = new byte[MaxKeyLength];

        private int depth;
        private bool inString;
        private bool escaped;
        private bool rootIsObject;
        private bool expectKey;
        private bool capturingKey;
        private int keyLength;
        private string? lastKey;
        private bool expectFieldValue;
        private bool inResult;
        private bool expectItem;
        private int items;
        private bool hashing;
        private ulong hash;
        private ulong pending;
        private int pendingCount;

        public ScannedBody(Stream inner)
        {
            this.inner = inner;
        }

        /// <summary>Bytes read so far.</summary>
        public long BytesRead { get; private set; }

        /// <summary>The kind of the whole body's value, once its first byte has passed.</summary>
        public JsonValueKind? RootKind { get; private set; }

        /// <summary>The digest of the <c>result</c> list once all of it has passed; null when there is none.</summary>
        public ulong? ResultDigest { get; private set; }

        /// <summary>
        /// What was found at a path of System.Text.Json's error messages: the root (<c>$</c>), a top-level field
        /// (<c>$.result</c>) or an item of <c>result</c> (<c>$.result[3]</c>); null for anything deeper, or not seen.
        /// </summary>
        public JsonValueKind? KindAt(string path)
        {
            if (path == "$")
            {
                return RootKind;
            }

            var bracket = path.IndexOf('[');
            var name = path.StartsWith("$.", StringComparison.Ordinal)
                ? path.Substring(2, (bracket < 0 ? path.Length : bracket) - 2)
                : null;
            if (name == null || name.IndexOf('.') >= 0 || !fields.TryGetValue(name, out var kind))
            {
                return null;
            }

            if (bracket < 0)
            {
                return kind;
            }

            var close = path.IndexOf(']', bracket);
            var index = -1;
            var isItem = name == "result" && close == path.Length - 1 &&
                int.TryParse(path.Substring(bracket + 1, close - bracket - 1), NumberStyles.None,
                    CultureInfo.InvariantCulture, out index) &&
                index < items;
            if (!isItem)
            {
                return null;
            }

            return oddItems.TryGetValue(index, out var odd) ? odd : JsonValueKind.Object;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            Scan(buffer, offset, read);
            return read;
        }

        public override async Task<int> ReadAsync(
            byte[] buffer,
            int offset,
            int count,
            CancellationToken cancellationToken)
        {
            var read = await inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            Scan(buffer, offset, read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Scan(byte[] buffer, int offset, int count)
        {
            BytesRead += count;
            var end = offset + count;
            var hashFrom = hashing ? offset : -1;
            for (var i = offset; i < end; i++)
            {
                if (inString)
                {
                    if (!capturingKey && !escaped)
                    {
                        // The bulk of a body is text: jump to the next quote or backslash.
                        var next = new ReadOnlySpan<byte>(buffer, i, end - i).IndexOfAny((byte)'"', (byte)'\\');
                        if (next < 0)
                        {
                            break;
                        }

                        i += next;
                    }

                    var c = buffer[i];
                    if (escaped)
                    {
                        escaped = false;
                    }
                    else if (c == '\\')
                    {
                        escaped = true;
                    }
                    else if (c == '"')
                    {
                        inString = false;
                        if (capturingKey)
                        {
                            capturingKey = false;
                            lastKey = keyLength <= MaxKeyLength ? Encoding.UTF8.GetString(key, 0, keyLength) : null;
                        }

                        continue;
                    }

                    if (capturingKey)
                    {
                        if (keyLength < MaxKeyLength)
                        {
                            key[keyLength] = c;
                        }

                        keyLength++;
                    }

                    continue;
                }

                if (depth > 2)
                {
                    // Inside an item nothing but strings and nesting matters: jump to the next quote or bracket.
                    var next = new ReadOnlySpan<byte>(buffer, i, end - i).IndexOfAny(Nesting);
                    if (next < 0)
                    {
                        break;
                    }

                    i += next;
                }

                var b = buffer[i];
                switch (b)
                {
                    case (byte)' ':
                    case (byte)'\t':
                    case (byte)'\r':
                    case (byte)'\n':
                        break;
                    case (byte)'"':
                        capturingKey = depth == 1 && rootIsObject && expectKey;
                        if (capturingKey)
                        {
                            expectKey = false;
                            keyLength = 0;
                        }
                        else
                        {
                            ValueStarts(JsonValueKind.String, buffer, i, ref hashFrom);
                        }

                        inString = true;
                        break;
                    case (byte)'{':
                    case (byte)'[':
                        ValueStarts(b == '{' ? JsonValueKind.Object : JsonValueKind.Array, buffer, i, ref hashFrom);
                        depth++;
                        if (depth == 1)
                        {
                            rootIsObject = b == '{';
                            expectKey = rootIsObject;
                        }
                        else if (depth == 2 && inResult)
                        {
                            expectItem = true;
                        }

                        break;
                    case (byte)'}':
                    case (byte)']':
                        depth--;
                        if (depth == 1 && inResult)
                        {
                            inResult = false;
                            Hash(buffer, hashFrom, i + 1);
                            hashFrom = -1;
                            hashing = false;
                            ResultDigest = Finish();
                        }

                        break;
                    case (byte)',':
                        expectKey = depth == 1 && rootIsObject;
                        expectItem = depth == 2 && inResult;
                        break;
                    case (byte)':':
                        expectFieldValue = depth == 1 && rootIsObject;
                        break;
                    default:
                        ValueStarts(KindOfScalar(b), buffer, i, ref hashFrom);
                        break;
                }
            }

            if (hashing)
            {
                Hash(buffer, hashFrom, end);
            }
        }

        private void ValueStarts(JsonValueKind kind, byte[] buffer, int at, ref int hashFrom)
        {
            if (depth == 0 && RootKind == null)
            {
                RootKind = kind;
            }
            else if (depth == 1 && expectFieldValue)
            {
                expectFieldValue = false;
                if (lastKey != null)
                {
                    fields[lastKey] = kind;
                }

                if (kind == JsonValueKind.Array && lastKey == "result")
                {
                    inResult = true;
                    hashing = true;
                    hash = Basis;
                    pending = 0;
                    pendingCount = 0;
                    hashFrom = at;
                }
            }
            else if (depth == 2 && inResult && expectItem)
            {
                expectItem = false;
                if (kind != JsonValueKind.Object)
                {
                    oddItems[items] = kind;
                }

                items++;
            }
        }

        private static JsonValueKind KindOfScalar(byte first) =>
            first == 't' ? JsonValueKind.True
            : first == 'f' ? JsonValueKind.False
            : first == 'n' ? JsonValueKind.Null
            : JsonValueKind.Number;

        /// <summary>
        /// Adds bytes to the digest eight at a time (the same bytes give the same digest however the network splits
        /// them into reads).
        /// </summary>
        private void Hash(byte[] buffer, int from, int to)
        {
            if (from < 0)
            {
                return;
            }

            var i = from;
            while (pendingCount > 0 && pendingCount < 8 && i < to)
            {
                pending |= (ulong)buffer[i++] << (8 * pendingCount++);
            }

            if (pendingCount == 8)
            {
                Mix(pending);
                pending = 0;
                pendingCount = 0;
            }

            if (pendingCount == 0)
            {
                var words = MemoryMarshal.Cast<byte, ulong>(new ReadOnlySpan<byte>(buffer, i, to - i));
                var mixed = hash;
                foreach (var word in words)
                {
                    mixed = (mixed ^ (BitConverter.IsLittleEndian
                        ? word
                        : BinaryPrimitives.ReverseEndianness(word))) * Prime;
                    mixed ^= mixed >> 29;
                }

                hash = mixed;
                i += words.Length * 8;
                while (i < to)
                {
                    pending |= (ulong)buffer[i++] << (8 * pendingCount++);
                }
            }
        }

        private void Mix(ulong word)
        {
            hash = (hash ^ word) * Prime;
            hash ^= hash >> 29;
        }

        private ulong Finish()
        {
            Mix(pending ^ ((ulong)pendingCount << 59));
            return hash;
        }
    }
}
