using System.Linq;
using System.Management.Automation;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>
    /// Creates one object per pipeline record from the parameters marked <see cref="ApiFieldAttribute"/>. The fields
    /// that describe an entry bind by property name, so piping entries from a Get cmdlet copies them (to another
    /// account with -AccountId or -Connection; into the account they came from when neither is given), switches
    /// included.
    /// </summary>
    public abstract class NewSettingCmdlet<TModel> : SettingsChangeCmdlet<TModel>
        where TModel : class
    {
        /// <summary>A new entry has no id yet: it is looked for in the list.</summary>
        protected override string CheckFor(string target) => CheckCommand;

        /// <summary>How the new object is named in -WhatIf and -Confirm, e.g. its pattern.</summary>
        protected abstract string Target { get; }

        /// <summary>
        /// Why the values of this record cannot make a working entry (see SettingValues); null when they can.
        /// </summary>
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
            var action =
                $"Create {Collection.Noun}{(flags.Count > 0 ? " with " + string.Join(", ", flags) : string.Empty)}";
            var connection = ConnectionFor(InputObject, anyOrigin: true);
            if (connection == null || !ShouldProcess(Target, action))
            {
                return;
            }

            Send(new SettingsChange(ChangeKind.Create, Target, action, null, body), connection);
        }

        /// <summary>
        /// The new entry, with the id the API gave it. A batch answer need not list the entries it created (the arrays
        /// of its answer are optional): then a warning says where to see it.
        /// </summary>
        private protected override void WriteApplied(SettingsChange change, TModel? entry)
        {
            if (entry != null)
            {
                WriteObject(entry);
                return;
            }

            WriteWarning($"The API created {Collection.Noun} '{change.Target}' but did not return it; " +
                $"see it with {CheckFor(change.Target)}.");
        }
    }
}
