using System.Text.Json;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets.Completion
{
    /// <summary>Completes investigate ids from the newest messages, shown by subject and sender.</summary>
    public sealed class MessageIdCompleter : ApiIdCompleter
    {
        private static readonly IdSource Messages = new IdSource(ApiCatalog.Investigate.List.Request(), item =>
            Text(item, "id") is string id
                ? new IdChoice(id, $"{Text(item, "subject")} (from {Text(item, "from")})")
                : null);

        internal override IdSource? SourceFor(string commandName) => Messages;

        internal static string? Text(JsonElement item, string name) =>
            item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value)
                && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
