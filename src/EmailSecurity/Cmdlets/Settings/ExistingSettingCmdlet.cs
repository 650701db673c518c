using System.Management.Automation;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>
    /// What editing and removing an existing entry share: the entry piped in (its id binds to -Id), used to name it
    /// in -WhatIf and -Confirm and to refuse an entry of another list.
    /// </summary>
    public abstract class ExistingSettingCmdlet<TModel> : EsChangeCmdlet, ISettingsCommand
        where TModel : class
    {
        /// <summary>The entry piped in, when it is one: only to name it, beside its id, in -WhatIf and -Confirm.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public Models.SettingsObject? InputObject { get; set; }

        /// <summary>The list the cmdlet changes, declared on its model.</summary>
        internal ApiCollection Collection => ApiCatalog.CollectionOf<TModel>();

        ApiCollection ISettingsCommand.Collection => Collection;

        protected override string ChangedNoun => Collection.Noun;

        /// <summary>False, with an error written, when the piped entry is of another list (its id would go to the wrong collection).</summary>
        protected bool PipedEntryFits()
        {
            if (SettingsTarget.WrongKind<TModel>(InputObject, Collection) is ErrorRecord wrongKind)
            {
                WriteError(wrongKind);
                return false;
            }

            return true;
        }

        /// <summary>How -WhatIf and -Confirm name the entry with this id.</summary>
        protected string TargetOf(string id) => SettingsTarget.Describe(id, InputObject);
    }
}
