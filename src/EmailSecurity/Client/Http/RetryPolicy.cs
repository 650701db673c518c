using System;
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
        /// The longest wait the core accepts from a Retry-After header. Cloudflare locks a token out for five minutes
        /// when it exceeds its budget, so waiting that long is still cheaper than failing a runbook.
        /// </summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>Time limit of one attempt (headers and body) when the connection sets none.</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

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
    }
}
