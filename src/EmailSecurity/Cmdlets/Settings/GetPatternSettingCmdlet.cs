using System.Management.Automation;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>
    /// Lists of the pattern collections (allow policies, blocked senders, trusted domains): -Pattern and -Order.
    /// </summary>
    public abstract class GetPatternSettingCmdlet<TModel> : GetSearchableSettingCmdlet<TModel>
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
}
