using System;
using System.Management.Automation;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>
    /// Edits one object with PATCH, sending only the fields the caller named. Piped objects from the Get cmdlet
    /// bind by their Id; their other properties are not sent.
    /// </summary>
    public abstract class SetSettingCmdlet<TModel> : ExistingSettingCmdlet<TModel>
        where TModel : class
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Identity")]
        [ApiIdText(typeof(Models.SettingsObject))]
        [ValidateApiId]
        [ArgumentCompleter(typeof(Completion.SettingIdCompleter))]
        public string Id { get; set; } = string.Empty;

        /// <summary>Writes the object as the API returns it after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            if (BoundApiValues.Body(this).Count == 0)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("Nothing to change: give at least one of " +
                        $"{string.Join(", ", BoundApiValues.FieldParameterNames(GetType()))}."),
                    "EsNothingToChange",
                    ErrorCategory.InvalidArgument,
                    null));
            }

            base.BeginProcessing();
        }

        /// <summary>Why the bound values cannot make a working entry (see SettingValues); null when they can.</summary>
        protected virtual string? InputProblem => null;

        protected override void ProcessRecord()
        {
            var connection = ConnectionForEntry(EntryOf(Id));
            if (connection == null)
            {
                return;
            }

            if (InputProblem is string problem)
            {
                WriteError(SettingValues.Error(problem, Id));
                return;
            }

            var body = BoundApiValues.Body(this);
            var action = $"Update {Collection.Noun}: set {string.Join(", ", body.Keys)}";
            if (!ShouldProcess(TargetOf(Id), action))
            {
                return;
            }

            RunChange(action, Id, connection, async (client, bridge, token) =>
            {
                var answer = await client.SendAsync<TModel>(Collection.Edit!.Request(Id).WithFields(body), token)
                    .ConfigureAwait(false);
                if (PassThru)
                {
                    bridge.Post(() => WriteObject(answer.Result));
                }
            });
        }
    }
}
