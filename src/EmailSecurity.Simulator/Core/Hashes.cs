using System.Security.Cryptography;
using System.Text;

namespace EmailSecurity.Simulator.Core
{
    internal static class Hashes
    {
        public static string Md5(byte[] data)
        {
            using (MD5 md5 = MD5.Create())
            {
                return Hex(md5.ComputeHash(data));
            }
        }

        public static string Sha1(byte[] data)
        {
            using (SHA1 sha1 = SHA1.Create())
            {
                return Hex(sha1.ComputeHash(data));
            }
        }

        public static string Sha256(byte[] data)
        {
            using (SHA256 sha256 = SHA256.Create())
            {
                return Hex(sha256.ComputeHash(data));
            }
        }

        public static string Sha256(string text) => Sha256(Encoding.UTF8.GetBytes(text));

        public static string Hex(byte[] bytes)
        {
            var builder = new StringBuilder(bytes.Length * 2);
            foreach (byte b in bytes)
            {
                builder.Append(b.ToString("x2"));
            }
            return builder.ToString();
        }
    }
}
