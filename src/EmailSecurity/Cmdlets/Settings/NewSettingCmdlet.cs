using System;
using System.Linq;
using System.Management.Automation;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>
    /// Creates one object per pipeline record from the parameters marked <see cref="ApiFieldAttribute"/>. The fields
    /// that describe an entry bind by property name, so piping entries from a Get cmdlet copies them (to another
    /// account with -AccountId or -Connection), switches included.
    /// </summary>
    public abstract class NewSettingCmdlet<TModel> : EsChangeCmdlet, ISettingsCommand
        where TModel : class
    {
        /// <summary>The list the cmdlet adds to, declared on its model.</summary>
        internal ApiCollection Collection => ApiCatalog.CollectionOf<TModel>();

        protected override string ChangedNoun => Collection.Noun;

        private ApiOperation Creation =>
            Collection.Create ?? throw new InvalidOperationException($"The API creates no {Collection.Noun} entries.");

        /// <summary>A new entry has no id yet: it is looked for in the list.</summary>
        protected override string CheckFor(string target) => CheckCommand;

        ApiCollection ISettingsCommand.Collection => Collection;

        /// <summary>How the new object is named in -WhatIf and -Confirm, e.g. its pattern.</summary>
        protected abstract string Target { get; }

        /// <summary>Why the values of this record cannot make a working entry (see SettingValues); null when they can.</summary>
        protected virtual string? InputProblem => null;

        protected override void ProcessRecord()
        {
            if (InputProblem is string problem)
            {
                WriteError(SettingValues.Error(problem, Target));
                return;
            }

            var body = BoundApiValues.Body(this, includeUnboundSwitches: true);
            var flags = body.Where(field => field.Value is true).Select(field => field.Key).ToList();
            var action = $"Create {Collection.Noun}{(flags.Count > 0 ? " with " + string.Join(", ", flags) : string.Empty)}";
            if (!ShouldProcess(Target, action))
            {
                return;
            }

            RunChange(action, Target, async (client, bridge, token) =>
            {
                var answer = await client.SendAsync<TModel>(Creation.Request().WithFields(body), token).ConfigureAwait(false);
                bridge.Post(() => WriteObject(answer.Result));
            });
        }
    }
}
