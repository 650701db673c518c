using System.Management.Automation;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets
{
    /// <summary>
    /// Refuses, at parameter binding and before any request, a value that cannot travel as one URL path segment
    /// (empty, only dots, control characters, too long). Everything else is escaped by the core.
    /// </summary>
    public sealed class ValidateApiIdAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var values = arguments is System.Collections.IEnumerable many && !(arguments is string)
                ? many
                : new[] { arguments };
            foreach (var value in values)
            {
                var text = value is PSObject wrapped ? wrapped.BaseObject?.ToString() : value?.ToString();
                var problem = ApiPath.ProblemWithSegment(text);
                if (problem != null)
                {
                    // Printable: a refused id must not forge lines in a transcript (CR/LF) or flood it (10 KB).
                    throw new ValidationMetadataException(
                        $"The id '{ApiPath.Printable(text ?? string.Empty)}' is not valid: {problem}.");
                }
            }
        }
    }
}
