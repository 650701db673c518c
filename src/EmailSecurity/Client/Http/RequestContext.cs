using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EmailSecurity.Client.Http
{
    /// <summary>
    /// What the handler chain needs to know about a request beyond the HTTP message itself, and what it learns on the
    /// way. One context serves every message sent for one API request: its retries, redirects and polls.
    /// </summary>
    internal sealed class RequestContext
    {
        private const string PropertyName = "EmailSecurity.RequestContext";

        public RequestContext(EsConnection connection, IApiObserver observer, bool isIdempotent)
        {
            Connection = connection;
            Observer = observer;
            IsIdempotent = isIdempotent;
        }

        public EsConnection Connection { get; }

        public IApiObserver Observer { get; }

        public bool IsIdempotent { get; }

        /// <summary>
        /// Time spent waiting so far: Retry-After, back-off after failures, the rate budget, polling.
        /// </summary>
        public TimeSpan Waited { get; private set; }

        /// <summary>
        /// Why the final answer was not retried although its status allows a retry (a wait too long), or null.
        /// </summary>
        public string? NotRetriedBecause { get; set; }

        /// <summary>
        /// An attempt whose outcome is unknown (5xx, lost answer) was followed by another: the request may already have
        /// been carried out when the later attempt was answered.
        /// </summary>
        public bool RetriedAfterUnknownOutcome { get; set; }

        /// <summary>
        /// Parses a 200 answer's body inside the attempt that received it; null to buffer every body.
        /// </summary>
        public IAnswerReader? Reader { get; set; }

        /// <summary>
        /// Whether waiting <paramref name="wait"/> more keeps the request within the connection's MaxWait.
        /// </summary>
        public bool CanWait(TimeSpan wait) => wait <= Connection.MaxWait - Waited;

        /// <summary>
        /// Says why and how long the request waits (as a warning when the wait is long, so a runbook's output shows
        /// it, unless the caller announces it itself), then waits; cancelled at once by Ctrl+C. Callers check
        /// <see cref="CanWait"/> first.
        /// </summary>
        public Task WaitAsync(
            RetryPolicy policy,
            TimeSpan wait,
            string announcement,
            CancellationToken cancellationToken,
            bool announceLong = true)
        {
            if (announceLong && wait >= policy.WarnAfter)
            {
                Observer.Warning(
                    $"{announcement} Waiting {RetryPolicy.Seconds(wait)}; one request waits at most " +
                    $"{RetryPolicy.Seconds(Connection.MaxWait)} in all (Connect-EsAccount -MaxWaitSec). Ctrl+C stops.");
            }
            else
            {
                Observer.Verbose($"{announcement} Waiting {RetryPolicy.Seconds(wait)}.");
            }

            Waited += wait;
            return policy.Delay(wait, cancellationToken);
        }

        /// <summary>What a refused wait says: how long was asked, how long was already waited, and the limit.</summary>
        public string WaitRefusal(TimeSpan wait) =>
            $"waiting {RetryPolicy.Seconds(wait)} more" +
            (Waited > TimeSpan.Zero ? $" after {RetryPolicy.Seconds(Waited)} already " : " ") +
            $"would pass the {RetryPolicy.Seconds(Connection.MaxWait)} one request may wait in all " +
            "(Connect-EsAccount -MaxWaitSec)";

        public void AttachTo(HttpRequestMessage request) => request.Properties[PropertyName] = this;

        public static RequestContext? Of(HttpRequestMessage? request) =>
            request != null && request.Properties.TryGetValue(PropertyName, out var value)
                ? value as RequestContext
                : null;
    }
}
