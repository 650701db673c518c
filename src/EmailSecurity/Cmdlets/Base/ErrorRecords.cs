using System;
using System.Linq;
using System.Management.Automation;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets
{
    /// <summary>Turns core failures into error records with stable ids, the right category and the API's own words.</summary>
    internal static class ErrorRecords
    {
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
                    return ("EsApiRateLimited", ErrorCategory.LimitsExceeded, "The API's request budget is spent (Cloudflare allows 1,200 requests per 5 minutes per user). Wait a few minutes and run the command again.");
                case EsFailureKind.BadResponse:
                    return ("EsApiBadResponse", ErrorCategory.InvalidResult, "The API's answer could not be read. Run the command again; if it persists, report the cf-ray id to Cloudflare.");
                case EsFailureKind.PagingLoop:
                    return ("EsApiPagingLoop", ErrorCategory.InvalidResult, "Narrow the search (-Start/-End) or report the cf-ray id to Cloudflare.");
                case EsFailureKind.Redirected:
                    return ("EsApiRedirected", ErrorCategory.ConnectionError, "The API (or a proxy) sent the request elsewhere. Check the address given to Connect-EsAccount -BaseUri (or CLOUDFLARE_BASE_URL) and the proxy; connect to the address the API answers at.");
                case EsFailureKind.StillWorking:
                    return ("EsApiStillWorking", ErrorCategory.OperationTimeout, "The API was still preparing the result when the module stopped waiting. Run the command again later, narrow it (-Start/-End), or allow a longer wait with Connect-EsAccount -MaxWaitSec.");
            }

            var status = error.StatusCode.HasValue ? (int)error.StatusCode.Value : 0;
            switch (status)
            {
                case 0:
                    return ("EsApiNoAnswer", ErrorCategory.ConnectionError, error.MayHaveBeenProcessed
                        ? "Check with Get-EsMessage whether the change was made before running it again."
                        : "Check the network connection and the -BaseUri of the connection, then run the command again.");
                case 400:
                case 422:
                    return ("EsApiBadRequest", ErrorCategory.InvalidArgument, "Correct the parameters named in the message.");
                case 401:
                    return ("EsApiUnauthorized", ErrorCategory.AuthenticationError, "Check the API token (or key and e-mail) and run Connect-EsAccount again.");
                case 403:
                    return ("EsApiForbidden", ErrorCategory.PermissionDenied, "Give the API token the Email Security permissions for this account, or check -AccountId.");
                case 404:
                    return ("EsApiNotFound", ErrorCategory.ObjectNotFound, "Check the id: it is the Id property, not a name (after -Id, type part of a name or subject and press Tab to complete the id), or list the objects with the matching Get- cmdlet.");
                case 407:
                    return ("EsProxyAuthenticationRequired", ErrorCategory.AuthenticationError, "The proxy asks for credentials: run Connect-EsAccount again with -ProxyCredential (or -ProxyUseDefaultCredentials).");
                case 409:
                    return ("EsApiConflict", ErrorCategory.ResourceExists, "The object already exists or was changed meanwhile; read it again.");
                default:
                    if (status >= 500)
                    {
                        return ("EsApiServerError", ErrorCategory.ResourceUnavailable, error.MayHaveBeenProcessed
                            ? "The API failed and may have carried out the change; check before running the command again."
                            : "The API is failing; run the command again later.");
                    }

                    return ("EsApiRequestFailed", ErrorCategory.InvalidOperation, "See the API's message.");
            }
        }

        public static ErrorRecord NotConnected() =>
            new ErrorRecord(
                new InvalidOperationException("Not connected to Email Security. Run Connect-EsAccount (or Connect-EsAccount -Sandbox to try the module), or pass -Connection."),
                "EsNotConnected",
                ErrorCategory.ConnectionError,
                null);

        public static ErrorRecord ConnectionClosed(EsConnection connection) =>
            new ErrorRecord(
                new InvalidOperationException($"The connection to account {connection.AccountId} was closed by Disconnect-EsAccount, and its secret is gone. Run Connect-EsAccount again (with -PassThru to keep the new connection)."),
                "EsNotConnected",
                ErrorCategory.ConnectionError,
                connection);
    }
}
