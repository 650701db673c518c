using System.Management.Automation;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>What the settings cmdlets that change a list share: the list, and the entry piped in.</summary>
    public abstract class SettingsChangeCmdlet<TModel> : EsChangeCmdlet, ISettingsCommand
        where TModel : class
    {
        /// <summary>
        /// The entry piped in, when it is one: the connection it came from, and (Set, Remove) its name beside its id in
        /// -WhatIf and -Confirm.
        /// </summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public Models.SettingsObject? InputObject { get; set; }

        /// <summary>The list the cmdlet changes, declared on its model.</summary>
        internal ApiCollection Collection => ApiCatalog.CollectionOf<TModel>();

        ApiCollection ISettingsCommand.Collection => Collection;

        protected override string ChangedNoun => Collection.Noun;
    }
}
