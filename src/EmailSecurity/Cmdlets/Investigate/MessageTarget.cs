using System;
using System.Management.Automation;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>How -WhatIf and -Confirm name the message a change works on.</summary>
    internal static class MessageTarget
    {
        /// <summary>
        /// "'Subject' from sender (id)" when the message itself was piped in (live, or read back from a file); the bare
        /// id otherwise: no request is sent just to name it.
        /// </summary>
        public static string Describe(string id, PSObject? piped)
        {
            if (piped == null || ModuleTypes.Of(piped) != typeof(Message)
                || !string.Equals(Text(piped, nameof(Message.Id)), id, StringComparison.Ordinal))
            {
                return id;
            }

            var subject = Text(piped, nameof(Message.Subject));
            var sender = Text(piped, nameof(Message.From));
            var named = (subject == null ? "(no subject)" : $"'{ApiPath.Printable(subject)}'") +
                (sender == null ? string.Empty : $" from {ApiPath.Printable(sender)}");
            return $"{named} ({id})";
        }

        private static string? Text(PSObject item, string property) => item.Properties[property]?.Value?.ToString();
    }
}
