using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;

namespace EmailSecurity.Client
{
    /// <summary>
    /// One call to the API, described in API terms: a method, a path below
    /// <c>/accounts/{account_id}/email-security</c>, query parameters and a JSON body.
    /// </summary>
    internal sealed class ApiRequest
    {
        private readonly List<KeyValuePair<string, string>> query = new List<KeyValuePair<string, string>>();

        private ApiRequest(HttpMethod method, ApiPath path)
        {
            Method = method;
            Path = path;
        }

        public HttpMethod Method { get; }

        public ApiPath Path { get; }

        public object? Body { get; private set; }

        public IReadOnlyList<KeyValuePair<string, string>> Query => query;

        /// <summary>
        /// Whether sending the request twice has the same effect as sending it once. Only such requests are retried
        /// after an answer that leaves it open whether they were carried out (5xx, dropped connection, timeout).
        /// </summary>
        public bool IsIdempotent => Method == HttpMethod.Get || Method.Method == "DELETE";

        public static ApiRequest Get(ApiPath path) => new ApiRequest(HttpMethod.Get, path);

        public static ApiRequest Post(ApiPath path, object? body) => new ApiRequest(HttpMethod.Post, path) { Body = body };

        public static ApiRequest Patch(ApiPath path, object? body) => new ApiRequest(new HttpMethod("PATCH"), path) { Body = body };

        public static ApiRequest Delete(ApiPath path) => new ApiRequest(HttpMethod.Delete, path);

        public ApiRequest WithQuery(string name, string? value)
        {
            if (value != null)
            {
                query.RemoveAll(p => p.Key == name);
                query.Add(new KeyValuePair<string, string>(name, value));
            }

            return this;
        }

        /// <summary>A parameter the API takes as a list: repeated, <c>name=a&amp;name=b</c>.</summary>
        public ApiRequest WithQueryValues(string name, IEnumerable<string> values)
        {
            query.RemoveAll(p => p.Key == name);
            foreach (var value in values)
            {
                query.Add(new KeyValuePair<string, string>(name, value));
            }

            return this;
        }

        public ApiRequest WithQuery(string name, bool? value) =>
            WithQuery(name, value.HasValue ? (value.Value ? "true" : "false") : null);

        public ApiRequest WithQuery(string name, int? value) =>
            WithQuery(name, value?.ToString(CultureInfo.InvariantCulture));

        public ApiRequest WithQuery(string name, DateTimeOffset? value) =>
            WithQuery(name, value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

        /// <summary>The value of a query parameter (the first, for a list), or null when it is not sent.</summary>
        public string? QueryValue(string name)
        {
            foreach (var pair in query)
            {
                if (pair.Key == name)
                {
                    return pair.Value;
                }
            }

            return null;
        }

        /// <summary>The same request with its query parameters copied, for the next page of a list.</summary>
        public ApiRequest Clone()
        {
            var copy = new ApiRequest(Method, Path) { Body = Body };
            copy.query.AddRange(query);
            return copy;
        }

        public Uri BuildUri(Uri baseUri, string accountId)
        {
            var text = new StringBuilder(baseUri.AbsoluteUri.TrimEnd('/'));
            text.Append("/accounts/").Append(ApiPath.EscapeSegment(accountId, "account id")).Append("/email-security");
            text.Append(Path.Escaped);
            for (var i = 0; i < query.Count; i++)
            {
                text.Append(i == 0 ? '?' : '&')
                    .Append(Uri.EscapeDataString(query[i].Key))
                    .Append('=')
                    .Append(Uri.EscapeDataString(query[i].Value));
            }

            return new Uri(text.ToString());
        }

        public override string ToString() => $"{Method} {Path}";
    }
}
