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
    }
}
