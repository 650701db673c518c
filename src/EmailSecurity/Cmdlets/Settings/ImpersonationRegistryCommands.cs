using System.Management.Automation;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>
    /// Lists the impersonation registry (<c>GET /settings/impersonation_registry</c>) or reads entries by id.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EsImpersonationRegistryEntry", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(ImpersonationRegistryEntry))]
    public sealed class GetEsImpersonationRegistryEntryCommand : GetSearchableSettingCmdlet<ImpersonationRegistryEntry>
    {
        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("provenance")]
        [ValidateSet(ApiValues.Provenance.Internal, ApiValues.Provenance.CasbOffice365, ApiValues.Provenance.Office365,
            ApiValues.Provenance.GoogleDirectory)]
        public string? Provenance { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("order")]
        [ValidateSet("name", "email", "created_at")]
        public string? Order { get; set; }
    }

    /// <summary>
    /// Adds a protected identity to the impersonation registry (<c>POST /settings/impersonation_registry</c>).
    /// </summary>
    [Cmdlet(VerbsCommon.New, "EsImpersonationRegistryEntry", SupportsShouldProcess = true,
        ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImpersonationRegistryEntry))]
    public sealed class NewEsImpersonationRegistryEntryCommand : NewSettingCmdlet<ImpersonationRegistryEntry>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ApiField("name")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ApiField("email")]
        [ValidateNotNullOrEmpty]
        public string Email { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ApiField("is_email_regex")]
        [FlagText]
        public SwitchParameter IsEmailRegex { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ApiField("comments")]
        public string? Comments { get; set; }

        [Parameter]
        [ApiField("provenance")]
        [ValidateSet(ApiValues.Provenance.Internal, ApiValues.Provenance.CasbOffice365, ApiValues.Provenance.Office365,
            ApiValues.Provenance.GoogleDirectory)]
        public string? Provenance { get; set; }

        [Parameter]
        [ApiField("directory_id")]
        public long DirectoryId { get; set; }

        [Parameter]
        [ApiField("directory_node_id")]
        public long DirectoryNodeId { get; set; }

        [Parameter]
        [ApiField("external_directory_node_id")]
        [ValidateNotNullOrEmpty]
        public string? ExternalDirectoryNodeId { get; set; }


        protected override string Target => $"{Name} <{Email}>";

        protected override string CheckFor(string target) => $"{CheckCommand} | Where-Object Email -eq {Quoted(Email)}";

        protected override string? InputProblem => SettingValues.EmailProblem(Email, IsEmailRegex);
    }

    /// <summary>
    /// Edits an impersonation registry entry (<c>PATCH /settings/impersonation_registry/{id}</c>), sending only the
    /// given fields. The API refuses to edit entries synced from a directory.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "EsImpersonationRegistryEntry", SupportsShouldProcess = true,
        ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImpersonationRegistryEntry))]
    public sealed class SetEsImpersonationRegistryEntryCommand : SetSettingCmdlet<ImpersonationRegistryEntry>
    {
        [Parameter]
        [ApiField("name")]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        [ApiField("email")]
        [ValidateNotNullOrEmpty]
        public string? Email { get; set; }

        [Parameter]
        [ApiField("is_email_regex")]
        public bool IsEmailRegex { get; set; }

        [Parameter]
        [ApiField("comments")]
        public string? Comments { get; set; }

        [Parameter]
        [ApiField("provenance")]
        [ValidateSet(ApiValues.Provenance.Internal, ApiValues.Provenance.CasbOffice365, ApiValues.Provenance.Office365,
            ApiValues.Provenance.GoogleDirectory)]
        public string? Provenance { get; set; }

        [Parameter]
        [ApiField("directory_id")]
        public long DirectoryId { get; set; }

        [Parameter]
        [ApiField("directory_node_id")]
        public long DirectoryNodeId { get; set; }

        [Parameter]
        [ApiField("external_directory_node_id")]
        [ValidateNotNullOrEmpty]
        public string? ExternalDirectoryNodeId { get; set; }

        protected override string? InputProblem =>
            IsBound(nameof(Email)) && IsBound(nameof(IsEmailRegex)) && !IsEmailRegex
                ? SettingValues.EmailProblem(Email, false)
                : null;
    }

    /// <summary>Deletes impersonation registry entries (<c>DELETE /settings/impersonation_registry/{id}</c>).</summary>
    [Cmdlet(VerbsCommon.Remove, "EsImpersonationRegistryEntry", SupportsShouldProcess = true,
        ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveEsImpersonationRegistryEntryCommand : RemoveSettingCmdlet<ImpersonationRegistryEntry>
    {
    }
}
