using System.Globalization;

namespace EsEmulator.RateLimiting;

/// <summary>
/// A rate limit set through the control API: at most <see cref="Limit"/> requests in any <see cref="WindowSeconds"/>.
/// </summary>
public sealed class RateLimitSettings
{
    public int Limit { get; set; }
    public int WindowSeconds { get; set; }

    /// <summary>A problem that makes the settings unusable, or null.</summary>
    public string? Problem() =>
        Limit < 1 ? "limit: must be at least 1"
        : WindowSeconds < 1 ? "windowSeconds: must be at least 1"
        : null;
}

/// <summary>What the limiter decided for one request, and the headers that go with every answer.</summary>
public sealed record RateLimitDecision(bool Allowed, string RateLimit, string RateLimitPolicy, int ResetSeconds)
{
    public string RetryAfter => ResetSeconds.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Per-account sliding windows. An allowed request is counted for <c>windowSeconds</c>; a request that finds
/// <c>limit</c> requests already counted is refused and not counted, so a client that waits as told gets through.
/// </summary>
public sealed class RateLimiter
{
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly Func<DateTimeOffset> _clock;

    public RateLimiter(Func<DateTimeOffset>? clock = null) => _clock = clock ?? (() => DateTimeOffset.UtcNow);

    public void Set(string accountId, RateLimitSettings settings)
    {
        lock (_windows)
        {
            _windows[accountId] = new Window(settings.Limit, TimeSpan.FromSeconds(settings.WindowSeconds));
        }
    }

    public void Clear(string accountId)
    {
        lock (_windows)
        {
            _windows.Remove(accountId);
        }
    }

    /// <summary>Counts the request if the window has room; null when the account has no limit.</summary>
    public RateLimitDecision? Admit(string accountId)
    {
        lock (_windows)
        {
            return _windows.TryGetValue(accountId, out Window? window) ? window.Admit(_clock()) : null;
        }
    }

    private sealed class Window(int limit, TimeSpan length)
    {
        private readonly Queue<DateTimeOffset> _counted = new();

        public RateLimitDecision Admit(DateTimeOffset now)
        {
            while (_counted.Count > 0 && _counted.Peek() + length <= now)
            {
                _counted.Dequeue();
            }
            bool allowed = _counted.Count < limit;
            if (allowed)
            {
                _counted.Enqueue(now);
            }
            int remaining = limit - _counted.Count;
            // Whole seconds, rounded up: waiting that long always frees a slot.
            int reset = _counted.Count == 0 ? 0 : (int)Math.Ceiling((_counted.Peek() + length - now).TotalSeconds);
            string policy =
                string.Create(CultureInfo.InvariantCulture, $"\"default\";q={limit};w={(int)length.TotalSeconds}");
            string state = string.Create(CultureInfo.InvariantCulture, $"\"default\";r={remaining};t={reset}");
            return new RateLimitDecision(allowed, state, policy, reset);
        }
    }
}
