using System.Management.Automation;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>Lists content policies (<c>GET /settings/content_policies</c>) or reads them by id.</summary>
    [Cmdlet(VerbsCommon.Get, "EsContentPolicy", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(ContentPolicy))]
    public sealed class GetEsContentPolicyCommand : GetSearchableSettingCmdlet<ContentPolicy>
    {
        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("name")]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("enabled")]
        public bool Enabled { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("order")]
        [ValidateSet("name", "created_at")]
        public string? Order { get; set; }
    }

    /// <summary>
    /// Creates a content policy (<c>POST /settings/content_policies</c>), enabled unless -Enabled $false.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "EsContentPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ContentPolicy))]
    public sealed class NewEsContentPolicyCommand : BatchedNewSettingCmdlet<ContentPolicy>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ApiField("name")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ApiField("pattern")]
        [ValidateNotNullOrEmpty]
        public string Pattern { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [ApiField("targets")]
        [ValidateSet("SUBJECT", "BODY")]
        public string[] Targets { get; set; } = new string[0];

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [FlagText]
        public bool Enabled { get; set; } = true;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ApiField("notes")]
        public string? Notes { get; set; }

        // The API requires the field; a new policy is on unless the caller says otherwise.
        [ApiField("enabled")]
        private bool EnabledField => Enabled;

        protected override string Target => Name;

        protected override string CheckFor(string target) => $"{CheckCommand} -Name {Quoted(target)}";
    }

    /// <summary>
    /// Edits a content policy (<c>PATCH /settings/content_policies/{id}</c>), sending only the given fields.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "EsContentPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ContentPolicy))]
    public sealed class SetEsContentPolicyCommand : SetSettingCmdlet<ContentPolicy>
    {
        [Parameter]
        [ApiField("name")]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        [ApiField("enabled")]
        public bool Enabled { get; set; }

        [Parameter]
        [ApiField("pattern")]
        [ValidateNotNullOrEmpty]
        public string? Pattern { get; set; }

        [Parameter]
        [ApiField("targets")]
        [ValidateSet("SUBJECT", "BODY")]
        public string[]? Targets { get; set; }

        [Parameter]
        [ApiField("notes")]
        public string? Notes { get; set; }
    }

    /// <summary>Deletes content policies (<c>DELETE /settings/content_policies/{id}</c>).</summary>
    [Cmdlet(VerbsCommon.Remove, "EsContentPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveEsContentPolicyCommand : BatchedRemoveSettingCmdlet<ContentPolicy>
    {
    }
}
