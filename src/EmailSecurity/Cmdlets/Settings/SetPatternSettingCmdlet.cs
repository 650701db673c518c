using System.Management.Automation;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets.Settings
{
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

        /// <summary>
        /// The pattern type the pattern must fit; null when the caller did not give one (the entry keeps its own).
        /// </summary>
        protected virtual string? PatternKind => ApiValues.PatternType.Domain;

        // Checked only when the caller says it is not a regular expression: otherwise the entry's own is_regex decides.
        protected override string? InputProblem =>
            IsBound(nameof(Pattern)) && IsBound(nameof(IsRegex)) && !IsRegex
                ? SettingValues.PatternProblem(Pattern, PatternKind, false)
                : null;
    }
}
