using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmailSecurity.Models
{
    /// <summary>
    /// A rendering of a message's body as a PNG image (<c>GET /investigate/{id}/preview</c>, or
    /// <c>POST /investigate/preview</c> by postfix id), so an analyst can see a phish without opening it.
    /// </summary>
    public sealed class MessagePreview : IMessageResult
    {
        private static readonly byte[] PngSignature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

        /// <summary>The investigate id the preview was asked for; null when it was asked for by postfix id.</summary>
        [JsonIgnore]
        [TableColumn(1, Width = 46)]
        [ListItem(1)]
        public string? InvestigateId { get; set; }

        /// <summary>
        /// InvestigateId's former name, kept (hidden) for scripts: a Message's MessageId is its Message-ID header.
        /// </summary>
        [JsonIgnore]
        [Hidden]
        public string? MessageId { get => InvestigateId; set => InvestigateId = value; }

        /// <summary>The postfix id the preview was asked for; null when it was asked for by investigate id.</summary>
        [JsonIgnore]
        [TableColumn(2, Width = 18)]
        [ListItem(2)]
        public string? PostfixId { get; set; }

        /// <summary>The PNG image, base64-encoded as the API sends it.</summary>
        [JsonPropertyName("screenshot")]
        public string? Screenshot { get; set; }

        /// <summary>"width x height" read from the PNG header, or null when the screenshot is not a PNG.</summary>
        [JsonIgnore]
        [TableColumn(4)]
        [ListItem(3)]
        public string? Dimensions
        {
            get
            {
                byte[] png;
                try
                {
                    png = GetImageBytes();
                }
                catch (Exception error) when (error is FormatException || error is InvalidOperationException)
                {
                    return null;
                }

                // The IHDR chunk always comes first: signature (8), length (4), type (4), then width and height.
                if (png.Length < 24 || !StartsWithSignature(png))
                {
                    return null;
                }

                return $"{BigEndian(png, 16)}x{BigEndian(png, 20)}";
            }
        }

        /// <summary>
        /// The size of the PNG image in bytes; null when the API sent no image or one that is not base64.
        /// </summary>
        [JsonIgnore]
        [TableColumn(3, Width = 8, Label = "Bytes", AlignRight = true)]
        [ListItem(4, Label = "Bytes")]
        public long? Length
        {
            get
            {
                try
                {
                    return Screenshot == null ? (long?)null : GetImageBytes().Length;
                }
                catch (FormatException)
                {
                    return null;
                }
            }
        }

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        /// <summary>The PNG file's bytes, decoded from <see cref="Screenshot"/>.</summary>
        public byte[] GetImageBytes() =>
            Convert.FromBase64String(Screenshot ?? throw new InvalidOperationException(
                $"The API sent no screenshot for message {InvestigateId ?? PostfixId}."));

        public override string ToString() => InvestigateId ?? PostfixId ?? string.Empty;

        private static bool StartsWithSignature(byte[] data)
        {
            for (var i = 0; i < PngSignature.Length; i++)
            {
                if (data[i] != PngSignature[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static long BigEndian(byte[] data, int offset) =>
            ((long)data[offset] << 24) | ((long)data[offset + 1] << 16) | ((long)data[offset + 2] << 8) | data[
                offset + 3];
    }
}
