namespace EmailSecurity.HelpBuilder;

/// <summary>Reads the help sources of a docs folder and joins them with the declared cmdlets.</summary>
public static class HelpSources
{
    /// <summary>The shared parameter text, in the docs folder.</summary>
    public const string SharedParametersFile = "parameters.md";

    /// <summary>
    /// Reads every cmdlet page of <paramref name="docsDir"/> (in ordinal order, so the same files give the same output
    /// and errors everywhere) and the shared parameter text, and composes the help of every cmdlet.
    /// </summary>
    public static (IReadOnlyList<CommandHelp> Commands, IReadOnlyList<HelpError> Errors) Build(
        IReadOnlyList<DeclaredCmdlet> cmdlets, string docsDir, string mamlFileName)
    {
        var errors = new List<HelpError>();
        var pages = new List<HelpPage>();
        string sharedPath = Path.Combine(docsDir, SharedParametersFile);
        string[] files = Directory.GetFiles(docsDir, "*.md", SearchOption.TopDirectoryOnly);
        Array.Sort(files, StringComparer.Ordinal);
        foreach (string file in files.Where(f => f != sharedPath))
        {
            try
            {
                if (PageReader.ReadPage(File.ReadAllText(file), file, mamlFileName) is { } page)
                {
                    pages.Add(page);
                }
            }
            catch (HelpFormatException e)
            {
                errors.Add(new HelpError(e.Location, e.Reason));
            }
        }

        IReadOnlyList<ParameterText> shared = [];
        try
        {
            shared = File.Exists(sharedPath)
                ? PageReader.ReadSharedParameters(File.ReadAllText(sharedPath), sharedPath)
                : throw new HelpFormatException(new SourceLocation(sharedPath, 1),
                    "the shared parameter text is missing");
        }
        catch (HelpFormatException e)
        {
            errors.Add(new HelpError(e.Location, e.Reason));
        }

        if (errors.Count > 0)
        {
            return ([], errors);
        }

        return HelpComposer.Compose(cmdlets, pages, new SharedParameters(sharedPath, shared), docsDir);
    }
}
