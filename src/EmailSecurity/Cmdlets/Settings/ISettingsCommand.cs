using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>
    /// A cmdlet that works on one settings list; lets completers find the list from the command name.
    /// </summary>
    internal interface ISettingsCommand
    {
        ApiCollection Collection { get; }
    }
}
