using System;
using System.Runtime.InteropServices;
using System.Security;

namespace EmailSecurity.Client.Http
{
    /// <summary>
    /// Whether a credential can travel in an HTTP header: visible ASCII only. A line break copied from a file or a
    /// non-ASCII character makes every request fail before it leaves, which the HTTP stack reports as a network
    /// failure; saying so at Connect-EsAccount names the real problem. Problems name the position and the kind of
    /// character, never the character or the text around it.
    /// </summary>
    internal static class HeaderText
    {
        /// <summary>Why <paramref name="secret"/> cannot be sent in a header, or null when it can.</summary>
        public static string? Problem(SecureString secret)
        {
            if (secret.Length == 0)
            {
                return "it is empty";
            }

            var pointer = IntPtr.Zero;
            try
            {
                // Read one character at a time from unmanaged memory: no managed copy of the secret is made.
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
                for (var i = 0; i < secret.Length; i++)
                {
                    if (Describe((char)Marshal.ReadInt16(pointer, i * 2)) is string kind)
                    {
                        return At(i, secret.Length, kind);
                    }
                }

                return null;
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }

        /// <summary>Why <paramref name="text"/> cannot be sent in a header, or null when it can.</summary>
        public static string? Problem(string text)
        {
            if (text.Length == 0)
            {
                return "it is empty";
            }

            for (var i = 0; i < text.Length; i++)
            {
                if (Describe(text[i]) is string kind)
                {
                    return At(i, text.Length, kind);
                }
            }

            return null;
        }

        private static string At(int index, int length, string kind) =>
            $"character {index + 1} of {length} is {kind}, which an HTTP header cannot carry; give it again without " +
            "that character";

        private static string? Describe(char c) =>
            c == '\r' || c == '\n' ? "a line break (often copied from the end of a file)"
            : c == ' ' || c == '\t' ? "a space or tab"
            : c < 0x20 || c == 0x7F ? "a control character"
            : c > 0x7E ? "a non-ASCII character"
            : null;
    }
}
