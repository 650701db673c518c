using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace EmailSecurity.Cmdlets
{
    /// <summary>
    /// Exchange Online's -ResultSize on the list cmdlets: a number of items, or Unlimited for all of them. It is
    /// another spelling of -First (Unlimited: no -First), so a script written for Get-MessageTrace reads the same here.
    /// </summary>
    internal static class ResultSize
    {
        public const string Unlimited = "Unlimited";

        /// <summary>Sets -First from -ResultSize; an error, before any request, for a value that is neither a
        /// positive number nor Unlimited, or when -First is given as well.</summary>
        public static ErrorRecord? Apply(string resultSize, PagingParameters paging, bool firstGiven)
        {
            if (firstGiven)
            {
                return Problem("-ResultSize and -First both limit the results; give one of them.",
                    "EsConflictingParameters", resultSize);
            }

            if (string.Equals(resultSize.Trim(), Unlimited, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            if (!ulong.TryParse(resultSize.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                || count == 0)
            {
                return Problem($"-ResultSize '{resultSize}' is neither a number of items above 0 nor Unlimited.",
                    "EsInvalidResultSize", resultSize);
            }

            paging.First = count;
            return null;
        }

        private static ErrorRecord Problem(string message, string errorId, string resultSize) =>
            new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, resultSize)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Give -ResultSize a number such as " +
                    "500, or Unlimited for every item." },
            };
    }

    /// <summary>Completes -ResultSize with Unlimited.</summary>
    public sealed class ResultSizeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            System.Collections.IDictionary fakeBoundParameters)
        {
            if (ResultSize.Unlimited.StartsWith(wordToComplete.Trim('\'', '"'), StringComparison.OrdinalIgnoreCase))
            {
                yield return new CompletionResult(ResultSize.Unlimited, ResultSize.Unlimited,
                    CompletionResultType.ParameterValue, "Every item");
            }
        }
    }
}
