using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>
    /// The shared shape of the settings cmdlets: list (every page, filtered by the parameters marked
    /// <see cref="ApiQueryAttribute"/>) or get by id. A noun's Get cmdlet declares only its own filters.
    /// </summary>
    public abstract class GetSettingCmdlet<TModel> : EsApiCmdlet, ISettingsCommand
        where TModel : class
    {
        protected const string ListSet = "List";
        protected const string ByIdSet = "ById";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Identity")]
        [ApiIdText(typeof(Models.SettingsObject))]
        [ValidateApiId]
        [ArgumentCompleter(typeof(Completion.SettingIdCompleter))]
        public string[]? Id { get; set; }

        /// <summary>Free-text search of the API (its behaviour may change, the API says).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("search")]
        [ValidateNotNullOrEmpty]
        public string? Search { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("direction")]
        [ValidateSet("asc", "desc")]
        public string? Direction { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, ApiValues.MaxPageSize)]
        public int PageSize { get; set; } = ApiValues.MaxPageSize;

        /// <summary>The entry piped in, when it is one: only to refuse an entry of another list.</summary>
        [Parameter(ParameterSetName = ByIdSet, ValueFromPipeline = true, DontShow = true)]
        public Models.SettingsObject? InputObject { get; set; }

        internal abstract SettingsEndpoint Endpoint { get; }

        SettingsEndpoint ISettingsCommand.Endpoint => Endpoint;

        protected override void BeginProcessing()
        {
            if (ParameterSetName == ByIdSet)
            {
                WarnPagingUnusedWithIds();
            }

            base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByIdSet)
            {
                if (SettingsTarget.WrongKind<TModel>(InputObject, Endpoint) is ErrorRecord wrongKind)
                {
                    WriteError(wrongKind);
                    return;
                }

                var connection = ConnectionFor(InputObject);
                if (connection == null)
                {
                    return;
                }

                foreach (var id in Id!)
                {
                    RunApi(async (client, bridge, token) =>
                    {
                        var answer = await client.SendAsync<TModel>(ApiRequest.Get(Endpoint.Item(id)), token).ConfigureAwait(false);
                        bridge.Post(() => WriteObject(answer.Result));
                    }, id, connection: connection);
                }

                return;
            }

            WritePaged<TModel>(BoundApiValues.AddQuery(this, ApiRequest.Get(Endpoint.Collection)), PagingStyle.PageNumber, PageSize);
        }
    }

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

        internal abstract SettingsEndpoint Endpoint { get; }

        SettingsEndpoint ISettingsCommand.Endpoint => Endpoint;

        protected override string ChangedNoun => Endpoint.Noun;
    }

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
            var action = $"Create {Endpoint.Noun}{(flags.Count > 0 ? " with " + string.Join(", ", flags) : string.Empty)}";
            var connection = ConnectionFor(InputObject, anyOrigin: true);
            if (connection == null || !ShouldProcess(Target, action))
            {
                return;
            }

            RunChange(action, Target, connection, async (client, bridge, token) =>
            {
                var answer = await client.SendAsync<TModel>(ApiRequest.Post(Endpoint.Collection, body), token).ConfigureAwait(false);
                bridge.Post(() => WriteObject(answer.Result));
            });
        }
    }

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
            if (SettingsTarget.WrongKind<TModel>(InputObject, Endpoint) is ErrorRecord wrongKind)
            {
                WriteError(wrongKind);
                return null;
            }

            return ConnectionFor(InputObject);
        }

        /// <summary>How -WhatIf and -Confirm name the entry with this id.</summary>
        protected string TargetOf(string id) => SettingsTarget.Describe(id, InputObject);
    }

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
                    new ArgumentException($"Nothing to change: give at least one of {string.Join(", ", BoundApiValues.FieldParameterNames(GetType()))}."),
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
            var connection = ConnectionForPipedEntry();
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
            var action = $"Update {Endpoint.Noun}: set {string.Join(", ", body.Keys)}";
            if (!ShouldProcess(TargetOf(Id), action))
            {
                return;
            }

            RunChange(action, Id, connection, async (client, bridge, token) =>
            {
                var answer = await client.SendAsync<TModel>(ApiRequest.Patch(Endpoint.Item(Id), body), token).ConfigureAwait(false);
                if (PassThru)
                {
                    bridge.Post(() => WriteObject(answer.Result));
                }
            });
        }
    }

    /// <summary>
    /// Deletes objects by id, one request and one confirmation each. A removal cannot be undone, so every Remove- cmdlet
    /// asks first (ConfirmImpact High); -Force skips the question, as in Exchange Online.
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
        protected virtual string RemoveAction => $"Remove {Endpoint.Noun}";

        protected override void ProcessRecord()
        {
            var connection = ConnectionForPipedEntry();
            if (connection == null)
            {
                return;
            }

            ForEachTarget(Id!, id =>
            {
                if (ShouldChange(TargetOf(id), RemoveAction))
                {
                    RunChange(RemoveAction, id, connection, async (client, bridge, token) =>
                    {
                        var answer = await client.SendAsync<DeletedObject>(ApiRequest.Delete(Endpoint.Item(id)), token).ConfigureAwait(false);
                        bridge.Verbose(answer.AlreadyDone
                            ? $"Removed {Endpoint.Noun} {id}: already deleted by an earlier attempt whose answer was lost (sent again, the API no longer found it)."
                            : $"Removed {Endpoint.Noun} {id}.");
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

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>Lists of the pattern collections (allow policies, blocked senders, trusted domains): -Pattern and -Order.</summary>
    public abstract class GetPatternSettingCmdlet<TModel> : GetSettingCmdlet<TModel>
        where TModel : class
    {
        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("pattern")]
        [ValidateNotNullOrEmpty]
        public string? Pattern { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("order")]
        [ValidateSet("pattern", "created_at")]
        public string? Order { get; set; }
    }

    /// <summary>What creating any pattern entry takes: the pattern, whether it is a regular expression, a comment.</summary>
    public abstract class NewPatternSettingCmdlet<TModel> : NewSettingCmdlet<TModel>
        where TModel : class
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ApiField("pattern")]
        [ValidateNotNullOrEmpty]
        public string Pattern { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ApiField("is_regex")]
        [FlagText]
        public SwitchParameter IsRegex { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ApiField("comments")]
        public string? Comments { get; set; }

        protected override string Target => Pattern;

        protected override string CheckFor(string target) => $"{CheckCommand} -Pattern {Quoted(Pattern)}";

        /// <summary>The pattern type the pattern must fit: the noun's -PatternType, or DOMAIN where there is none.</summary>
        protected virtual string PatternKind => ApiValues.PatternType.Domain;

        protected override string? InputProblem => SettingValues.PatternProblem(Pattern, PatternKind, IsRegex);
    }

    /// <summary>The fields every pattern entry can change; the noun adds its own.</summary>
    public abstract class SetPatternSettingCmdlet<TModel> : SetSettingCmdlet<TModel>
        where TModel : class
    {
        [Parameter]
        [ApiField("pattern")]
        [ValidateNotNullOrEmpty]
        public string? Pattern { get; set; }

        [Parameter]
        [ApiField("is_regex")]
        public bool IsRegex { get; set; }

        [Parameter]
        [ApiField("comments")]
        public string? Comments { get; set; }

        /// <summary>The pattern type the pattern must fit; null when the caller did not give one (the entry keeps its own).</summary>
        protected virtual string? PatternKind => ApiValues.PatternType.Domain;

        // Checked only when the caller says it is not a regular expression: otherwise the entry's own is_regex decides.
        protected override string? InputProblem =>
            IsBound(nameof(Pattern)) && IsBound(nameof(IsRegex)) && !IsRegex ? SettingValues.PatternProblem(Pattern, PatternKind, false) : null;
    }
}
