using System.Text.Json.Serialization;
using EmailSecurity.Client;

namespace EmailSecurity.Models
{
    /// <summary>
    /// A sending domain restriction (<c>/settings/sending_domain_restrictions</c>, 2026-10): mail from the domain must
    /// arrive over TLS, except from the excluded subdomains. The deprecated <c>last_modified</c> lands in
    /// <see cref="SettingsObject.AdditionalFields"/>.
    /// </summary>
    [ApiCollection("/settings/sending_domain_restrictions", "sending_domain_restriction_id",
        "sending domain restriction", "domain", "comments")]
    public sealed class SendingDomainRestriction : SettingsObject
    {
        [JsonPropertyName("domain")]
        [TableColumn(10, Width = 30)]
        [ListItem(10)]
        public string? Domain { get; set; }

        /// <summary>Subdomains exempt from the TLS requirement.</summary>
        [JsonPropertyName("exclude")]
        [TableColumn(20, Width = 36)]
        [ListItem(20)]
        public ApiList<string>? Exclude { get; set; }

        [JsonPropertyName("comments")]
        [TableColumn(100)]
        [ListItem(90)]
        public string? Comments { get; set; }

        public override string ToString() => Domain ?? Id ?? string.Empty;
    }
}
