using System.Management.Automation;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>
    /// What creating any pattern entry takes: the pattern, whether it is a regular expression, a comment.
    /// </summary>
    public abstract class NewPatternSettingCmdlet<TModel> : BatchedNewSettingCmdlet<TModel>
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

        protected override string CheckFor(string target) => $"{CheckCommand} -Pattern {Quoted(target)}";

        /// <summary>
        /// The pattern type the pattern must fit: the noun's -PatternType, or DOMAIN where there is none.
        /// </summary>
        protected virtual string PatternKind => ApiValues.PatternType.Domain;

        protected override string? InputProblem => SettingValues.PatternProblem(Pattern, PatternKind, IsRegex);
    }
}
