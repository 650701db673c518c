using System.Management.Automation;
using System.Runtime.CompilerServices;

namespace EmailSecurity.Cmdlets
{
    /// <summary>
    /// The connection each object a cmdlet wrote came from, so a cmdlet it is piped to works in the same account. Kept
    /// beside the objects, not in them: nothing of it shows in Format-*, Export-Csv or ConvertTo-Json, nor travels with
    /// an object that is serialized (Export-Clixml, a job's output) or rebuilt (Import-Csv, Select-Object).
    /// </summary>
    internal static class ObjectOrigin
    {
        private static readonly ConditionalWeakTable<object, EsConnection> Origins =
            new ConditionalWeakTable<object, EsConnection>();

        private static readonly ConditionalWeakTable<string, object> IdSources =
            new ConditionalWeakTable<string, object>();

        public static void Remember(object item, EsConnection connection)
        {
            if (item is PSObject || item is string)
            {
                return;
            }

            Origins.Remove(item);
            Origins.Add(item, connection);
        }

        /// <summary>
        /// The connection <paramref name="item"/> came from; null when it came from none (text, a CSV row).
        /// </summary>
        public static EsConnection? Of(object? item)
        {
            var value = item is PSObject wrapped ? wrapped.BaseObject : item;
            return value != null && Origins.TryGetValue(value, out var connection) ? connection : null;
        }

        /// <summary>
        /// The id text of an object bound to -Id as an argument (-Id $messages), as a string of its own that
        /// remembers the object (see <see cref="SourceOfId"/>), so the object is worked on as if it were piped.
        /// </summary>
        public static string IdTakenFrom(object item, string id)
        {
            if (id.Length == 0)
            {
                return id;
            }

            var own = new string(id.ToCharArray());
            IdSources.Add(own, item);
            return own;
        }

        /// <summary>
        /// The object an id text was taken from (<see cref="IdTakenFrom"/>); null for text given as text.
        /// </summary>
        public static object? SourceOfId(string id) => IdSources.TryGetValue(id, out var item) ? item : null;
    }
}
