using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.PhishGuard
{
    /// <summary>An analyst's report about one threat that reached the tenant.</summary>
    internal sealed class PhishGuardReport
    {
        public int Id { get; set; }
        public string Title { get; set; } = "";
        public string Content { get; set; } = "";
        public string Disposition { get; set; } = "MALICIOUS";
        public string Priority { get; set; } = "medium";
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }
        public DateTimeOffset OccurredAt { get; set; }
        public string From { get; set; } = "";
        public IReadOnlyList<string> To { get; set; } = new string[0];
        public string PostfixId { get; set; } = "";
        public IReadOnlyList<(string Category, string Value)> Tags { get; set; } = new (string, string)[0];

        /// <summary>ts (both levels) is deprecated without an end-of-life date, so it is still written.</summary>
        public JsonObject ToJson() => new JsonObject
        {
            ["id"] = Id,
            ["content"] = Content,
            ["disposition"] = Disposition,
            ["fields"] = new JsonObject
            {
                ["to"] = Json.Strings(To),
                ["from"] = From,
                ["occurred_at"] = Json.Date(OccurredAt),
                ["postfix_id"] = PostfixId,
                ["ts"] = Json.Date(OccurredAt),
            },
            ["priority"] = Priority,
            ["title"] = Title,
            ["created_at"] = Json.Date(CreatedAt),
            ["tags"] = Json.Array(
                Tags.Select(t => (JsonNode)new JsonObject { ["category"] = t.Category, ["value"] = t.Value })),
            ["ts"] = Json.Date(CreatedAt),
            ["updated_at"] = Json.Date(UpdatedAt),
        };
    }
}
