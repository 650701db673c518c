using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using EmailSecurity.Cmdlets.Settings;

namespace EmailSecurity.Cmdlets.Completion
{
    /// <summary>
    /// Completes the ids of settings objects. One completer serves every settings cmdlet: the command being typed
    /// (Get-EsTrustedDomain, Remove-EsAllowPolicy, ...) names its list, which says what to list and show.
    /// </summary>
    public sealed class SettingIdCompleter : ApiIdCompleter
    {
        private static readonly ConcurrentDictionary<string, IdSource?> ByCommand =
            new ConcurrentDictionary<string, IdSource?>(StringComparer.OrdinalIgnoreCase);

        internal override IdSource? SourceFor(string commandName) => ByCommand.GetOrAdd(commandName, Find);

        private static IdSource? Find(string commandName)
        {
            var command = typeof(SettingIdCompleter).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(ISettingsCommand).IsAssignableFrom(t))
                .FirstOrDefault(t => t.GetCustomAttribute<CmdletAttribute>() is CmdletAttribute a
                    && string.Equals($"{a.VerbName}-{a.NounName}", commandName, StringComparison.OrdinalIgnoreCase));
            if (command == null)
            {
                return null;
            }

            var collection = ((ISettingsCommand)Activator.CreateInstance(command)).Collection;
            return new IdSource(collection.List.Request(), item =>
            {
                var id = MessageIdCompleter.Text(item, "id");
                if (id == null)
                {
                    return null;
                }

                var words = collection.DescribedBy.Select(name => MessageIdCompleter.Text(item, name))
                    .Where(text => !string.IsNullOrEmpty(text)).ToList();
                return new IdChoice(id, words.Count > 0 ? string.Join(" ", words) : id);
            });
        }
    }
}
