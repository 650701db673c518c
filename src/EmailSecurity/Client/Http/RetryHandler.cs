using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EmailSecurity.Client.Http
{
    /// <summary>
    /// Bounded, cancellable retries. 429 is retried for every method: the API says it did not process the request.
    /// 5xx, timeouts and dropped connections leave it open whether the request was carried out, so only idempotent
    /// requests are retried after them; a move or a release is never sent twice on a guess. Every wait counts toward
    /// the request's limit (<see cref="RequestContext.CanWait"/>); a wait past it is not started.
    /// </summary>
    internal sealed class RetryHandler : DelegatingHandler
    {
        private readonly RetryPolicy policy;

        public RetryHandler(RetryPolicy policy)
        {
            this.policy = policy;
        }

        protected override async Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request,
            CancellationToken cancellationToken)
        {
            var context = RequestContext.Of(request)
                ?? throw new InvalidOperationException("Request sent without a request context.");
            var attemptTimeout = context.Connection.RequestTimeout;

            for (var retry = 0; ; retry++)
            {
                HttpResponseMessage response;
                using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    attempt.CancelAfter(attemptTimeout);
                    try
                    {
                        response = await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
                        if (context.Reader != null && response.StatusCode == System.Net.HttpStatusCode.OK)
                        {
                            await ReadWithinAsync(response, context.Reader, attempt.Token).ConfigureAwait(false);
                        }
                        else
                        {
                            await BufferWithinAsync(response, attempt.Token).ConfigureAwait(false);
                        }
                    }
                    catch (Exception error) when (IsTransportFailure(error, cancellationToken))
                    {
                        var backoff = policy.Backoff(retry + 1);
                        if (!context.IsIdempotent || retry >= policy.MaxRetries || !context.CanWait(backoff))
                        {
                            if (error is OperationCanceledException)
                            {
                                var attempts = retry + 1;
                                throw new TimeoutException(
                                    $"timed out after {RetryPolicy.Seconds(attemptTimeout)} (Connect-EsAccount " +
                                    "-TimeoutSec)" +
                                    (attempts > 1 ? $" on each of {attempts} attempts" : string.Empty),
                                    error);
                            }

                            throw;
                        }

                        context.RetriedAfterUnknownOutcome = true;
                        var why = $"{request.Method} {request.RequestUri}: {Describe(error)}; retry {retry + 1} of " +
                            $"{policy.MaxRetries}.";
                        await context.WaitAsync(policy, backoff, why, cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                }

                var status = (int)response.StatusCode;
                var rateLimited = status == 429;
                var serverError = status == 500 || status == 502 || status == 503 || status == 504;
                if (!(rateLimited || (serverError && context.IsIdempotent)) || retry >= policy.MaxRetries)
                {
                    return response;
                }

                var retryAfter = policy.RetryAfterOf(response);
                if (retryAfter > policy.MaxRetryAfter)
                {
                    context.NotRetriedBecause =
                        "The API asked to wait before trying again (Retry-After: " +
                        $"{RetryPolicy.RetryAfterText(response)}), longer than the " +
                        $"{RetryPolicy.Seconds(policy.MaxRetryAfter)} this module waits for one answer; not retried";
                    return response;
                }

                var delay = retryAfter ?? policy.Backoff(retry + 1);
                if (!context.CanWait(delay))
                {
                    context.NotRetriedBecause = $"Not retried: {context.WaitRefusal(delay)}";
                    return response;
                }

                var reason = rateLimited ? "rate limited (429)" : $"server error ({status})";
                var source = retryAfter.HasValue ? " as the API's Retry-After asks" : string.Empty;
                context.RetriedAfterUnknownOutcome |= serverError;
                response.Dispose();
                var announcement = $"{request.Method} {request.RequestUri}: {reason}; retry {retry + 1} of " +
                    $"{policy.MaxRetries}{source}.";
                await context.WaitAsync(policy, delay, announcement, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Parses a 200 answer's body as it arrives, inside the attempt: a connection dropped mid-body fails this
        /// attempt (and a read is tried again from the start, nothing of it having been handed out), and a body that
        /// stops arriving times out with the attempt.
        /// </summary>
        private static Task ReadWithinAsync(
            HttpResponseMessage response,
            IAnswerReader reader,
            CancellationToken attemptToken) =>
            WithinAttemptAsync(response, ReadAsync(response, reader, attemptToken), attemptToken);

        private static async Task ReadAsync(
            HttpResponseMessage response,
            IAnswerReader reader,
            CancellationToken attemptToken)
        {
            using (var body = response.Content == null
                ? Stream.Null
                : await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
            {
                await reader.ReadAsync(response, body, attemptToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Reads the body inside the attempt, so a connection dropped mid-body counts as this attempt's failure, and a
        /// body that stops arriving times out with the attempt.
        /// </summary>
        private static Task BufferWithinAsync(HttpResponseMessage response, CancellationToken attemptToken) =>
            response.Content == null
                ? Task.CompletedTask
                : WithinAttemptAsync(response, response.Content.LoadIntoBufferAsync(), attemptToken);

        /// <summary>
        /// Waits for <paramref name="reading"/> until the attempt's time is up (netstandard2.0 gives
        /// LoadIntoBufferAsync no token, and a stream's read may ignore one): then the response is disposed, which
        /// closes its connection and ends the read left behind.
        /// </summary>
        private static async Task WithinAttemptAsync(
            HttpResponseMessage response,
            Task reading,
            CancellationToken attemptToken)
        {
            var stopped = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (attemptToken.Register(() => stopped.TrySetResult(true)))
            {
                if (await Task.WhenAny(reading, stopped.Task).ConfigureAwait(false) != reading)
                {
                    response.Dispose();
                    _ = reading.ContinueWith(t => t.Exception, TaskScheduler.Default);
                    throw new OperationCanceledException(attemptToken);
                }
            }

            try
            {
                await reading.ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        private static bool IsTransportFailure(Exception error, CancellationToken callerToken) =>
            ((error is HttpRequestException && !ProxyRefusal.AsksForCredentials(error)) || error is IOException) ||
            (error is OperationCanceledException && !callerToken.IsCancellationRequested);

        private static string Describe(Exception error) =>
            error is OperationCanceledException ? "timed out" : error.GetBaseException().Message;
    }
}
