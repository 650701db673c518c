using System;
using System.Collections.Generic;
using System.Linq;
using EmailSecurity.Simulator.Accounts;

namespace EmailSecurity.Simulator.Core
{
    internal delegate SimulatedResponse RouteHandler(RequestContext context);

    /// <summary>
    /// What a handler gets: the account (locked for the call), the route's {placeholders} in order, query, body, now.
    /// </summary>
    internal sealed class RequestContext
    {
        public RequestContext(
            AccountState account,
            IReadOnlyList<string> values,
            QueryParameters query,
            string? body,
            DateTimeOffset now)
        {
            Account = account;
            Values = values;
            Query = query;
            Body = body;
            Now = now;
        }

        public AccountState Account { get; }

        /// <summary>The API version the account plays.</summary>
        public ApiVersion Version => Account.Version;

        public bool Is2026 => Account.Version >= ApiVersion.V2026_10;
        public IReadOnlyList<string> Values { get; }
        public QueryParameters Query { get; }
        public string? Body { get; }
        public DateTimeOffset Now { get; }

        /// <summary>The first {placeholder} of the route, e.g. the investigate id.</summary>
        public string Id => Values[0];
    }

    /// <summary>
    /// Routes below /accounts/{account_id}/email-security. Patterns are '/'-separated; "{}" matches any one
    /// (already decoded) segment. When several match, the one with the most literal segments wins.
    /// A route added <c>since</c> a later API version does not exist in earlier ones: there its method and path
    /// answer as an unknown route, even where a route of the earlier version would also have matched.
    /// </summary>
    internal sealed class Router
    {
        private readonly List<Route> _routes = new List<Route>();

        public void Add(string method, string pattern, RouteHandler handler, ApiVersion since = ApiVersion.Seed) =>
            _routes.Add(new Route(method, pattern.Split('/'), handler, since));

        public RouteMatch Match(string method, IReadOnlyList<string> segments, ApiVersion version)
        {
            List<Route> matching = _routes.Where(r => r.Matches(segments)).ToList();
            Route? best = matching
                .Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(r => r.LiteralCount)
                .FirstOrDefault();
            if (best != null)
            {
                return best.Since <= version
                    ? new RouteMatch(best.Handler, best.Values(segments))
                    : RouteMatch.NotFound;
            }
            return matching.Any(r => r.Since <= version) ? RouteMatch.MethodNotAllowed : RouteMatch.NotFound;
        }

        private sealed class Route
        {
            private readonly string[] _segments;

            public Route(string method, string[] segments, RouteHandler handler, ApiVersion since)
            {
                Method = method;
                _segments = segments;
                Handler = handler;
                Since = since;
                LiteralCount = segments.Count(s => s != "{}");
            }

            public string Method { get; }
            public ApiVersion Since { get; }
            public RouteHandler Handler { get; }
            public int LiteralCount { get; }

            public bool Matches(IReadOnlyList<string> segments)
            {
                if (segments.Count != _segments.Length)
                {
                    return false;
                }
                for (int i = 0; i < _segments.Length; i++)
                {
                    if (_segments[i] != "{}" && _segments[i] != segments[i])
                    {
                        return false;
                    }
                }
                return true;
            }

            public IReadOnlyList<string> Values(IReadOnlyList<string> segments) =>
                segments.Where((_, i) => _segments[i] == "{}").ToList();
        }
    }

    internal sealed class RouteMatch
    {
        public static readonly RouteMatch NotFound = new RouteMatch(null, new string[0]);
        public static readonly RouteMatch MethodNotAllowed = new RouteMatch(null, new string[0]);

        public RouteMatch(RouteHandler? handler, IReadOnlyList<string> values)
        {
            Handler = handler;
            Values = values;
        }

        public RouteHandler? Handler { get; }
        public IReadOnlyList<string> Values { get; }
    }
}
