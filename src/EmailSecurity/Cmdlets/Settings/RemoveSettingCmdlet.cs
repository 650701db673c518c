using System.Management.Automation;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>Deletes objects by id, one request and one confirmation each.</summary>
    public abstract class RemoveSettingCmdlet<TModel> : ExistingSettingCmdlet<TModel>
        where TModel : class
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Identity")]
        [ApiIdText(typeof(Models.SettingsObject))]
        [ValidateApiId]
        [ArgumentCompleter(typeof(Completion.SettingIdCompleter))]
        public string[]? Id { get; set; }

        /// <summary>The action -WhatIf and -Confirm name, e.g. "Remove blocked sender".</summary>
        protected virtual string RemoveAction => $"Remove {Collection.Noun}";

        protected override void ProcessRecord()
        {
            if (!PipedEntryFits())
            {
                return;
            }

            ForEachTarget(Id!, id =>
            {
                if (ShouldProcess(TargetOf(id), RemoveAction))
                {
                    RunChange(RemoveAction, id, async (client, bridge, token) =>
                    {
                        var answer = await client.SendAsync<DeletedObject>(Collection.Delete.Request(id), token).ConfigureAwait(false);
                        bridge.Verbose(answer.AlreadyDone
                            ? $"Removed {Collection.Noun} {id}: already deleted by an earlier attempt whose answer was lost (sent again, the API no longer found it)."
                            : $"Removed {Collection.Noun} {id}.");
                    });
                }
            });
        }

        private sealed class DeletedObject
        {
            [System.Text.Json.Serialization.JsonPropertyName("id")]
            public string? Id { get; set; }
        }
    }
}
