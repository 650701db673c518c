using System;
using System.Management.Automation;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets
{
    /// <summary>
    /// Which of this module's output types an object is, as PowerShell sees it: live, or deserialized (Import-Clixml,
    /// the output of a job or a remote session), whose type names start with "Deserialized.".
    /// </summary>
    internal static class ModuleTypes
    {
        private const string Deserialized = "Deserialized.";
        private static readonly string ModelsNamespace = typeof(Message).Namespace + ".";

        /// <summary>
        /// The module type the object is, or null when it is none of them (text, a CSV row, another module's object).
        /// </summary>
        public static Type? Of(PSObject value)
        {
            foreach (var name in value.TypeNames)
            {
                var plain = name.StartsWith(Deserialized, StringComparison.Ordinal)
                    ? name.Substring(Deserialized.Length)
                    : name;
                if (plain.StartsWith(ModelsNamespace, StringComparison.Ordinal)
                    && typeof(Message).Assembly.GetType(plain) is Type type)
                {
                    return type;
                }
            }

            return null;
        }

        /// <summary>
        /// The module type whose id the object holds: a result about a message (a move, a trace) holds its message's.
        /// </summary>
        public static Type? IdOwnerOf(PSObject value)
        {
            var type = Of(value);
            return type != null && typeof(IMessageResult).IsAssignableFrom(type) ? typeof(Message) : type;
        }

        /// <summary>How an error names the id a parameter takes.</summary>
        public static string IdName(Type owner) =>
            owner == typeof(Message) ? "a message id"
            : owner == typeof(SettingsObject) ? "the id of a settings entry"
            : $"the id of a {owner.Name}";
    }
}
