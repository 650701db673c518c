namespace EmailSecurity.Models
{
    /// <summary>
    /// One change a Sync- cmdlet made to a settings list to make it equal to the desired entries: an entry created,
    /// changed (only the fields that differed) or deleted, with its id.
    /// </summary>
    public sealed class SettingsSyncResult
    {
        internal SettingsSyncResult(string action, string entry, string? id, string[] changes, SettingsObject? result)
        {
            Action = action;
            Entry = entry;
            Id = id;
            Changes = new ApiList<string>(changes);
            Result = result;
        }

        /// <summary>Created, Changed or Deleted.</summary>
        [TableColumn(10, Width = 8)]
        [ListItem(10)]
        public string Action { get; }

        /// <summary>The entry as the list's key names it: "contoso.com (DOMAIN)", a content policy's name.</summary>
        [TableColumn(20, Width = 36)]
        [ListItem(20)]
        public string Entry { get; }

        [TableColumn(30, Width = 36)]
        [ListItem(30)]
        public string? Id { get; }

        /// <summary>What a change set, each "field: old → new"; what a creation set, each "field: value".</summary>
        [TableColumn(40, Script = "$_.Changes -join '; '")]
        [ListItem(40)]
        public ApiList<string> Changes { get; }

        /// <summary>The entry as the API returned it after a creation or a change; null after a deletion.</summary>
        [ListItem(50)]
        public SettingsObject? Result { get; }

        public override string ToString() => $"{Action} {Entry}";
    }
}
