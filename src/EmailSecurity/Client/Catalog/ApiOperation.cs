using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;

namespace EmailSecurity.Client
{
    /// <summary>
    /// One operation of the API, declared once: its name (as Cloudflare's SDK names it: settings.allowPolicies.edit),
    /// its method, its route below <c>/accounts/{account_id}/email-security</c>, and the request shapes it can be sent
    /// in. The first shape is the one sent; the others are what the API has been seen to take instead.
    /// </summary>
    internal sealed class ApiOperation
    {
        private static readonly Regex Placeholder = new Regex(@"^\{(?<name>[a-z_]+)\}$", RegexOptions.CultureInvariant);

        private readonly string[] segments;

        private ApiOperation(string name, HttpMethod method, string route, IReadOnlyList<RequestShape> shapes)
        {
            if (shapes.Count == 0)
            {
                throw new ArgumentException($"{name}: an operation has at least one request shape.", nameof(shapes));
            }

            Name = name;
            Method = method;
            Route = route;
            Shapes = shapes;
            segments = route.Split('/');
            RouteParameters = segments.Select(s => Placeholder.Match(s)).Where(m => m.Success)
                .Select(m => m.Groups["name"].Value).ToList();
        }

        /// <summary>The SDK's name of the operation, e.g. "investigate.move.bulk".</summary>
        public string Name { get; }

        public HttpMethod Method { get; }

        /// <summary>The route, e.g. "/investigate/{investigate_id}/move": each {name} is one path segment.</summary>
        public string Route { get; }

        /// <summary>The names of the route's placeholders, in order ("investigate_id").</summary>
        public IReadOnlyList<string> RouteParameters { get; }

        /// <summary>
        /// Every shape the operation can be sent in; the first is the one sent unless another is asked for.
        /// </summary>
        public IReadOnlyList<RequestShape> Shapes { get; }

        public static ApiOperation Get(string name, string route, params RequestShape[] shapes) =>
            new ApiOperation(name, HttpMethod.Get, route, OrPlain(shapes));

        public static ApiOperation Post(string name, string route, params RequestShape[] shapes) =>
            new ApiOperation(name, HttpMethod.Post, route, OrPlain(shapes));

        public static ApiOperation Patch(string name, string route, params RequestShape[] shapes) =>
            new ApiOperation(name, new HttpMethod("PATCH"), route, OrPlain(shapes));

        public static ApiOperation Put(string name, string route, params RequestShape[] shapes) =>
            new ApiOperation(name, HttpMethod.Put, route, OrPlain(shapes));

        public static ApiOperation Delete(string name, string route, params RequestShape[] shapes) =>
            new ApiOperation(name, HttpMethod.Delete, route, OrPlain(shapes));

        /// <summary>
        /// A request of this operation with <paramref name="routeValues"/> in the route's placeholders, in order. Each
        /// value is escaped as one path segment, so an id can never reach another endpoint.
        /// </summary>
        public ApiRequest Request(params string[] routeValues)
        {
            if (routeValues.Length != RouteParameters.Count)
            {
                throw new ArgumentException(
                    $"{Name} takes {RouteParameters.Count} route value(s) ({Route}), not {routeValues.Length}.",
                    nameof(routeValues));
            }

            var escaped = new StringBuilder();
            var display = new StringBuilder();
            var next = 0;
            for (var i = 0; i < segments.Length; i++)
            {
                var separator = i == 0 ? string.Empty : "/";
                if (Placeholder.IsMatch(segments[i]))
                {
                    var value = routeValues[next];
                    escaped.Append(separator)
                        .Append(ApiPath.EscapeSegment(value, RouteParameters[next].Replace('_', ' ')));
                    display.Append(separator).Append(value);
                    next++;
                }
                else
                {
                    escaped.Append(separator).Append(segments[i]);
                    display.Append(separator).Append(segments[i]);
                }
            }

            return new ApiRequest(this, new ApiPath(escaped.ToString(), display.ToString()), Shapes[0]);
        }

        /// <summary>
        /// The SDK's name of a route's resource: "/settings/allow_policies" gives "settings.allowPolicies".
        /// </summary>
        public static string NameOf(string route) =>
            string.Join(".", route.Trim('/').Split('/')
                .Select(part => Regex.Replace(part, "_([a-z])", m => m.Groups[1].Value.ToUpperInvariant())));

        public override string ToString() => $"{Name} ({Method} {Route})";

        private static RequestShape[] OrPlain(RequestShape[] shapes) =>
            shapes.Length == 0 ? new[] { RequestShape.Plain } : shapes;
    }
}
