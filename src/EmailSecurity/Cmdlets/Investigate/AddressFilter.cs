using System.Management.Automation;
using System.Text.RegularExpressions;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>
    /// -Sender and -Recipient as admins type them. The API matches these filters against an address or a domain and
    /// takes no wildcards, so '*@contoso.com' would silently find nothing: it is sent as the domain it means, and any
    /// other wildcard is refused with the searches that do work.
    /// </summary>
    internal static class AddressFilter
    {
        private static readonly Regex AnyAtDomain =
            new Regex(@"^\*?@(?<domain>[^*?@\s]+)$", RegexOptions.CultureInvariant);

        /// <summary>The value to send for <paramref name="value"/>, or an error record (no request is sent).</summary>
        public static string? ToApiValue(string? value, string parameter, out ErrorRecord? problem)
        {
            problem = null;
            if (value == null
                || value.IndexOfAny(new[] { '*', '?' }) < 0 && !value.StartsWith("@", System.StringComparison.Ordinal))
            {
                return value;
            }

            var domain = AnyAtDomain.Match(value);
            if (domain.Success)
            {
                return domain.Groups["domain"].Value;
            }

            var message = $"-{parameter} '{value}' has a wildcard, which the API does not take: it matches " +
                $"-{parameter} against a whole address or a domain.";
            problem = new ErrorRecord(new System.ArgumentException(message), "EsWildcardNotSupported",
                ErrorCategory.InvalidArgument, value)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = $"For everyone at a domain give the domain (-{parameter} contoso.com); " +
                        "-Domain finds a domain anywhere in a message; for part of an address or a name use -Query.",
                },
            };
            return null;
        }
    }
}
