using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;

namespace EmailSecurity.Client
{
    /// <summary>
    /// One call to the API, made from its <see cref="ApiOperation"/>: the path with the route's values, query
    /// parameters, the fields of its body and the ids of a bulk operation, laid out on the wire by its
    /// <see cref="RequestShape"/>.
    /// </summary>
    internal sealed class ApiRequest
    {
        private static readonly IReadOnlyDictionary<string, object?> NoFields = new Dictionary<string, object?>();

        private readonly List<KeyValuePair<string, string>> query = new List<KeyValuePair<string, string>>();

        internal ApiRequest(ApiOperation operation, ApiPath path, RequestShape shape)
        {
            Operation = operation;
            Path = path;
            Shape = shape;
        }

        public ApiOperation Operation { get; }

        public HttpMethod Method => Operation.Method;

        public ApiPath Path { get; }

        /// <summary>How the fields and ids are laid out, and whether the answer is paged.</summary>
        public RequestShape Shape { get; private set; }

        /// <summary>The fields of the body, by the API's names, in the order they are sent.</summary>
        public IReadOnlyDictionary<string, object?> Fields { get; private set; } = NoFields;

        /// <summary>The ids a bulk operation acts on (or the one id a body carries); null when there are none.</summary>
        public IReadOnlyList<string>? Ids { get; private set; }

        /// <summary>What is serialized as the body, or null for none.</summary>
        public object? Body => Shape.BodyOf(Fields, Ids);

        /// <summary>How the answer's list is paged; null when the answer is not a paged list.</summary>
        public PagingStyle? Paging => Shape.Paging;

        public IReadOnlyList<KeyValuePair<string, string>> Query => query;

        /// <summary>
        /// Whether sending the request twice has the same effect as sending it once. Only such requests are retried
        /// after an answer that leaves it open whether they were carried out (5xx, dropped connection, timeout).
        /// </summary>
        public bool IsIdempotent => Method == HttpMethod.Get || Method.Method == "DELETE";

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
            WithQuery(name, value.HasValue ? InstantText(value.Value) : null);

        /// <summary>An instant as the API takes it, in query text and in bodies: 2026-01-31T23:59:59Z.</summary>
        public static string InstantText(DateTimeOffset value) =>
            value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        /// <summary>The body's fields, by the API's names, in the order they are to be sent.</summary>
        public ApiRequest WithFields(IReadOnlyDictionary<string, object?> fields)
        {
            Fields = fields;
            return this;
        }

        /// <summary>The ids the operation acts on; the shape says where they go.</summary>
        public ApiRequest WithIds(IEnumerable<string> ids)
        {
            Ids = ids.ToArray();
            return this;
        }

        /// <summary>The same request in another of its operation's shapes.</summary>
        public ApiRequest InShape(RequestShape shape)
        {
            if (!Operation.Shapes.Contains(shape))
            {
                throw new ArgumentException($"{Operation.Name} is not declared with the shape {shape}.", nameof(shape));
            }

            var copy = Clone();
            copy.Shape = shape;
            return copy;
        }

        /// <summary>The same request with its query parameters copied, for the next page of a list.</summary>
        public ApiRequest Clone()
        {
            var copy = new ApiRequest(Operation, Path, Shape) { Fields = Fields, Ids = Ids };
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
