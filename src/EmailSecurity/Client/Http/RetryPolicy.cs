using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EmailSecurity.Client.Http
{
    /// <summary>How hard the core tries before it reports a failure. One instance per HTTP pipeline.</summary>
    internal sealed class RetryPolicy
    {
        /// <summary>Retries after the first attempt.</summary>
        public int MaxRetries { get; set; } = 4;

        /// <summary>First back-off after a 5xx or transport failure without Retry-After; doubled each time.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// The longest single wait the core accepts from a Retry-After header. Cloudflare locks a token out for five
        /// minutes when it exceeds its budget, so waiting that long is still cheaper than failing a runbook. All the
        /// waits of one request together are bounded by the connection's <see cref="EsConnection.MaxWait"/>.
        /// </summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>
        /// A wait this long or longer is announced as a warning (a runbook's output shows it), not only in -Verbose.
        /// </summary>
        public TimeSpan WarnAfter { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>How the core waits; replaced by tests to observe waits without spending them.</summary>
        public Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = (delay, token) => Task.Delay(delay, token);

        /// <summary>Used to turn a Retry-After date into a wait.</summary>
        public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

        private readonly Random jitter = new Random();

        public TimeSpan Backoff(int retry)
        {
            var exponential = TimeSpan.FromMilliseconds(BaseDelay.TotalMilliseconds * Math.Pow(2, retry - 1));
            double factor;
            lock (jitter)
            {
                factor = 0.8 + (jitter.NextDouble() * 0.4);
            }

            var withJitter = TimeSpan.FromMilliseconds(exponential.TotalMilliseconds * factor);
            return withJitter > MaxBackoff ? MaxBackoff : withJitter;
        }

        /// <summary>
        /// Retry-After as seconds or as an HTTP date; null when absent or unreadable. A wait too long for a TimeSpan
        /// (an absurd header) is <see cref="TimeSpan.MaxValue"/>, longer than any wait the core accepts.
        /// </summary>
        public TimeSpan? RetryAfterOf(HttpResponseMessage response)
        {
            var text = RawRetryAfter(response);
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                && seconds >= 0)
            {
                return seconds < TimeSpan.MaxValue.TotalSeconds - 1 ? TimeSpan.FromSeconds(seconds) : TimeSpan.MaxValue;
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal,
                out var date))
            {
                var wait = date - Clock();
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            return null;
        }

        /// <summary>
        /// The Retry-After header as sent (trimmed, at most 40 characters), for messages; null when absent.
        /// </summary>
        public static string? RetryAfterText(HttpResponseMessage response)
        {
            var text = RawRetryAfter(response);
            return text != null && text.Length > 40 ? text.Substring(0, 40) + "..." : text;
        }

        private static string? RawRetryAfter(HttpResponseMessage response) =>
            response.Headers.TryGetValues("Retry-After", out var values) ? values.FirstOrDefault()?.Trim() : null;

        /// <summary>A wait as people read it: "1.5 s", "300 s".</summary>
        public static string Seconds(TimeSpan wait) =>
            wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
    }
}
