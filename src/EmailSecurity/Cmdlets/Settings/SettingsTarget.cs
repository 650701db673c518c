using System;
using System.Management.Automation;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>
    /// How -WhatIf and -Confirm name the entry a Get, Set or Remove works on, and which connection it goes to.
    /// </summary>
    internal static class SettingsTarget
    {
        /// <summary>"contoso.example (id)" when the entry itself was piped in; the bare id otherwise.</summary>
        public static string Describe(string id, Models.SettingsObject? piped)
        {
            var name = piped != null && piped.Id == id ? piped.ToString() : null;
            return string.IsNullOrEmpty(name) || name == id ? id : $"{name} ({id})";
        }

        /// <summary>
        /// The connection for work on <paramref name="entry"/> (piped, or given to -Id; null for id text); null, with
        /// an error written, when the entry is of another list (its id would go to the wrong collection) or cannot be
        /// worked on with the connection in effect.
        /// </summary>
        public static EsConnection? ConnectionFor<TModel>(
            EsApiCmdlet cmdlet, Models.SettingsObject? entry, ApiCollection collection)
        {
            if (WrongKind<TModel>(entry, collection) is ErrorRecord wrongKind)
            {
                cmdlet.WriteError(wrongKind);
                return null;
            }

            return cmdlet.ConnectionFor(entry);
        }

        /// <summary>An error when the piped entry is of another list than the cmdlet's (its id would go to the wrong
        /// collection); null when it is of the right one or nothing was piped.</summary>
        public static ErrorRecord? WrongKind<TModel>(Models.SettingsObject? piped, ApiCollection collection) =>
            piped == null || piped is TModel
                ? null
                : new ErrorRecord(
                    new ArgumentException(
                        $"'{piped}' ({piped.GetType().Name}) is not an entry of this cmdlet's list " +
                        $"({collection.Noun}); its id belongs to another list. Pipe the output of the matching " +
                        "Get- cmdlet."),
                    "EsWrongSettingsObject",
                    ErrorCategory.InvalidArgument,
                    piped);
    }
}
