using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;

namespace EmailSecurity.Simulator.Investigate
{
    /// <summary>
    /// A small but genuine PNG "screenshot" of a message: a title bar coloured by disposition and grey bars
    /// standing in for the body's lines, so different messages give different images.
    /// </summary>
    internal static class PngScreenshot
    {
        private const int Width = 120;
        private const int Height = 80;

        public static string Base64(InvestigateMessage message) => Convert.ToBase64String(Render(message));

        public static byte[] Render(InvestigateMessage message)
        {
            byte[] pixels = Paint(message);
            using (var png = new MemoryStream())
            {
                png.Write(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, 0, 8);
                var header = new byte[13];
                WriteBigEndian(header, 0, Width);
                WriteBigEndian(header, 4, Height);
                header[8] = 8; // bit depth
                header[9] = 2; // colour type: RGB
                WriteChunk(png, "IHDR", header);
                WriteChunk(png, "IDAT", Zlib(pixels));
                WriteChunk(png, "IEND", new byte[0]);
                return png.ToArray();
            }
        }

        /// <summary>Raw scanlines: each row is a filter byte (0 = none) followed by RGB triples.</summary>
        private static byte[] Paint(InvestigateMessage message)
        {
            int stride = 1 + Width * 3;
            var data = new byte[stride * Height];
            Fill(data, stride, 0, 0, Width, Height, (0xFF, 0xFF, 0xFF));
            Fill(data, stride, 0, 0, Width, 10, TitleColour(message.FinalDisposition));
            string[] lines = message.Body.Split('\n').Take(8).ToArray();
            for (int i = 0; i < lines.Length; i++)
            {
                int length = Math.Min(Width - 12, lines[i].Length * 2);
                bool isLink = lines[i].Contains("http");
                Fill(data, stride, 6, 16 + i * 7, length, 3,
                    isLink ? ((byte)0x25, (byte)0x63, (byte)0xEB) : ((byte)0xB0, (byte)0xB4, (byte)0xBA));
            }
            if (message.Attachment != null)
            {
                Fill(data, stride, 6, Height - 14, 28, 9, (0xE5, 0xE7, 0xEB));
            }
            return data;
        }

        private static (byte, byte, byte) TitleColour(string disposition)
        {
            switch (disposition)
            {
                case "MALICIOUS": return (0xDC, 0x26, 0x26);
                case "SUSPICIOUS": return (0xD9, 0x77, 0x06);
                case "SPOOF": return (0x7C, 0x3A, 0xED);
                case "SPAM": return (0xF5, 0x9E, 0x0B);
                case "BULK": return (0x8A, 0x8F, 0x98);
                default: return (0x2F, 0x6F, 0xEB);
            }
        }

        private static void Fill(
            byte[] data,
            int stride,
            int x,
            int y,
            int width,
            int height,
            (byte R, byte G, byte B) colour)
        {
            for (int row = y; row < Math.Min(Height, y + height); row++)
            {
                for (int column = x; column < Math.Min(Width, x + width); column++)
                {
                    int offset = row * stride + 1 + column * 3;
                    data[offset] = colour.R;
                    data[offset + 1] = colour.G;
                    data[offset + 2] = colour.B;
                }
            }
        }

        /// <summary>zlib (RFC 1950): header, raw deflate, Adler-32 of the uncompressed data.</summary>
        private static byte[] Zlib(byte[] data)
        {
            using (var output = new MemoryStream())
            {
                output.WriteByte(0x78);
                output.WriteByte(0x9C);
                using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
                {
                    deflate.Write(data, 0, data.Length);
                }
                var checksum = new byte[4];
                WriteBigEndian(checksum, 0, (int)Adler32(data));
                output.Write(checksum, 0, 4);
                return output.ToArray();
            }
        }

        private static void WriteChunk(Stream png, string type, byte[] data)
        {
            var length = new byte[4];
            WriteBigEndian(length, 0, data.Length);
            png.Write(length, 0, 4);
            byte[] typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
            png.Write(typeAndData, 0, typeAndData.Length);
            var crc = new byte[4];
            WriteBigEndian(crc, 0, (int)Crc32(typeAndData));
            png.Write(crc, 0, 4);
        }

        private static uint Adler32(byte[] data)
        {
            uint a = 1, b = 0;
            foreach (byte value in data)
            {
                a = (a + value) % 65521;
                b = (b + a) % 65521;
            }
            return (b << 16) | a;
        }

        private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
        {
            uint c = (uint)n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            return c;
        }).ToArray();

        private static uint Crc32(byte[] data)
        {
            uint crc = 0xFFFFFFFFu;
            foreach (byte value in data)
            {
                crc = CrcTable[(crc ^ value) & 0xFF] ^ (crc >> 8);
            }
            return crc ^ 0xFFFFFFFFu;
        }

        private static void WriteBigEndian(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)(value >> 24);
            buffer[offset + 1] = (byte)(value >> 16);
            buffer[offset + 2] = (byte)(value >> 8);
            buffer[offset + 3] = (byte)value;
        }
    }
}
