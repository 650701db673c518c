using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>
    /// Checks of settings values made before sending, for mistakes the API may store without complaint: an entry
    /// that can never match (a DOMAIN pattern that is an address, an IP pattern that is no address). Regular
    /// expressions are left to the API: its dialect is not .NET's.
    /// </summary>
    internal static class SettingValues
    {
        /// <summary>Why a pattern cannot be of its type, or null when it can (or is a regular expression).</summary>
        public static string? PatternProblem(string? pattern, string? patternType, bool isRegex)
        {
            if (isRegex || pattern == null || pattern.Length == 0)
            {
                return null;
            }

            if (pattern.Any(char.IsWhiteSpace))
            {
                return $"The pattern '{pattern}' contains white space, which no email address, domain or IP address " +
                    "has. Use -IsRegex for a regular expression.";
            }

            switch (patternType?.ToUpperInvariant())
            {
                case ApiValues.PatternType.Email:
                    return IsEmailAddress(pattern)
                        ? null
                        : $"'{pattern}' is not an email address, which -PatternType EMAIL takes " +
                            "(someone@contoso.example). Use -PatternType DOMAIN for a whole domain, or -IsRegex.";
                case ApiValues.PatternType.Domain:
                    return pattern.IndexOf('@') < 0
                        ? null
                        : $"'{pattern}' is an email address; -PatternType DOMAIN takes a domain (contoso.example). " +
                            "Use -PatternType EMAIL for one address.";
                case ApiValues.PatternType.Ip:
                    return IsAddressOrRange(pattern)
                        ? null
                        : $"'{pattern}' is not an IP address or CIDR range, which -PatternType IP takes (192.0.2.10, " +
                            "192.0.2.0/24, 2001:db8::/32).";
                default:
                    return null;
            }
        }

        /// <summary>The pattern type a pattern looks like: IP for an address or range, EMAIL for an address.</summary>
        public static string LikelyPatternType(string pattern) =>
            IsAddressOrRange(pattern) ? ApiValues.PatternType.Ip
            : IsEmailAddress(pattern) ? ApiValues.PatternType.Email
            : ApiValues.PatternType.Domain;

        /// <summary>
        /// The error for a record whose values were refused; the record is skipped, the pipeline goes on.
        /// </summary>
        public static ErrorRecord Error(string problem, object target) =>
            new ErrorRecord(new ArgumentException(problem), "EsInvalidSettingValue", ErrorCategory.InvalidArgument,
                target);

        /// <summary>
        /// Why an impersonation registry email cannot be one, or null when it can (or is a regular expression).
        /// </summary>
        public static string? EmailProblem(string? email, bool isRegex) =>
            isRegex || string.IsNullOrEmpty(email) || IsEmailAddress(email!)
                ? null
                : $"'{email}' is not an email address (someone@contoso.example). Use -IsEmailRegex for a regular " +
                    "expression.";

        /// <summary>One '@' with something on both sides.</summary>
        public static bool IsEmailAddress(string text)
        {
            var at = text.IndexOf('@');
            return at > 0 && at == text.LastIndexOf('@') && at < text.Length - 1 && !text.Any(char.IsWhiteSpace);
        }

        /// <summary>
        /// An IPv4 address in four dotted parts or an IPv6 address, with an optional /prefix that fits it.
        /// </summary>
        public static bool IsAddressOrRange(string text)
        {
            var slash = text.IndexOf('/');
            var address = slash < 0 ? text : text.Substring(0, slash);
            if (!IPAddress.TryParse(address, out var parsed))
            {
                return false;
            }

            var v4 = parsed.AddressFamily == AddressFamily.InterNetwork;
            if (v4 && address.Split('.').Length != 4)
            {
                return false; // IPAddress.TryParse takes "10.1" as 10.0.0.1
            }

            if (slash < 0)
            {
                return true;
            }

            return int.TryParse(text.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture,
                out var prefix)
                && prefix <= (v4 ? 32 : 128);
        }
    }
}
