using System.Management.Automation;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>Lists URL ignore patterns (<c>GET /settings/url_ignore_patterns</c>) or reads them by id.</summary>
    [Cmdlet(VerbsCommon.Get, "EsUrlIgnorePattern", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(UrlIgnorePattern))]
    public sealed class GetEsUrlIgnorePatternCommand : GetSettingCmdlet<UrlIgnorePattern>
    {
    }

    /// <summary>
    /// Keeps URL rewriting away from URLs matching a regular expression (<c>POST /settings/url_ignore_patterns</c>).
    /// </summary>
    [Cmdlet(VerbsCommon.New, "EsUrlIgnorePattern", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(UrlIgnorePattern))]
    public sealed class NewEsUrlIgnorePatternCommand : NewSettingCmdlet<UrlIgnorePattern>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ApiField("pattern")]
        [ValidateNotNullOrEmpty]
        public string Pattern { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ApiField("comments")]
        public string? Comments { get; set; }

        protected override string Target => Pattern;

        protected override string CheckFor(string target) =>
            $"{CheckCommand} | Where-Object Pattern -eq {Quoted(Pattern)}";
    }

    /// <summary>
    /// Edits a URL ignore pattern (<c>PATCH /settings/url_ignore_patterns/{id}</c>), sending only the given fields.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "EsUrlIgnorePattern", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(UrlIgnorePattern))]
    public sealed class SetEsUrlIgnorePatternCommand : SetSettingCmdlet<UrlIgnorePattern>
    {
        [Parameter]
        [ApiField("pattern")]
        [ValidateNotNullOrEmpty]
        public string? Pattern { get; set; }

        [Parameter]
        [ApiField("comments")]
        public string? Comments { get; set; }
    }

    /// <summary>Deletes URL ignore patterns (<c>DELETE /settings/url_ignore_patterns/{id}</c>).</summary>
    [Cmdlet(VerbsCommon.Remove, "EsUrlIgnorePattern", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveEsUrlIgnorePatternCommand : RemoveSettingCmdlet<UrlIgnorePattern>
    {
    }
}
