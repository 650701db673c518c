namespace EmailSecurity.HelpBuilder;

/// <summary>A help page that does not follow the platyPS layout, with the place of the problem.</summary>
public sealed class HelpFormatException : Exception
{
    public HelpFormatException(SourceLocation location, string message)
        : base($"{location}: {message}")
    {
        Location = location;
        Reason = message;
    }

    public SourceLocation Location { get; }

    /// <summary>The message without the location.</summary>
    public string Reason { get; }
}
