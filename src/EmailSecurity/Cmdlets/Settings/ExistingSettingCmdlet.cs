using System.Management.Automation;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>
    /// What editing and removing an existing entry share: the entry piped in or given to -Id, used to name it in
    /// -WhatIf and -Confirm, to work in the account it came from, and to refuse an entry of another list.
    /// </summary>
    public abstract class ExistingSettingCmdlet<TModel> : SettingsChangeCmdlet<TModel>
        where TModel : class
    {
        /// <summary>The entry an id came with (see EsApiCmdlet.IdsBySource); null for id text.</summary>
        protected Models.SettingsObject? EntryOf(string id) => SourceOf(id, InputObject);

        /// <summary>
        /// The connection for the entry; null, with an error written, when it is of another list or cannot be worked
        /// on with the connection in effect (see SettingsTarget.ConnectionFor).
        /// </summary>
        protected EsConnection? ConnectionForEntry(Models.SettingsObject? entry) =>
            SettingsTarget.ConnectionFor<TModel>(this, entry, Collection);

        /// <summary>How -WhatIf and -Confirm name the entry with this id.</summary>
        protected string TargetOf(string id) => SettingsTarget.Describe(id, EntryOf(id));
    }
}
