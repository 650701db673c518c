using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace EmailSecurity.Client
{
    /// <summary>
    /// A call to the API that did not succeed. Carries what an admin (or a support ticket) needs: the HTTP status,
    /// the API's own error codes and messages, and the cf-ray id of the response.
    /// </summary>
    public class EsApiException : Exception
    {
        internal EsApiException(
            string message,
            string method,
            Uri requestUri,
            HttpStatusCode? statusCode,
            IReadOnlyList<ApiMessage> errors,
            string? cfRay,
            EsFailureKind kind,
            Exception? inner = null)
            : base(message, inner)
        {
            Method = method;
            RequestUri = requestUri;
            StatusCode = statusCode;
            Errors = errors;
            CfRay = cfRay;
            Kind = kind;
        }

        public string Method { get; }

        public Uri RequestUri { get; }

        /// <summary>Null when no response arrived (connection dropped, timeout).</summary>
        public HttpStatusCode? StatusCode { get; }

        public IReadOnlyList<ApiMessage> Errors { get; }

        public IEnumerable<int> ErrorCodes => Errors.Select(e => e.Code);

        public string? CfRay { get; }

        public EsFailureKind Kind { get; }

        /// <summary>
        /// True when a change may have been carried out even though its request failed (5xx, dropped connection or
        /// timeout after the request left, or a 2xx answer that could not be read). Changes with this flag must not be
        /// sent again blindly. Always false for a read (GET), which changes nothing.
        /// </summary>
        /// <summary>
        /// The API does not serve this method and path (an endpoint it does not have yet, such as a batch endpoint of
        /// the older API): 405, or 404 with Cloudflare's routing codes (7000, 7003) rather than "entry not found".
        /// Nothing was carried out.
        /// </summary>
        public bool RouteNotServed =>
            StatusCode == HttpStatusCode.MethodNotAllowed
            || (StatusCode == HttpStatusCode.NotFound && ErrorCodes.Any(code => code == 7000 || code == 7003));

        public bool MayHaveBeenProcessed =>
            (Kind == EsFailureKind.Ambiguous || Kind == EsFailureKind.BadResponse)
                && !string.Equals(Method, "GET", StringComparison.OrdinalIgnoreCase);
    }

    public enum EsFailureKind
    {
        /// <summary>The API answered with an error and did not carry out the request (4xx, success:false).</summary>
        Rejected,

        /// <summary>The API said it did not process the request because of rate limiting.</summary>
        RateLimited,

        /// <summary>No usable answer; the request may or may not have been carried out.</summary>
        Ambiguous,

        /// <summary>An answer arrived but could not be read (malformed JSON, wrong shape).</summary>
        BadResponse,

        /// <summary>Paging went wrong: a cursor or page came back that was already seen.</summary>
        PagingLoop,

        /// <summary>
        /// The API redirected the request where the module does not follow: another origin, a change after 301/302,
        /// or too many hops. The request was not carried out there.
        /// </summary>
        Redirected,

        /// <summary>
        /// The API accepted the request (202) but had no result within the time one request may wait.
        /// </summary>
        StillWorking,
    }
}
