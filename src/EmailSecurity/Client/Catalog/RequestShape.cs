using System.Collections.Generic;
using System.Linq;

namespace EmailSecurity.Client
{
    /// <summary>
    /// How the values of a request (its fields, and the ids of a bulk operation) are laid out on the wire, and whether
    /// its answer comes in pages. An operation the API has taken in two forms declares both shapes, and a request can
    /// be sent in either (<see cref="ApiRequest.InShape"/>): the release body was a bare array of ids and is now
    /// <c>{"ids": [...]}</c>. Which one a service takes is learned by the REST core, once per connection
    /// (<see cref="EsApiClient"/>).
    /// </summary>
    internal sealed class RequestShape
    {
        private readonly BodyLayout layout;
        private readonly string? idsField;

        private (string Name, bool Upper)? queryCase;

        private RequestShape(
            string name,
            PagingStyle? paging,
            BodyLayout layout,
            string? idsField = null,
            bool byPostfixId = false)
        {
            Name = name;
            Paging = paging;
            this.layout = layout;
            this.idsField = idsField;
            ByPostfixId = byPostfixId;
        }

        private enum BodyLayout
        {
            Fields,
            IdsAsBody,
            IdsInField,
            IdInField,
        }

        /// <summary>
        /// Whether the shape names messages by their postfix ids (<see cref="ApiRequest.PostfixIds"/>) rather than
        /// their ids.
        /// </summary>
        public bool ByPostfixId { get; }

        /// <summary>A name for messages, e.g. "ids in 'ids'".</summary>
        public string Name { get; }

        /// <summary>How the answer's list is paged; null when the answer is one result (or one unpaged list).</summary>
        public PagingStyle? Paging { get; }

        /// <summary>The request's fields as a JSON object (no body when it has none); one answer.</summary>
        public static readonly RequestShape Plain = new RequestShape("fields", null, BodyLayout.Fields);

        /// <summary>A list read page by page in <paramref name="style"/>.</summary>
        public static RequestShape Paged(PagingStyle style) =>
            new RequestShape($"paged by {style}", style, BodyLayout.Fields);

        /// <summary>The ids as the whole body, a bare JSON array.</summary>
        public static readonly RequestShape IdsAsBody = new RequestShape("ids as the body", null, BodyLayout.IdsAsBody);

        /// <summary>
        /// The fields as a JSON object with the ids, as an array, in <paramref name="field"/> after them.
        /// </summary>
        public static RequestShape IdsIn(string field) =>
            new RequestShape($"ids in '{field}'", null, BodyLayout.IdsInField, field);

        /// <summary>
        /// The fields as a JSON object with the one id, as text, in <paramref name="field"/> after them.
        /// </summary>
        public static RequestShape IdIn(string field) =>
            new RequestShape($"id in '{field}'", null, BodyLayout.IdInField, field);

        /// <summary>
        /// The one postfix id, as text, in <paramref name="field"/> (the older API's message preview).
        /// </summary>
        public static RequestShape PostfixIdIn(string field) =>
            new RequestShape($"postfix id in '{field}'", null, BodyLayout.IdInField, field, byPostfixId: true);

        /// <summary>
        /// This shape with the values of query parameter <paramref name="name"/> sent in upper or lower case (the
        /// domains' status filter: lower case in the older API, upper case in the newer).
        /// </summary>
        public RequestShape WithQueryCase(string name, bool upper) =>
            new RequestShape($"{Name}, '{name}' in {(upper ? "upper" : "lower")} case", Paging, layout, idsField,
                ByPostfixId)
            {
                queryCase = (name, upper),
            };

        /// <summary>A query parameter's value as this shape sends it.</summary>
        public string QueryValue(string name, string value) =>
            queryCase is { } cased && cased.Name == name
                ? (cased.Upper ? value.ToUpperInvariant() : value.ToLowerInvariant())
                : value;

        /// <summary>
        /// Whether a request with these values can be sent in this shape (a shape by postfix id needs them).
        /// </summary>
        public bool CanCarry(IReadOnlyList<string>? ids, IReadOnlyList<string>? postfixIds) =>
            layout == BodyLayout.Fields || (ByPostfixId ? postfixIds : ids) != null;

        /// <summary>What is serialized as the request's body, or null for none.</summary>
        public object? BodyOf(
            IReadOnlyDictionary<string, object?> fields,
            IReadOnlyList<string>? ids,
            IReadOnlyList<string>? postfixIds)
        {
            ids = ByPostfixId ? postfixIds : ids;
            switch (layout)
            {
                case BodyLayout.IdsAsBody:
                    return (ids ?? new string[0]).ToArray();
                case BodyLayout.IdsInField:
                    return With(fields, idsField!, (ids ?? new string[0]).ToArray());
                case BodyLayout.IdInField:
                    return With(fields, idsField!,
                        ids?.Count == 1 ? ids[0] : throw new System.InvalidOperationException(
                            $"The shape {Name} sends one id, not {ids?.Count ?? 0}."));
                default:
                    return fields.Count > 0 ? fields : null;
            }
        }

        public override string ToString() => Name;

        private static Dictionary<string, object?> With(
            IReadOnlyDictionary<string, object?> fields,
            string name,
            object value)
        {
            var body = fields.ToDictionary(f => f.Key, f => f.Value);
            body[name] = value;
            return body;
        }
    }
}
