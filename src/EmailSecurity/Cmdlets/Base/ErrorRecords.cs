using System;
using System.Linq;
using System.Management.Automation;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets
{
    /// <summary>
    /// Turns failures into error records with stable ids, the right category and the API's own words.
    /// <see cref="From"/> is for work that changes nothing (reads), where trying again is always safe;
    /// <see cref="ForChange"/> for changes, where it is not.
    /// </summary>
    internal static class ErrorRecords
    {
        /// <summary>
        /// The ErrorId of every change whose outcome is unknown, whatever the cause (5xx, no answer, unreadable
        /// answer).
        /// </summary>
        public const string ChangeOutcomeUnknown = "EsChangeOutcomeUnknown";

        public static ErrorRecord From(Exception error, object? target)
        {
            switch (error)
            {
                case EsApiException api:
                    return FromApi(api, target);
                case ArgumentException argument:
                    return new ErrorRecord(argument, "EsInvalidArgument", ErrorCategory.InvalidArgument, target);
                default:
                    return new ErrorRecord(error, "EsUnexpected", ErrorCategory.NotSpecified, target);
            }
        }

        /// <summary>
        /// The error of a change for one target. Unknown: the change may have been applied, so the advice is to check
        /// with <paramref name="check"/>, never to run the command again. Failed: the API's own advice for its answer,
        /// or, for a failure the API reported for this target alone (<paramref name="refusedErrorId"/>), to look it up.
        /// </summary>
        public static ErrorRecord ForChange(EsChangeException error, string check, string? refusedErrorId)
        {
            string id, advice;
            ErrorCategory category;
            var api = error.ApiError;
            if (error.Outcome == ChangeOutcome.Unknown)
            {
                id = ChangeOutcomeUnknown;
                category = api != null ? Classify(api).Category : ErrorCategory.InvalidResult;
                advice = $"Check with {check} whether it was applied. It was not sent again: sending it again before "
                    + "checking could apply it twice. In a script, $_.Exception.Outcomes lists what is known of every "
                    + "target of the command.";
            }
            else if (refusedErrorId != null)
            {
                (id, category) = (refusedErrorId, ErrorCategory.InvalidResult);
                advice = $"Look it up with {check} (a wrong or expired id is not found), then run the command again " +
                    "for it if it still needs it.";
            }
            else if (api != null)
            {
                (id, category, advice) = Classify(api);
            }
            else
            {
                (id, category, advice) =
                    ("EsInvalidArgument", ErrorCategory.InvalidArgument, "Correct the value named in the message.");
            }

            return new ErrorRecord(error, id, category, error.Target)
            {
                ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = advice },
            };
        }

        private static ErrorRecord FromApi(EsApiException error, object? target)
        {
            var (id, category, advice) = Classify(error);
            var record = new ErrorRecord(error, id, category, target)
            {
                ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = advice },
            };
            return record;
        }

        private static (string Id, ErrorCategory Category, string Advice) Classify(EsApiException error)
        {
            switch (error.Kind)
            {
                case EsFailureKind.RateLimited:
                    return ("EsApiRateLimited", ErrorCategory.LimitsExceeded,
                        "The API's request budget is spent (Cloudflare allows 1,200 requests per 5 minutes per " +
                        "user). Wait a few minutes and run the command again.");
                case EsFailureKind.BadResponse:
                    return ("EsApiBadResponse", ErrorCategory.InvalidResult, "The API's answer could not be read. " +
                        "Run the command again; if it persists, report the cf-ray id to Cloudflare.");
                case EsFailureKind.PagingLoop:
                    return ("EsApiPagingLoop", ErrorCategory.InvalidResult,
                        "Narrow the search (-Start/-End) or report the cf-ray id to Cloudflare.");
                case EsFailureKind.Redirected:
                    return ("EsApiRedirected", ErrorCategory.ConnectionError,
                        "The API (or a proxy) sent the request elsewhere. Check the address given to " +
                        "Connect-EsAccount -BaseUri (or CLOUDFLARE_BASE_URL) and the proxy; connect to the address " +
                        "the API answers at.");
                case EsFailureKind.StillWorking:
                    return ("EsApiStillWorking", ErrorCategory.OperationTimeout,
                        "The API was still preparing the result when the module stopped waiting. Run the command " +
                        "again later, narrow it (-Start/-End), or allow a longer wait with Connect-EsAccount " +
                        "-MaxWaitSec.");
            }

            var status = error.StatusCode.HasValue ? (int)error.StatusCode.Value : 0;
            switch (status)
            {
                case 0:
                    return ("EsApiNoAnswer", ErrorCategory.ConnectionError,
                        "Check the network connection and the -BaseUri of the connection, then run the command again.");
                case 400:
                case 422:
                    return ("EsApiBadRequest", ErrorCategory.InvalidArgument,
                        "Correct the parameters named in the message.");
                case 401:
                    return ("EsApiUnauthorized", ErrorCategory.AuthenticationError,
                        "Check the API token (or key and e-mail) and run Connect-EsAccount again.");
                case 403:
                    return ("EsApiForbidden", ErrorCategory.PermissionDenied,
                        "Give the API token the Email Security permissions for this account, or check -AccountId.");
                case 404:
                    return ("EsApiNotFound", ErrorCategory.ObjectNotFound,
                        "Check the id: it is the Id property, not a name (after -Id, type part of a name or subject " +
                        "and press Tab to complete the id), or list the objects with the matching Get- cmdlet.");
                case 407:
                    return ("EsProxyAuthenticationRequired", ErrorCategory.AuthenticationError,
                        "The proxy asks for credentials: run Connect-EsAccount again with -ProxyCredential (or " +
                        "-ProxyUseDefaultCredentials).");
                case 409:
                    return ("EsApiConflict", ErrorCategory.ResourceExists,
                        "The object already exists or was changed meanwhile; read it again.");
                default:
                    if (status >= 500)
                    {
                        return ("EsApiServerError", ErrorCategory.ResourceUnavailable,
                            "The API is failing; run the command again later.");
                    }

                    return ("EsApiRequestFailed", ErrorCategory.InvalidOperation, "See the API's message.");
            }
        }

        public static ErrorRecord NotConnected() =>
            new ErrorRecord(
                new InvalidOperationException("Not connected to Email Security. Run Connect-EsAccount (or " +
                    "Connect-EsAccount -Sandbox to try the module), or pass -Connection."),
                "EsNotConnected",
                ErrorCategory.ConnectionError,
                null);

        /// <summary>
        /// A closed connection: the one in effect, or the one <paramref name="cameFrom"/> was read with.
        /// </summary>
        public static ErrorRecord ConnectionClosed(EsConnection connection, object? cameFrom = null) =>
            new ErrorRecord(
                new InvalidOperationException($"The connection to account {connection.AccountId} was closed by "
                    + "Disconnect-EsAccount, and its secret is gone. "
                    + (cameFrom == null
                        ? "Run Connect-EsAccount again (with -PassThru to keep the new connection)."
                        : $"'{cameFrom}' came from it and was not sent. Connect again and give the new connection " +
                            "with -Connection.")),
                "EsNotConnected",
                ErrorCategory.ConnectionError,
                cameFrom ?? connection);

        /// <summary>
        /// An object piped from one account to a command told (-Connection, -AccountId) to work in another.
        /// </summary>
        public static ErrorRecord ConnectionMismatch(object piped, EsConnection origin, EsConnection target)
        {
            var sameApi = origin.BaseUri == target.BaseUri;
            string Where(EsConnection c) => $"account {c.AccountId}" + (sameApi ? string.Empty : $" at {c.BaseUri}");
            var message = $"'{piped}' came from {Where(origin)}, and -Connection or -AccountId names {Where(target)}: "
                + "its id belongs to the first, so it was not sent.";
            return new ErrorRecord(new ArgumentException(message), "EsConnectionMismatch",
                ErrorCategory.InvalidArgument, piped)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = "Leave out -Connection and -AccountId: each object piped in is then worked on "
                        + "in the account it came from. Or read the objects again with the connection you mean.",
                },
            };
        }
    }
}
