using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace EmailSecurity.Client.Http
{
    /// <summary>
    /// Keeps each credential under its request budget. Cloudflare allows 1,200 requests per five minutes and locks
    /// the credential out for five minutes when that is exceeded, so waiting a little before the limit is far
    /// cheaper than a 429 after it. One budget per credential is shared by every runspace of the process. The
    /// budget follows the API's <c>Ratelimit-Policy</c> and <c>Ratelimit</c> headers when it sends them; without
    /// them, Cloudflare's published limit applies to Cloudflare's own hosts.
    /// </summary>
    internal sealed class RateBudgetHandler : DelegatingHandler
    {
        private static readonly ConcurrentDictionary<string, RateBudget> Budgets =
            new ConcurrentDictionary<string, RateBudget>(StringComparer.Ordinal);
        private readonly RetryPolicy policy;

        public RateBudgetHandler(RetryPolicy policy)
        {
            this.policy = policy;
        }

        protected override async Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request,
            CancellationToken cancellationToken)
        {
            var context = RequestContext.Of(request);
            if (context == null || context.Connection.IsSandbox)
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }

            var budget = Budgets.GetOrAdd(KeyOf(context.Connection),
                _ => new RateBudget(IsCloudflare(context.Connection.BaseUri)));
            if (!budget.TryReserve(policy.Clock(), context.CanWait, out var wait, out var explanation))
            {
                throw new WaitRefusedException(
                    $"Not sent: the request budget of this credential is spent ({explanation}), and " +
                    $"{context.WaitRefusal(wait)}");
            }

            if (wait > TimeSpan.Zero)
            {
                var announcement = $"Rate budget: {explanation}; {request.Method} {request.RequestUri} waits for room.";
                await context.WaitAsync(policy, wait, announcement, cancellationToken).ConfigureAwait(false);
            }

            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            budget.Learn(response, policy.Clock());
            return response;
        }

        /// <summary>
        /// A digest of the credential: the same token shares one budget, and the token itself is never kept.
        /// </summary>
        private static string KeyOf(EsConnection connection)
        {
            using (var sha = SHA256.Create())
            {
                var secret = connection.Secret == null
                    ? string.Empty
                    : new System.Net.NetworkCredential(string.Empty, connection.Secret).Password;
                var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(
                    connection.BaseUri.GetLeftPart(UriPartial.Authority) + "\n" + connection.Email + "\n" + secret));
                return Convert.ToBase64String(digest);
            }
        }

        private static bool IsCloudflare(Uri baseUri) =>
            baseUri.Host.Equals("api.cloudflare.com", StringComparison.OrdinalIgnoreCase)
                || baseUri.Host.EndsWith(".cloudflare.com", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A sliding window of the requests one credential has sent, with a reserve kept free.</summary>
    internal sealed class RateBudget
    {
        private static readonly Regex Quota = new Regex(@"q=(\d+)", RegexOptions.CultureInvariant);
        private static readonly Regex Window = new Regex(@"w=(\d+)", RegexOptions.CultureInvariant);
        private static readonly Regex Remaining = new Regex(@"r=(\d+)", RegexOptions.CultureInvariant);
        private static readonly Regex Reset = new Regex(@"t=(\d+)", RegexOptions.CultureInvariant);

        private readonly Queue<DateTimeOffset> sent = new Queue<DateTimeOffset>();
        private int? limit;
        private TimeSpan window = TimeSpan.FromMinutes(5);
        private DateTimeOffset pausedUntil = DateTimeOffset.MinValue;

        public RateBudget(bool cloudflareDefault)
        {
            limit = cloudflareDefault ? 1200 : (int?)null;
        }

        /// <summary>
        /// Counts a request about to be sent and says how long to wait first (zero when there is room). When
        /// <paramref name="mayWait"/> refuses that wait, nothing is counted and the answer is false.
        /// </summary>
        public bool TryReserve(
            DateTimeOffset now,
            Func<TimeSpan, bool> mayWait,
            out TimeSpan wait,
            out string explanation)
        {
            lock (sent)
            {
                explanation = string.Empty;
                var start = now;
                if (pausedUntil > start)
                {
                    explanation = "the API reported its remaining budget nearly spent";
                    start = pausedUntil;
                }

                if (limit is int max)
                {
                    while (sent.Count > 0 && sent.Peek() <= start - window)
                    {
                        sent.Dequeue();
                    }

                    var usable = Math.Max(1, max - (max / 10));
                    if (sent.Count >= usable)
                    {
                        var freed = sent.ElementAt(sent.Count - usable) + window;
                        explanation = $"{sent.Count} of {max} requests used in the last {window.TotalSeconds:0} s (a " +
                            "tenth is kept in reserve)";
                        start = freed > start ? freed : start;
                    }
                }

                wait = start - now;
                if (!mayWait(wait))
                {
                    return false;
                }

                sent.Enqueue(start);
                return true;
            }
        }

        /// <summary>Adopts the limits the API announces in its headers.</summary>
        public void Learn(HttpResponseMessage response, DateTimeOffset now)
        {
            var policyHeader = Header(response, "Ratelimit-Policy");
            var stateHeader = Header(response, "Ratelimit");
            lock (sent)
            {
                if (policyHeader != null && Number(Quota, policyHeader) is int quota && quota > 0)
                {
                    limit = quota;
                    if (Number(Window, policyHeader) is int seconds && seconds > 0)
                    {
                        window = TimeSpan.FromSeconds(seconds);
                    }
                }

                if (stateHeader != null && Number(Remaining, stateHeader) is int remaining && limit is int max
                    && remaining < Math.Max(1, max / 10)
                    && Number(Reset, stateHeader) is int reset)
                {
                    var until = now + TimeSpan.FromSeconds(reset);
                    pausedUntil = until > pausedUntil ? until : pausedUntil;
                }
            }
        }

        private static string? Header(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

        private static int? Number(Regex pattern, string text)
        {
            var match = pattern.Match(text);
            return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture,
                out var value) ? value : (int?)null;
        }
    }
}
