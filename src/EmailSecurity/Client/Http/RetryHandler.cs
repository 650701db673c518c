using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EmailSecurity.Client.Http
{
    /// <summary>
    /// Bounded, cancellable retries. 429 is retried for every method: the API says it did not process the request.
    /// 5xx, timeouts and dropped connections leave it open whether the request was carried out, so only idempotent
    /// requests are retried after them; a move or a release is never sent twice on a guess.
    /// </summary>
    internal sealed class RetryHandler : DelegatingHandler
    {
        private readonly RetryPolicy policy;

        public RetryHandler(RetryPolicy policy)
        {
            this.policy = policy;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var context = RequestContext.Of(request);
            var observer = context?.Observer ?? SilentObserver.Instance;
            var idempotent = context?.IsIdempotent ?? false;
            var attemptTimeout = context?.Connection.RequestTimeout ?? policy.AttemptTimeout;

            for (var retry = 0; ; retry++)
            {
                HttpResponseMessage response;
                using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    attempt.CancelAfter(attemptTimeout);
                    try
                    {
                        response = await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
                        if (response.Content != null)
                        {
                            // Read the body inside the attempt so a connection dropped mid-body counts as this attempt's failure.
                            await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
                        }
                    }
                    catch (Exception error) when (IsTransportFailure(error, cancellationToken))
                    {
                        if (!idempotent || retry >= policy.MaxRetries)
                        {
                            if (error is OperationCanceledException)
                            {
                                throw new TimeoutException($"No answer within {attemptTimeout.TotalSeconds:0.###} s.", error);
                            }

                            throw;
                        }

                        var wait = policy.Backoff(retry + 1);
                        observer.Verbose($"{request.Method} {request.RequestUri}: {Describe(error)}; retry {retry + 1} of {policy.MaxRetries} in {Seconds(wait)}.");
                        await policy.Delay(wait, cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                }

                var status = (int)response.StatusCode;
                var rateLimited = status == 429;
                var serverError = status == 500 || status == 502 || status == 503 || status == 504;
                if (!(rateLimited || (serverError && idempotent)) || retry >= policy.MaxRetries)
                {
                    return response;
                }

                var retryAfter = ReadRetryAfter(response);
                if (retryAfter > policy.MaxRetryAfter)
                {
                    observer.Warning($"The API asked to wait {Seconds(retryAfter.Value)} before trying again, longer than the {Seconds(policy.MaxRetryAfter)} this module waits.");
                    return response;
                }

                var delay = retryAfter ?? policy.Backoff(retry + 1);
                var reason = rateLimited ? "rate limited (429)" : $"server error ({status})";
                var source = retryAfter.HasValue ? " as Retry-After asks" : string.Empty;
                observer.Verbose($"{request.Method} {request.RequestUri}: {reason}; retry {retry + 1} of {policy.MaxRetries} in {Seconds(delay)}{source}.");
                response.Dispose();
                await policy.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }

        private static bool IsTransportFailure(Exception error, CancellationToken callerToken) =>
            ((error is HttpRequestException && !ProxyRefusal.AsksForCredentials(error)) || error is IOException) ||
            (error is OperationCanceledException && !callerToken.IsCancellationRequested);

        private static string Describe(Exception error) =>
            error is OperationCanceledException ? "timed out" : error.GetBaseException().Message;

        private static string Seconds(TimeSpan delay) => delay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

        /// <summary>Retry-After as seconds or as an HTTP date; null when absent or unreadable.</summary>
        private TimeSpan? ReadRetryAfter(HttpResponseMessage response)
        {
            if (!response.Headers.TryGetValues("Retry-After", out var values))
            {
                return null;
            }

            var text = values.FirstOrDefault()?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                var wait = date - policy.Clock();
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            return null;
        }
    }
}
