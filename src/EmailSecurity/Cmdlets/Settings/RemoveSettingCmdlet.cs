using System.Management.Automation;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>
    /// Deletes objects by id, one confirmation each (a request each, or batches where the list has a batch endpoint).
    /// A removal cannot be undone, so every Remove- cmdlet asks first (ConfirmImpact High); -Force skips the question,
    /// as in Exchange Online.
    /// </summary>
    public abstract class RemoveSettingCmdlet<TModel> : ExistingSettingCmdlet<TModel>
        where TModel : class
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Identity")]
        [ApiIdText(typeof(Models.SettingsObject))]
        [ValidateApiId]
        [ArgumentCompleter(typeof(Completion.SettingIdCompleter))]
        public string[]? Id { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override bool Forced => Force;

        /// <summary>The action -WhatIf and -Confirm name, e.g. "Remove blocked sender".</summary>
        protected virtual string RemoveAction => $"Remove {Collection.Noun}";

        protected override void ProcessRecord()
        {
            foreach (var (entry, ids) in IdsBySource(Id!, InputObject))
            {
                var connection = ConnectionForEntry(entry);
                if (connection == null)
                {
                    continue;
                }

                ForEachTarget(ids, id =>
                {
                    if (ShouldChange(TargetOf(id), RemoveAction))
                    {
                        Send(new SettingsChange(ChangeKind.Delete, id, RemoveAction, id, SettingsChange.NoFields),
                            connection);
                    }
                });
            }
        }
    }
}
