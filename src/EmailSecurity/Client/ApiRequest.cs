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

        private const string PageSizeQuery = "per_page";

        private const string PageQuery = "page";

        private const string CursorQuery = "cursor";

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

        /// <summary>
        /// Whether the shape was chosen for this request (<see cref="InShape"/>) rather than left to the core to learn.
        /// </summary>
        public bool ShapeChosen { get; private set; }

        /// <summary>The fields of the body, by the API's names, in the order they are sent.</summary>
        public IReadOnlyDictionary<string, object?> Fields { get; private set; } = NoFields;

        /// <summary>
        /// The ids a bulk operation acts on (or the one id a body carries); null when there are none.
        /// </summary>
        public IReadOnlyList<string>? Ids { get; private set; }

        /// <summary>The postfix ids of the same messages, when known: what a shape by postfix id sends.</summary>
        public IReadOnlyList<string>? PostfixIds { get; private set; }

        /// <summary>What is serialized as the body, or null for none.</summary>
        public object? Body => Shape.BodyOf(Fields, Ids, PostfixIds);

        /// <summary>How the answer's list is paged; null when the answer is not a paged list.</summary>
        public PagingStyle? Paging => Shape.Paging;

        public IReadOnlyList<KeyValuePair<string, string>> Query => query;

        /// <summary>
        /// Which page of a list to ask for, sent only in a paged shape: (page number or cursor, page size).
        /// </summary>
        private (int Number, string? Cursor, int Size)? page;

        /// <summary>
        /// A copy that asks for one page of the list: <paramref name="number"/> or <paramref name="cursor"/>, as the
        /// shape pages.
        /// </summary>
        public ApiRequest AtPage(int number, string? cursor, int size)
        {
            var copy = Clone();
            copy.page = (number, cursor, size);
            return copy;
        }

        /// <summary>The cursor a resumed search starts at (Get-EsMessage -Cursor), or null.</summary>
        public string? ResumeCursor => QueryValue(CursorQuery);

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

        /// <summary>A time in UTC, to the second, with its milliseconds when it has any.</summary>
        public ApiRequest WithQuery(string name, DateTimeOffset? value) =>
            WithQuery(name, value.HasValue ? InstantText(value.Value) : null);

        /// <summary>
        /// An instant as the API takes it, in query text and in bodies: 2026-01-31T23:59:59Z, with its milliseconds
        /// when it has any.
        /// </summary>
        public static string InstantText(DateTimeOffset value) =>
            value.UtcDateTime.ToString(
                value.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
                CultureInfo.InvariantCulture);

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

        /// <summary>The postfix ids of the messages, for a shape that names them so.</summary>
        public ApiRequest WithPostfixIds(IEnumerable<string> postfixIds)
        {
            PostfixIds = postfixIds.ToArray();
            return this;
        }

        /// <summary>Whether the request's values can go out in <paramref name="shape"/>.</summary>
        public bool Fits(RequestShape shape) => shape.CanCarry(Ids, PostfixIds);

        /// <summary>The same request in another of its operation's shapes.</summary>
        public ApiRequest InShape(RequestShape shape)
        {
            if (!Operation.Shapes.Contains(shape))
            {
                throw new ArgumentException($"{Operation.Name} is not declared with the shape {shape}.", nameof(shape));
            }

            var copy = Clone();
            copy.Shape = shape;
            copy.ShapeChosen = true;
            return copy;
        }

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
            var copy = new ApiRequest(Operation, Path, Shape) { Fields = Fields, Ids = Ids, PostfixIds = PostfixIds,
                page = page, ShapeChosen = ShapeChosen };
            copy.query.AddRange(query);
            return copy;
        }

        public Uri BuildUri(Uri baseUri, string accountId)
        {
            var text = new StringBuilder(baseUri.AbsoluteUri.TrimEnd('/'));
            text.Append("/accounts/").Append(ApiPath.EscapeSegment(accountId, "account id")).Append("/email-security");
            text.Append(Path.Escaped);
            var sent = query.ToList();
            if (page is { } at && Shape.Paging is PagingStyle style)
            {
                sent.RemoveAll(p => p.Key == PageSizeQuery || p.Key == PageQuery || p.Key == CursorQuery);
                sent.Add(
                    new KeyValuePair<string, string>(PageSizeQuery, at.Size.ToString(CultureInfo.InvariantCulture)));
                if (style == PagingStyle.PageNumber)
                {
                    sent.Add(
                        new KeyValuePair<string, string>(PageQuery, at.Number.ToString(CultureInfo.InvariantCulture)));
                }
                else if (at.Cursor != null)
                {
                    sent.Add(new KeyValuePair<string, string>(CursorQuery, at.Cursor));
                }
            }

            for (var i = 0; i < sent.Count; i++)
            {
                text.Append(i == 0 ? '?' : '&')
                    .Append(Uri.EscapeDataString(sent[i].Key))
                    .Append('=')
                    .Append(Uri.EscapeDataString(Shape.QueryValue(sent[i].Key, sent[i].Value)));
            }

            return new Uri(text.ToString());
        }

        public override string ToString() => $"{Method} {Path}";
    }
}
