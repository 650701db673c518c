using System.Management.Automation;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>
    /// Lists sending domain restrictions (<c>GET /settings/sending_domain_restrictions</c>) or reads them by id.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EsSendingDomainRestriction", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(SendingDomainRestriction))]
    public sealed class GetEsSendingDomainRestrictionCommand : GetSearchableSettingCmdlet<SendingDomainRestriction>
    {
        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("order")]
        [ValidateSet("domain", "created_at")]
        public string? Order { get; set; }
    }

    /// <summary>Requires TLS for mail from a domain (<c>POST /settings/sending_domain_restrictions</c>).</summary>
    [Cmdlet(VerbsCommon.New, "EsSendingDomainRestriction", SupportsShouldProcess = true,
        ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SendingDomainRestriction))]
    public sealed class NewEsSendingDomainRestrictionCommand : NewSettingCmdlet<SendingDomainRestriction>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ApiField("domain")]
        [ValidateNotNullOrEmpty]
        public string Domain { get; set; } = string.Empty;

        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyCollection]
        public string[]? Exclude { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ApiField("comments")]
        public string? Comments { get; set; }

        // The API requires the list, empty when no subdomain is excluded.
        [ApiField("exclude")]
        private string[] ExcludeField => Exclude ?? new string[0];

        protected override string Target => Domain;

        protected override string CheckFor(string target) => $"{CheckCommand} -Search {Quoted(Domain)}";

        protected override string? InputProblem =>
            SettingValues.PatternProblem(Domain, ApiValues.PatternType.Domain, false);
    }

    /// <summary>
    /// Edits a sending domain restriction (<c>PATCH /settings/sending_domain_restrictions/{id}</c>), sending only the
    /// given fields.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "EsSendingDomainRestriction", SupportsShouldProcess = true,
        ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SendingDomainRestriction))]
    public sealed class SetEsSendingDomainRestrictionCommand : SetSettingCmdlet<SendingDomainRestriction>
    {
        [Parameter]
        [ApiField("domain")]
        [ValidateNotNullOrEmpty]
        public string? Domain { get; set; }

        [Parameter]
        [ApiField("exclude")]
        [AllowEmptyCollection]
        public string[]? Exclude { get; set; }

        [Parameter]
        [ApiField("comments")]
        public string? Comments { get; set; }

        protected override string? InputProblem =>
            IsBound(nameof(Domain)) ? SettingValues.PatternProblem(Domain, ApiValues.PatternType.Domain, false) : null;
    }

    /// <summary>
    /// Deletes sending domain restrictions (<c>DELETE /settings/sending_domain_restrictions/{id}</c>).
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "EsSendingDomainRestriction", SupportsShouldProcess = true,
        ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveEsSendingDomainRestrictionCommand : RemoveSettingCmdlet<SendingDomainRestriction>
    {
    }
}
