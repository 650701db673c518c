using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using EmailSecurity.Client;

namespace EmailSecurity.Models
{
    /// <summary>
    /// A protected identity of the impersonation registry (<c>/settings/impersonation_registry</c>): mail that pretends
    /// to come from this person is flagged. Entries are added by hand or synced from a directory.
    /// </summary>
    [ApiCollection("/settings/impersonation_registry", "impersonation_registry_id", "impersonation registry entry",
        "name", "email")]
    public sealed class ImpersonationRegistryEntry : SettingsObject
    {
        [JsonPropertyName("name")]
        [TableColumn(10, Width = 28)]
        [ListItem(10)]
        public string? Name { get; set; }

        [JsonPropertyName("email")]
        [TableColumn(20, Width = 40)]
        [ListItem(20)]
        public string? Email { get; set; }

        [JsonPropertyName("is_email_regex")]
        [TableColumn(30, Width = 5, Label = "Regex")]
        [ListItem(30)]
        public bool? IsEmailRegex { get; set; }

        /// <summary>A1S_INTERNAL for entries added by hand; SNOOPY-... for entries synced from a directory.</summary>
        [JsonPropertyName("provenance")]
        [TableColumn(40, Width = 23)]
        [ListItem(40)]
        public string? Provenance { get; set; }

        [JsonPropertyName("directory_id")]
        [ListItem(50, WhenSet = true)]
        public long? DirectoryId { get; set; }

        [JsonPropertyName("directory_node_id")]
        [ListItem(51, WhenSet = true)]
        public long? DirectoryNodeId { get; set; }

        [JsonPropertyName("external_directory_node_id")]
        [ListItem(52, WhenSet = true)]
        public string? ExternalDirectoryNodeId { get; set; }

        [JsonPropertyName("comments")]
        [ListItem(90)]
        public string? Comments { get; set; }

        public override string ToString() => Name == null ? Email ?? Id ?? string.Empty : $"{Name} <{Email}>";
    }
}
