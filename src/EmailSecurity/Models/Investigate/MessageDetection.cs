using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmailSecurity.Models
{
    /// <summary>Why Email Security judged a message as it did (<c>GET /investigate/{id}/detections</c>).</summary>
    [ViewGroup(nameof(InvestigateId), "Message")]
    public sealed class MessageDetection : IMessageResult
    {
        /// <summary>The investigate id the detections were asked for; the API does not repeat it.</summary>
        [JsonIgnore]
        [ListItem(1)]
        public string? InvestigateId { get; set; }

        /// <summary>
        /// InvestigateId's former name, kept (hidden) for scripts: a Message's MessageId is its Message-ID header.
        /// </summary>
        [JsonIgnore]
        [Hidden]
        public string? MessageId { get => InvestigateId; set => InvestigateId = value; }

        [JsonPropertyName("final_disposition")]
        [TableColumn(1, Width = 13, Label = "Disposition")]
        [ListItem(2)]
        public string? FinalDisposition { get; set; }

        /// <summary>What the scanner did with the message, e.g. QUARANTINE or DELIVER.</summary>
        [JsonPropertyName("action")]
        [TableColumn(2, Width = 10)]
        [ListItem(3)]
        public string? Action { get; set; }

        [JsonPropertyName("threat_categories")]
        [TableColumn(7, Label = "Threats")]
        [ListItem(4)]
        public ApiList<ThreatCategory>? ThreatCategories { get; set; }

        [JsonPropertyName("findings")]
        [ListItem(8, Script = "$_.Findings -join \"`n\"")]
        public ApiList<DetectionFinding>? Findings { get; set; }

        [JsonPropertyName("attachments")]
        [TableColumn(5, Width = 5, Label = "Files", AlignRight = true,
            Script = "if ($_.Attachments) { $_.Attachments.Count } else { 0 }")]
        [ListItem(9)]
        public ApiList<MessageAttachment>? Attachments { get; set; }

        [JsonPropertyName("links")]
        [TableColumn(6, Width = 5, AlignRight = true, Script = "if ($_.Links) { $_.Links.Count } else { 0 }")]
        [ListItem(10)]
        public ApiList<MessageLink>? Links { get; set; }

        [JsonPropertyName("headers")]
        public ApiList<MessageHeader>? Headers { get; set; }

        [JsonPropertyName("sender_info")]
        [ListItem(6)]
        public MessageSenderInfo? SenderInfo { get; set; }

        [JsonPropertyName("validation")]
        [ListItem(7)]
        public MessageValidation? Validation { get; set; }

        /// <summary>The sender's domain (<see cref="MessageSenderInfo.Pld"/>).</summary>
        [JsonIgnore]
        [TableColumn(3, Width = 24)]
        [ListItem(5)]
        public string? SenderDomain => SenderInfo?.Pld;

        /// <summary>The address the message came from (<see cref="MessageSenderInfo.Ip"/>).</summary>
        [JsonIgnore]
        [TableColumn(4, Width = 15)]
        public string? SenderIp => SenderInfo?.Ip;

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        public override string ToString() => $"{InvestigateId} {FinalDisposition}";
    }

    public sealed class ThreatCategory
    {
        [JsonPropertyName("id")]
        public long? Id { get; set; }

        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("description")]
        public string? Description { get; set; }

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        public override string ToString() =>
            Name ?? Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }

    /// <summary>One piece of evidence the scanner found: in a header, the body, a link or an attachment.</summary>
    public sealed class DetectionFinding
    {
        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("detection")]
        public string? Detection { get; set; }

        [JsonPropertyName("score")]
        public double? Score { get; set; }

        [JsonPropertyName("reason")]
        public string? Reason { get; set; }

        [JsonPropertyName("detail")]
        public string? Detail { get; set; }

        [JsonPropertyName("field")]
        public string? Field { get; set; }

        [JsonPropertyName("portion")]
        public string? Portion { get; set; }

        [JsonPropertyName("value")]
        public string? Value { get; set; }

        /// <summary>The attachment the finding is about, if any.</summary>
        [JsonPropertyName("attachment")]
        public string? Attachment { get; set; }

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        public override string ToString() => $"{Name}: {Detail ?? Reason}";
    }

    public sealed class MessageAttachment
    {
        [JsonPropertyName("filename")]
        public string? FileName { get; set; }

        /// <summary>The attachment's name when it has no file name.</summary>
        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("content_type")]
        public string? ContentType { get; set; }

        /// <summary>Size in bytes.</summary>
        [JsonPropertyName("size")]
        public long Size { get; set; }

        [JsonPropertyName("detection")]
        public string? Detection { get; set; }

        [JsonPropertyName("encrypted")]
        public bool? Encrypted { get; set; }

        [JsonPropertyName("md5")]
        public string? Md5 { get; set; }

        [JsonPropertyName("sha1")]
        public string? Sha1 { get; set; }

        [JsonPropertyName("sha256")]
        public string? Sha256 { get; set; }

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        public override string ToString() => FileName ?? Name ?? Sha256 ?? string.Empty;
    }

    public sealed class MessageLink
    {
        [JsonPropertyName("href")]
        public string? Href { get; set; }

        /// <summary>The text the link shows, which phishing makes differ from where it goes.</summary>
        [JsonPropertyName("text")]
        public string? Text { get; set; }

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        public override string ToString() => Href ?? string.Empty;
    }

    public sealed class MessageHeader
    {
        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("value")]
        public string? Value { get; set; }

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        public override string ToString() => $"{Name}: {Value}";
    }

    /// <summary>Where the message came from on the network.</summary>
    public sealed class MessageSenderInfo
    {
        [JsonPropertyName("ip")]
        public string? Ip { get; set; }

        /// <summary>The number of the autonomous system.</summary>
        [JsonPropertyName("as_number")]
        public long? AsNumber { get; set; }

        /// <summary>The name of the autonomous system.</summary>
        [JsonPropertyName("as_name")]
        public string? AsName { get; set; }

        [JsonPropertyName("geo")]
        public string? Geo { get; set; }

        /// <summary>The pay-level domain of the sender, e.g. example.com for mail.example.com.</summary>
        [JsonPropertyName("pld")]
        public string? Pld { get; set; }

        [JsonExtensionData]
        public ApiFields? AdditionalFields { get; set; }

        public override string ToString() => $"{Ip} (AS{AsNumber} {AsName}, {Geo})";
    }
}
