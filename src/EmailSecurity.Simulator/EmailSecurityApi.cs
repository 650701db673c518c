using System;
using System.Collections.Generic;
using System.Linq;
using EmailSecurity.Simulator.Accounts;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator
{
    /// <summary>
    /// The Email Security API in memory. Accounts are independent and created with default demo data on first use.
    /// Thread-safe: calls on one account are serialised, calls on different accounts run in parallel.
    /// </summary>
    public sealed class EmailSecurityApi
    {
        private static readonly Router Routes = ApiRoutes.Build();

        private readonly Func<DateTimeOffset> _clock;
        private readonly Func<DateTimeOffset> _dataClock;
        private readonly Dictionary<string, AccountState> _accounts =
            new Dictionary<string, AccountState>(StringComparer.Ordinal);

        /// <param name="clock">The time requests are answered at.</param>
        /// <param name="dataClock">The time an account's demo data is generated back from (the message ids embed
        /// their scan time); by default <paramref name="clock"/>.</param>
        /// <param name="defaultVersion">The API version of accounts whose seed names none, including those created on
        /// first use.</param>
        public EmailSecurityApi(
            Func<DateTimeOffset>? clock = null,
            Func<DateTimeOffset>? dataClock = null,
            ApiVersion defaultVersion = ApiVersion.Seed)
        {
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
            _dataClock = dataClock ?? _clock;
            DefaultVersion = defaultVersion;
        }

        public ApiVersion DefaultVersion { get; }

        /// <summary>Replaces the account's data with freshly generated demo data.</summary>
        public void ResetAccount(string accountId, AccountSeed seed)
        {
            if (accountId == null)
            {
                throw new ArgumentNullException(nameof(accountId));
            }
            seed = seed ?? new AccountSeed();
            var state = new AccountState(seed, seed.ApiVersion ?? DefaultVersion, _dataClock());
            lock (_accounts)
            {
                _accounts[accountId] = state;
            }
        }

        /// <summary>
        /// Switches the API version an account plays, keeping its data (created with demo data if new).
        /// </summary>
        public void SetApiVersion(string accountId, ApiVersion version)
        {
            AccountState account = GetOrCreate(accountId ?? throw new ArgumentNullException(nameof(accountId)));
            lock (account.Gate)
            {
                account.Version = version;
            }
        }

        public ApiVersion GetApiVersion(string accountId)
        {
            AccountState account = GetOrCreate(accountId ?? throw new ArgumentNullException(nameof(accountId)));
            lock (account.Gate)
            {
                return account.Version;
            }
        }

        /// <summary>
        /// Moves each unfinished bulk action job of the account on by <paramref name="steps"/> steps, or until it is
        /// finished when null. Returns every job's id and status afterwards, oldest first.
        /// </summary>
        public IReadOnlyList<KeyValuePair<string, string>> AdvanceBulkJobs(string accountId, int? steps)
        {
            AccountState account = GetOrCreate(accountId ?? throw new ArgumentNullException(nameof(accountId)));
            lock (account.Gate)
            {
                return account.BulkJobs.AdvanceAll(account, steps, _clock());
            }
        }

        public SimulatedResponse Handle(SimulatedRequest request)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }
            // Decode each segment on its own: an encoded '/' inside an id must not create a new segment.
            string[] segments = request.RawPath.Split('/').Select(Uri.UnescapeDataString).ToArray();
            if (segments.Length < 5 || segments[0].Length != 0 || segments[1] != "accounts" || segments[2].Length == 0
                || segments[3] != "email-security")
            {
                return NoRoute(request);
            }
            AccountState account = GetOrCreate(segments[2]);
            lock (account.Gate)
            {
                RouteMatch match = Routes.Match(request.Method, segments.Skip(4).ToList(), account.Version);
                if (match == RouteMatch.NotFound)
                {
                    return NoRoute(request);
                }
                if (match.Handler == null)
                {
                    return Envelope.Error(405, ErrorCodes.MethodNotAllowed,
                        "Method " + request.Method.ToUpperInvariant() + " not allowed for " + request.RawPath);
                }
                try
                {
                    var context = new RequestContext(account, match.Values,
                        new QueryParameters(request.RawQuery, account.MaxPerPage), request.Body, _clock());
                    return match.Handler(context);
                }
                catch (ApiException error)
                {
                    return Envelope.Error(error.StatusCode, error.Code, error.Message);
                }
                catch (Exception error)
                {
                    // A simulator bug: answer like the real API's 500 rather than tearing down the caller.
                    return Envelope.Error(500, ErrorCodes.InternalError,
                        "Internal error: " + error.GetType().Name + ": " + error.Message);
                }
            }
        }

        private AccountState GetOrCreate(string accountId)
        {
            lock (_accounts)
            {
                if (!_accounts.TryGetValue(accountId, out AccountState? account))
                {
                    account = new AccountState(new AccountSeed(), DefaultVersion, _dataClock());
                    _accounts[accountId] = account;
                }
                return account;
            }
        }

        private static SimulatedResponse NoRoute(SimulatedRequest request) =>
            Envelope.Error(404, ErrorCodes.NoRoute,
                "Could not route to " + request.RawPath + ", perhaps your object identifier is invalid?");
    }
}
