using System.Collections.Generic;
using System.Linq;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Investigate
{
    /// <summary>An account's scanned messages, newest first, with lookups by investigate id and postfix id.</summary>
    internal sealed class MessageStore
    {
        private readonly Dictionary<string, InvestigateMessage> _byId;
        private readonly Dictionary<string, InvestigateMessage> _byPostfixId;

        public MessageStore(IEnumerable<InvestigateMessage> messages)
        {
            NewestFirst = messages
                .OrderByDescending(m => m.ScannedAt)
                .ThenBy(m => m.Id, System.StringComparer.Ordinal)
                .ToList();
            _byId = NewestFirst.ToDictionary(m => m.Id);
            _byPostfixId = NewestFirst.ToDictionary(m => m.PostfixId);
        }

        public IReadOnlyList<InvestigateMessage> NewestFirst { get; }

        public InvestigateMessage? Find(string id) => _byId.TryGetValue(id, out InvestigateMessage? m) ? m : null;

        public InvestigateMessage Get(string id) => Find(id) ?? throw ApiException.NotFound("Message");

        public InvestigateMessage GetByPostfixId(string postfixId) =>
            _byPostfixId.TryGetValue(postfixId, out InvestigateMessage? m) ? m : throw ApiException.NotFound("Message");
    }
}
