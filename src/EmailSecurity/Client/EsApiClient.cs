using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EmailSecurity.Client.Http;

namespace EmailSecurity.Client
{
    /// <summary>
    /// The REST core every cmdlet uses: sends an <see cref="ApiRequest"/> for one connection, unwraps the v4
    /// envelope and turns every kind of failure into an <see cref="EsApiException"/>.
    /// </summary>
    internal sealed class EsApiClient
    {
        private readonly EsConnection connection;
        private readonly IApiObserver observer;
        private readonly HttpPipeline pipeline;

        /// <summary>
        /// Tolerated field problems already reported by this client, so a long list reports each once.
        /// </summary>
        private readonly HashSet<string> reported = new HashSet<string>(StringComparer.Ordinal);

        public EsApiClient(EsConnection connection, IApiObserver observer, HttpPipeline? pipeline = null)
        {
            this.connection = connection;
            this.observer = observer;
            this.pipeline = pipeline ?? HttpPipeline.For(connection);
        }

        public EsConnection Connection => connection;

        /// <summary>Where this client reports what it does.</summary>
        public IApiObserver Observer => observer;

        /// <summary>
        /// Sends <paramref name="request"/> in the shape its operation was last taken in on this connection (the first
        /// declared one it fits until then). When the API refuses that shape as invalid (400, validation errors only:
        /// nothing was done), the request is sent once in its operation's next shape that fits, and a shape the API
        /// takes is remembered for the connection. No other failure changes the shape.
        /// </summary>
        public Task<ApiResult<T>> SendAsync<T>(ApiRequest request, CancellationToken cancellationToken) =>
            SendLearningShapeAsync<T>(InLearnedShape(request), cancellationToken);

        /// <summary>
        /// The API's error code for a request it found invalid (a field or parameter it does not take).
        /// </summary>
        public const int ValidationErrorCode = 1004;

        /// <summary>
        /// A 400 whose every error is a validation error: the API refused the request as sent and did nothing.
        /// </summary>
        internal static bool IsShapeRefusal(EsApiException error) =>
            error.StatusCode == HttpStatusCode.BadRequest && error.Kind == EsFailureKind.Rejected &&
            error.Errors.Count > 0 && error.Errors.All(e => e.Code == ValidationErrorCode);

        /// <summary>
        /// The request in the shape to send it in on this connection: the one learned, else the first it fits.
        /// </summary>
        internal ApiRequest InLearnedShape(ApiRequest request)
        {
            var shapes = request.Operation.Shapes;
            if (shapes.Count == 1 || request.ShapeChosen)
            {
                return request;
            }

            var learned = connection.Shapes.Of(request.Operation);
            var shape = learned != null && request.Fits(learned)
                ? learned
                : shapes.FirstOrDefault(request.Fits) ?? request.Shape;
            observer.Verbose($"{request.Method} {request.Path}: {request.Operation.Name} sent with {shape}" +
                (shape == learned
                    ? " (the shape this connection's API takes)."
                    : $" (one of its {shapes.Count} shapes; not yet learned on this connection)."));
            return shape == request.Shape ? request : request.InShape(shape);
        }

        private async Task<ApiResult<T>> SendLearningShapeAsync<T>(
            ApiRequest request,
            CancellationToken cancellationToken)
        {
            try
            {
                var taken = await SendOnceInShapeAsync<T>(request, cancellationToken).ConfigureAwait(false);
                taken.SentIn = request.Shape;
                return taken;
            }
            catch (EsApiException refused) when (IsShapeRefusal(refused) && NextShape(request) != null)
            {
                var other = request.InShape(NextShape(request)!);
                observer.Verbose(
                    $"{request.Method} {request.Path}: the API refused the request sent with {request.Shape} " +
                    $"({string.Join("; ", refused.Errors)}); nothing was done. Sending it once with {other.Shape}.");
                ApiResult<T> result;
                try
                {
                    result = await SendOnceInShapeAsync<T>(other, cancellationToken).ConfigureAwait(false);
                }
                catch (EsApiException second) when (IsShapeRefusal(second))
                {
                    throw new EsApiException(
                        $"{second.Message} It was sent in each shape the module knows: with {request.Shape} the API " +
                        $"answered: {refused.Message}",
                        second.Method, second.RequestUri, second.StatusCode, second.Errors, second.CfRay, second.Kind,
                        second);
                }

                result.SentIn = other.Shape;
                connection.Shapes.Remember(request.Operation, other.Shape);
                observer.Verbose($"{request.Method} {request.Path}: the API took {other.Shape}; " +
                    $"{request.Operation.Name} is sent so on this connection from now on.");
                return result;
            }
        }

        /// <summary>The operation's next declared shape after the request's own that its values fit, or null.</summary>
        private static RequestShape? NextShape(ApiRequest request)
        {
            var shapes = request.Operation.Shapes;
            var at = shapes.ToList().IndexOf(request.Shape);
            return Enumerable.Range(1, shapes.Count - 1).Select(i => shapes[(at + i) % shapes.Count])
                .FirstOrDefault(request.Fits);
        }

        /// <summary>
        /// One exchange in the request's own shape (redirects and 202 polls followed, retries by the pipeline).
        /// </summary>
        private async Task<ApiResult<T>> SendOnceInShapeAsync<T>(
            ApiRequest request,
            CancellationToken cancellationToken)
        {
            var uri = request.BuildUri(connection.BaseUri, connection.AccountId);
            var reader = new AnswerReader<T>();
            var context = new RequestContext(connection, observer, request.IsIdempotent) { Reader = reader };
            var body = request.Body;
            var json = body == null ? null : JsonSerializer.Serialize(body, body.GetType(), ApiJson.Options);
            using (var message = new HttpRequestMessage(request.Method, uri) { Content = JsonContent(json) })
            {
                if (json != null)
                {
                    observer.Debug($"{request.Method} {uri} body: {json}");
                }

                var response =
                    await ExchangeAsync(request, uri, message, json, context, cancellationToken).ConfigureAwait(false);
                if (request.Method == HttpMethod.Get)
                {
                    response = await FollowLongRunningAsync(request, uri, response, context, cancellationToken)
                        .ConfigureAwait(false);
                }

                using (response)
                {
                    return await ReadAsync(request, uri, response, context, reader).ConfigureAwait(false);
                }
            }
        }

        /// <summary>
        /// A guard against an API that answers 202 with Retry-After: 0 for ever; the wait limit bounds the rest.
        /// </summary>
        public const int MaxPolls = 600;

        /// <summary>The longest the core waits between two polls, whatever Retry-After says.</summary>
        private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(30);

        /// <summary>Redirects followed for one request before it fails; more means a loop.</summary>
        private const int MaxRedirects = 5;

        private static StringContent? JsonContent(string? json) =>
            json == null ? null : new StringContent(json, Encoding.UTF8, "application/json");

        /// <summary>
        /// Sends <paramref name="message"/> and follows the redirects that are safe to follow, by hand (the network
        /// handler follows none): only on the API's own origin, so neither the credential nor a change's body goes
        /// anywhere else. A read follows 301, 302, 303, 307 and 308; a change follows 307 and 308 (the API asks for the
        /// same request there, it has not carried it out) and 303 (its answer is there, read with GET), but never
        /// 301 or 302, after which HTTP clients may send it again as a GET. Anything else is an error.
        /// </summary>
        private async Task<HttpResponseMessage> ExchangeAsync(
            ApiRequest request,
            Uri uri,
            HttpRequestMessage message,
            string? json,
            RequestContext context,
            CancellationToken cancellationToken)
        {
            var response = await SendOnceAsync(request, uri, message, context, cancellationToken).ConfigureAwait(false);
            var method = message.Method;
            var current = uri;
            for (var hop = 1; IsRedirect(response.StatusCode) && response.Headers.Location != null; hop++)
            {
                var status = (int)response.StatusCode;
                var location = response.Headers.Location;
                var target = location.IsAbsoluteUri ? location : new Uri(current, location);
                var isChange = method != HttpMethod.Get;
                var next = status == 303 ? HttpMethod.Get : status == 307 || status == 308 || !isChange ? method : null;
                var refusal = !SameOrigin(target, uri)
                    ? $"to {target.GetLeftPart(UriPartial.Authority)}, which is not the API's address " +
                      $"({uri.GetLeftPart(UriPartial.Authority)}); neither the credential nor " +
                      $"{(isChange ? "the change" : "the request")} was sent there"
                    : next == null
                    ? $"the change to {target.AbsolutePath}; a change is not sent again after a {status} (HTTP " +
                        "clients may turn it into a GET)"
                    : hop > MaxRedirects ? $"more than {MaxRedirects} times; the redirects were not followed further"
                    : null;
                if (refusal != null)
                {
                    // A 303 to a change says the API carried it out and keeps its answer elsewhere.
                    var outcome = !isChange ? string.Empty
                        : status == 303 ? ". The change may have been carried out"
                        : ". The change was not carried out";
                    var error = new EsApiException(
                        $"The API answered {status} {response.ReasonPhrase}, redirecting {refusal}{outcome}. " +
                        $"[{request.Method} {request.Path}]",
                        request.Method.Method,
                        uri,
                        response.StatusCode,
                        Array.Empty<ApiMessage>(),
                        response.Headers.TryGetValues("cf-ray", out var rays) ? rays.FirstOrDefault() : null,
                        isChange && status == 303 ? EsFailureKind.Ambiguous : EsFailureKind.Redirected);
                    response.Dispose();
                    throw error;
                }

                observer.Verbose(
                    $"{request.Method} {request.Path}: redirected ({status}) to {target.AbsolutePath} on the API's " +
                    $"own address; sending {next} there.");
                response.Dispose();
                using (var hopMessage =
                    new HttpRequestMessage(next, target) { Content = next == method ? JsonContent(json) : null })
                {
                    response = await SendOnceAsync(request, target, hopMessage, context, cancellationToken)
                        .ConfigureAwait(false);
                }

                method = next!;
                current = target;
            }

            return response;
        }

        private static bool IsRedirect(HttpStatusCode status) =>
            status == HttpStatusCode.MovedPermanently || status == HttpStatusCode.Found ||
            status == HttpStatusCode.SeeOther || status == HttpStatusCode.TemporaryRedirect || (int)status == 308;

        /// <summary>Same scheme, host and port: where the credential may go.</summary>
        private static bool SameOrigin(Uri one, Uri other) =>
            Uri.Compare(one, other, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped,
                StringComparison.OrdinalIgnoreCase) == 0;

        private async Task<HttpResponseMessage> SendOnceAsync(
            ApiRequest request,
            Uri uri,
            HttpRequestMessage message,
            RequestContext context,
            CancellationToken cancellationToken)
        {
            context.AttachTo(message);
            try
            {
                // Headers first: the retry handler parses a 200's body as it arrives and buffers any other.
                var client = pipeline.ClientFor(connection);
                return await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (Exception error) when (ProxyRefusal.AsksForCredentials(error))
            {
                throw new EsApiException(
                    "The proxy refused to connect to the API without credentials (407 Proxy Authentication " +
                    $"Required). [{request.Method} {request.Path}]",
                    request.Method.Method,
                    uri,
                    HttpStatusCode.ProxyAuthenticationRequired,
                    Array.Empty<ApiMessage>(),
                    null,
                    EsFailureKind.Rejected,
                    error);
            }
            catch (WaitRefusedException refused)
            {
                throw new EsApiException(
                    $"{refused.Message}. [{request.Method} {request.Path}]",
                    request.Method.Method,
                    uri,
                    null,
                    Array.Empty<ApiMessage>(),
                    null,
                    EsFailureKind.RateLimited,
                    refused);
            }
            catch (Exception error) when (IsTransportFailure(error, cancellationToken))
            {
                throw TransportFailure(request, uri, error);
            }
        }

        /// <summary>
        /// A long search may be answered 202 Accepted with a Location to poll. The location is polled (as Retry-After
        /// asks, one second by default, at least every 30 s) until the result is there or the request's wait limit
        /// is reached. Only locations on the API's own host are followed: the credential is never sent anywhere else.
        /// </summary>
        private async Task<HttpResponseMessage> FollowLongRunningAsync(
            ApiRequest request,
            Uri uri,
            HttpResponseMessage response,
            RequestContext context,
            CancellationToken cancellationToken)
        {
            var policy = pipeline.RetryPolicy;
            var polling = TimeSpan.Zero;
            for (var poll = 1; (int)response.StatusCode == 202 && response.Headers.Location != null; poll++)
            {
                var location = response.Headers.Location.IsAbsoluteUri
                    ? response.Headers.Location
                    : new Uri(uri, response.Headers.Location);
                if (!SameOrigin(location, uri))
                {
                    response.Dispose();
                    throw new EsApiException(
                        $"The API asked to poll {location.GetLeftPart(UriPartial.Authority)}, which is not the API's " +
                        $"host; the credential is not sent there. [{request.Method} {request.Path}]",
                        request.Method.Method, uri, (HttpStatusCode)202, Array.Empty<ApiMessage>(), null,
                        EsFailureKind.BadResponse);
                }

                var wait = policy.RetryAfterOf(response) ?? TimeSpan.FromSeconds(1);
                wait = wait > MaxPollInterval ? MaxPollInterval : wait;
                var stillWorking = poll > MaxPolls ? $"after {MaxPolls} polls"
                    : !context.CanWait(wait)
                    ? $"after {RetryPolicy.Seconds(polling)} of polling: {context.WaitRefusal(wait)}"
                    : null;
                if (stillWorking != null)
                {
                    response.Dispose();
                    throw new EsApiException(
                        $"The API accepted the request (202) but was still preparing its result {stillWorking}. " +
                        $"Nothing was changed. [{request.Method} {request.Path}]",
                        request.Method.Method,
                        uri,
                        (HttpStatusCode)202,
                        Array.Empty<ApiMessage>(),
                        null,
                        EsFailureKind.StillWorking);
                }

                // Polls are short waits that add up: say once, as a warning, what the command is waiting for.
                if (polling < policy.WarnAfter && polling + wait >= policy.WarnAfter)
                {
                    observer.Warning(
                        $"{request.Method} {request.Path}: the API accepted the request and is still preparing its " +
                        $"result (202 Accepted). Polling {location.AbsolutePath} as it asks, for up to " +
                        $"{RetryPolicy.Seconds(connection.MaxWait)} of waiting in all (Connect-EsAccount " +
                        "-MaxWaitSec). Ctrl+C stops.");
                }

                observer.Progress($"Waiting for the API to finish {request.Path} (poll {poll})");
                response.Dispose();
                polling += wait;
                var announcement = $"{request.Method} {request.Path}: the API is still working (202); poll {poll} of " +
                    $"{location.AbsolutePath}.";
                await context.WaitAsync(policy, wait, announcement, cancellationToken, announceLong: false)
                    .ConfigureAwait(false);
                using (var pollMessage = new HttpRequestMessage(HttpMethod.Get, location))
                {
                    response = await ExchangeAsync(request, location, pollMessage, null, context, cancellationToken)
                        .ConfigureAwait(false);
                }
            }

            return response;
        }

        /// <summary>
        /// Every page of a list as the caller consumes them, paged as the shape the request goes out in says. Message
        /// search pages by cursor (<c>result_info.next</c>), one page after another or, given a
        /// <paramref name="partitioning"/>, in time windows at once (<see cref="CursorSearch{T}"/>); the other lists by
        /// page number; a list of an unpaged shape is one answer, unless that answer shows the API pages it after all
        /// (a <c>result_info</c> with a page number and a larger total), when the operation's paged shape is learned
        /// and the rest is read page by page. A cursor or page number that comes back a second time, or a page that
        /// holds exactly the items of one already read, ends the run with an error before that page is handed out,
        /// rather than repeating results or looping forever. A full cursor page without <c>result_info</c> (so without
        /// a next cursor) ends the run with a warning that results may be missing.
        /// </summary>
        /// <param name="itemLimit">The most items the caller will use; no page beyond them is asked for.</param>
        public IAsyncEnumerable<ApiPage<T>> PagesAsync<T>(
            ApiRequest request,
            int pageSize,
            CancellationToken cancellationToken,
            TimePartitioning<T>? partitioning = null,
            long itemLimit = long.MaxValue)
        {
            request = InLearnedShape(request);
            return request.Paging == PagingStyle.Cursor
                ? new CursorSearch<T>(this, observer, request, pageSize, partitioning, itemLimit)
                    .PagesAsync(cancellationToken)
                : NumberedPagesAsync<T>(request, pageSize, cancellationToken);
        }

        private async IAsyncEnumerable<ApiPage<T>> NumberedPagesAsync<T>(
            ApiRequest request,
            int pageSize,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var seenPages = new HashSet<ulong>();
            long fetched = 0;
            for (var number = 1; ; number++)
            {
                var pageRequest = request.AtPage(number, null, pageSize);
                var answer =
                    await SendLearningShapeAsync<List<T>>(pageRequest, cancellationToken).ConfigureAwait(false);
                var items = (IReadOnlyList<T>?)answer.Result ?? Array.Empty<T>();
                var info = answer.Info;
                if (answer.SentIn is RequestShape taken && taken != request.Shape)
                {
                    request = request.InShape(taken); // the next pages go out in the shape the API took
                }

                var style = request.Shape.Paging;
                if (items.Count > 0 && answer.ResultFingerprint is ulong fingerprint && !seenPages.Add(fingerprint))
                {
                    throw PagingLoop(pageRequest,
                        $"page {number} holds exactly the results of a page already read (the API led back to it)");
                }

                yield return new ApiPage<T>(number, items, info, info?.TotalCount);

                if (style == null)
                {
                    var paged =
                        request.Operation.Shapes.FirstOrDefault(shape => shape.Paging == PagingStyle.PageNumber);
                    if (paged == null || info?.Page == null || !(info.TotalCount > items.Count) || items.Count == 0)
                    {
                        yield break;
                    }

                    // The API answered the first page of a paged list: read on from page 2, in its page size.
                    connection.Shapes.Remember(request.Operation, paged);
                    observer.Verbose($"{request.Method} {request.Path}: the API answered page {info.Page} of " +
                        $"{info.TotalCount} results; {request.Operation.Name} is read {paged} on this connection " +
                        "from now on.");
                    request = request.InShape(paged);
                    pageSize = info.PerPage ?? items.Count;
                }

                if (info?.Page is int returned && returned != number)
                {
                    throw PagingLoop(pageRequest, $"page {number} was asked for and page {returned} came back");
                }

                // With a total, the items seen so far say whether more remain, even if the API sends fewer per page
                // than asked (a lower cap than the documented 1000); without one, a page shorter than its size is the
                // last.
                fetched += items.Count;
                var total = info?.TotalCount;
                var endReached = items.Count == 0
                    || (total.HasValue ? fetched >= total.Value : items.Count < (info?.PerPage ?? pageSize));
                if (endReached)
                {
                    yield break;
                }
            }
        }

        private async Task<ApiResult<T>> ReadAsync<T>(
            ApiRequest request, Uri uri, HttpResponseMessage response, RequestContext context, AnswerReader<T> reader)
        {
            var cfRay = response.Headers.TryGetValues("cf-ray", out var rays) ? rays.FirstOrDefault() : null;
            var status = response.StatusCode;
            if (status == HttpStatusCode.NotFound && request.Method == HttpMethod.Delete
                && context.RetriedAfterUnknownOutcome)
            {
                return new ApiResult<T>(default!, null, Array.Empty<ApiMessage>(), alreadyDone: true);
            }

            if (reader.ReadFrom != response)
            {
                // Not parsed on arrival (an answer other than 200): its body was buffered within the attempt.
                using (var body = response.Content == null
                    ? Stream.Null
                    : await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                {
                    await reader.ReadAsync(response, body, CancellationToken.None).ConfigureAwait(false);
                }
            }

            ReportTolerated(request, reader.Tolerated);
            var envelope = reader.Envelope;
            var unreadable = reader.Unreadable;
            var shapeProblem = reader.ShapeProblem;

            var succeeded = (int)status >= 200 && (int)status < 300;
            if (succeeded && envelope != null && envelope.Success)
            {
                if (envelope.Messages?.Count > 0)
                {
                    observer.Verbose(
                        $"{request.Method} {request.Path}: API says {string.Join("; ", envelope.Messages)}");
                }

                var messages = envelope.Messages ?? new List<ApiMessage>();
                return new ApiResult<T>(envelope.Result!, envelope.ResultInfo, messages,
                    resultFingerprint: reader.ResultDigest, answeredAt: response.Headers.Date);
            }

            var errors = (IReadOnlyList<ApiMessage>?)envelope?.Errors ?? Array.Empty<ApiMessage>();
            EsFailureKind kind;
            string summary;
            if (succeeded && (envelope == null || (!envelope.Success && envelope.Errors == null)))
            {
                // Unreadable, or JSON without the envelope's success and errors. For a change the API said it was done,
                // but not what was done: its outcome is unknown, and it must not be sent again (MayHaveBeenProcessed).
                kind = EsFailureKind.BadResponse;
                summary = shapeProblem != null
                    ? $"The API answered HTTP {(int)status} with JSON of an unexpected shape: {shapeProblem}"
                    : unreadable != null
                    ? $"The API answered HTTP {(int)status} with a body that is not valid JSON ({unreadable.Message})"
                    : envelope != null ? $"The API answered HTTP {(int)status} with JSON that is not its answer " +
                        "envelope (no success or errors)"
                    : $"The API answered HTTP {(int)status} with an empty body";
                if (request.Method != HttpMethod.Get)
                {
                    summary += ". The request may have been carried out; it was not sent again";
                }
            }
            else
            {
                kind = (int)status == 429 ? EsFailureKind.RateLimited
                    : (int)status >= 500 ? EsFailureKind.Ambiguous
                    : EsFailureKind.Rejected;
                summary = errors.Count > 0
                    ? string.Join("; ", errors.Select(e => e.ToString()))
                    : succeeded
                    ? "The API reported failure without a message"
                    : $"HTTP {(int)status} {response.ReasonPhrase}";
                if (kind == EsFailureKind.Ambiguous && !request.IsIdempotent)
                {
                    summary += ". The request may have been carried out; it was not sent again";
                }
            }

            if (context.NotRetriedBecause != null)
            {
                summary += ". " + context.NotRetriedBecause;
            }

            var where = $"[{request.Method} {request.Path}, HTTP " +
                $"{(int)status}{(cfRay != null ? ", cf-ray " + cfRay : string.Empty)}]";
            return ThrowApiError<T>(new EsApiException($"{summary}. {where}", request.Method.Method, uri, status,
                errors, cfRay, kind, unreadable));
        }

        private static ApiResult<T> ThrowApiError<T>(EsApiException error) => throw error;

        /// <summary>
        /// Says what the tolerant reader did with fields of an unexpected type: a warning for each kind of value it
        /// could not read (kept in AdditionalFields), a verbose line for each it read in another type. Once per
        /// command.
        /// </summary>
        private void ReportTolerated(ApiRequest request, IReadOnlyCollection<ToleratedField> notes)
        {
            foreach (var note in notes)
            {
                bool first;
                lock (reported)
                {
                    // Pages of a search read in windows are read at once.
                    first = reported.Add($"{note.Owner}\n{note.Field}\n{note.Found}\n{note.Kept}");
                }

                if (!first)
                {
                    continue;
                }

                var what = $"{request.Method} {request.Path}: '{note.Field}' of {note.Owner} is {note.Found}";
                var count = note.Count > 1 ? $" ({note.Count} times in this answer)" : string.Empty;
                if (note.Kept == null)
                {
                    observer.Verbose($"{what} where {note.Expected} was expected{count}; read as {note.Expected}.");
                }
                else
                {
                    observer.Warning($"{what} ({note.Sample}) where {note.Expected} was expected{count}; " +
                        (note.Kept == true
                            ? "kept as sent in AdditionalFields, the property left empty."
                            : "left out."));
                }
            }
        }

        private static bool IsTransportFailure(Exception error, CancellationToken cancellationToken) =>
            error is HttpRequestException || error is IOException || error is TimeoutException ||
            (error is OperationCanceledException && !cancellationToken.IsCancellationRequested);

        private static EsApiException TransportFailure(ApiRequest request, Uri uri, Exception error)
        {
            var what = request.IsIdempotent
                ? "No answer from the API"
                : "No answer from the API; the request may have been carried out and was not sent again";
            return new EsApiException(
                $"{what}: {Reason(error)} [{request.Method} {request.Path}]",
                request.Method.Method,
                uri,
                null,
                Array.Empty<ApiMessage>(),
                null,
                EsFailureKind.Ambiguous,
                error);
        }

        /// <summary>
        /// A timeout in its own words ("timed out after 100 s ..."), not the "operation canceled" beneath it.
        /// </summary>
        private static string Reason(Exception error)
        {
            for (var current = error; current != null; current = current.InnerException)
            {
                if (current is TimeoutException)
                {
                    return current.Message;
                }
            }

            return error.GetBaseException().Message;
        }

        internal EsApiException PagingLoop(ApiRequest request, string what) =>
            new EsApiException(
                $"Stopped paging because {what}; continuing would repeat results forever. [{request.Method} " +
                $"{request.Path}]",
                request.Method.Method,
                request.BuildUri(connection.BaseUri, connection.AccountId),
                HttpStatusCode.OK,
                Array.Empty<ApiMessage>(),
                null,
                EsFailureKind.PagingLoop);
    }
}
