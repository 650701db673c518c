using System;
using System.Collections.Generic;
using System.Text;

namespace EmailSecurity.Simulator.Core
{
    /// <summary>
    /// SplitMix64. Used instead of System.Random so the same seed yields the same demo data on
    /// .NET Framework and .NET alike.
    /// </summary>
    internal sealed class DemoRandom
    {
        private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        private const string HexDigits = "0123456789abcdef";

        private ulong _state;

        public DemoRandom(int seed, int stream = 0)
        {
            _state =
                unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)stream * 0xD1B54A32D192ED03UL + 0x5DEECE66DUL);
        }

        public ulong NextUInt64()
        {
            unchecked
            {
                _state += 0x9E3779B97F4A7C15UL;
                ulong z = _state;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }

        /// <summary>0 &lt;= result &lt; maxExclusive.</summary>
        public int Next(int maxExclusive) => maxExclusive <= 0 ? 0 : (int)(NextUInt64() % (ulong)maxExclusive);

        public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        public bool Chance(double probability) => NextDouble() < probability;

        public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

        public string Alphanumeric(int length) => FromAlphabet(Alphanumerics, length);

        public string Digits(int length) => FromAlphabet("0123456789", length);

        public string Hex(int length) => FromAlphabet(HexDigits, length);

        public Guid NextGuid()
        {
            var bytes = new byte[16];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)Next(256);
            }
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
            return new Guid(bytes);
        }

        private string FromAlphabet(string alphabet, int length)
        {
            var builder = new StringBuilder(length);
            for (int i = 0; i < length; i++)
            {
                builder.Append(alphabet[Next(alphabet.Length)]);
            }
            return builder.ToString();
        }
    }
}
