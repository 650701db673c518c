using System;
using System.Linq;
using System.Reflection;

namespace EmailSecurity.Simulator.Settings
{
    /// <summary>
    /// Every settings resource of the simulator: each <c>public static readonly SettingsResource Resource</c> declared
    /// in this assembly (Settings/Resources/*.cs), so a new resource needs no entry here.
    /// </summary>
    internal static class SettingsCatalog
    {
        /// <summary>
        /// Ordered by path, which numbers each resource's stream of random demo values (SettingsStore): a new resource
        /// whose path sorts before others changes their random parts (ids, dates, counters), never their entries.
        /// </summary>
        public static readonly SettingsResource[] All = typeof(SettingsCatalog).Assembly.GetTypes()
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(field => field.FieldType == typeof(SettingsResource) && field.IsInitOnly)
            .Select(field => (SettingsResource)field.GetValue(null)!)
            .OrderBy(resource => resource.Path, StringComparer.Ordinal)
            .ToArray();
    }
}
