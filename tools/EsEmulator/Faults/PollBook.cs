using System.Security.Cryptography;
using EmailSecurity.Simulator;

namespace EsEmulator.Faults;

/// <summary>
/// The long-running answers handed out by the <c>accepted</c> fault: each token keeps the answer the original
/// request produced, and gives it out once it has been polled <c>pollCount</c> times.
/// </summary>
public sealed class PollBook
{
    /// <summary>Where the poll endpoint lives below the API base path (/client/v4).</summary>
    public const string PathPrefix = "/_emulator/poll/";

    /// <summary>The path poll requests are recorded under.</summary>
    public const string RecordedPath = "/_poll";

    public const string RunningBody = "{\"success\":true,\"errors\":[],\"messages\":[{\"code\":0,\"message\":\"The " +
        "search is running\"}],\"result\":null}";

    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);

    /// <summary>
    /// Keeps <paramref name="answer"/> for <paramref name="accountId"/>; returns the Location to poll (relative to the
    /// server root). Each 202 for it carries <paramref name="retryAfter"/> as Retry-After.
    /// </summary>
    public string Start(string accountId, SimulatedResponse answer, int pollCount, string retryAfter)
    {
        string token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        lock (_pending)
        {
            _pending[token] = new Pending(accountId, answer, Math.Max(1, pollCount), retryAfter);
        }
        return Location(token);
    }

    public static string Location(string token) => ApiTarget.BasePath + PathPrefix + token;

    /// <summary>The account a token belongs to; null for an unknown token.</summary>
    public string? AccountOf(string token)
    {
        lock (_pending)
        {
            return _pending.TryGetValue(token, out Pending? pending) ? pending.AccountId : null;
        }
    }

    /// <summary>
    /// One poll: null for an unknown token; otherwise either still running (<see cref="PollStep.Answer"/> null)
    /// or the kept answer, after which the token is forgotten.
    /// </summary>
    public PollStep? Poll(string token)
    {
        lock (_pending)
        {
            if (!_pending.TryGetValue(token, out Pending? pending))
            {
                return null;
            }
            pending.PollsLeft--;
            if (pending.PollsLeft > 0)
            {
                return new PollStep(null, pending.RetryAfter);
            }
            _pending.Remove(token);
            return new PollStep(pending.Answer, pending.RetryAfter);
        }
    }

    /// <summary>
    /// The kept answer, or null while still running; a running answer carries <paramref name="RetryAfter"/>.
    /// </summary>
    public sealed record PollStep(SimulatedResponse? Answer, string RetryAfter);

    private sealed class Pending(string accountId, SimulatedResponse answer, int pollCount, string retryAfter)
    {
        public string AccountId { get; } = accountId;
        public SimulatedResponse Answer { get; } = answer;
        public string RetryAfter { get; } = retryAfter;

        /// <summary>The original request was the first 202; each poll answers 202 until this reaches 0.</summary>
        public int PollsLeft { get; set; } = pollCount;
    }
}
