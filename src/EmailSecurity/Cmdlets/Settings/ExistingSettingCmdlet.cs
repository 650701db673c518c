using System.Management.Automation;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>
    /// What editing and removing an existing entry share: the entry piped in (its id binds to -Id), used to name it
    /// in -WhatIf and -Confirm, to work in the account it came from, and to refuse an entry of another list.
    /// </summary>
    public abstract class ExistingSettingCmdlet<TModel> : SettingsChangeCmdlet<TModel>
        where TModel : class
    {
        /// <summary>
        /// The connection for the piped entry; null, with an error written, when the entry is of another list (its id
        /// would go to the wrong collection) or cannot be worked on with the connection in effect.
        /// </summary>
        protected EsConnection? ConnectionForPipedEntry()
        {
            if (SettingsTarget.WrongKind<TModel>(InputObject, Collection) is ErrorRecord wrongKind)
            {
                WriteError(wrongKind);
                return null;
            }

            return ConnectionFor(InputObject);
        }

        /// <summary>How -WhatIf and -Confirm name the entry with this id.</summary>
        protected string TargetOf(string id) => SettingsTarget.Describe(id, InputObject);
    }
}
