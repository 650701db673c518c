namespace EmailSecurity.HelpBuilder;

/// <summary>
/// Writes build output only when its content changed, so unchanged files keep their timestamps and incremental
/// builds stay incremental; a new file is written beside the old one and moved over it, so a reader never sees half.
/// </summary>
public static class OutputFile
{
    public static bool WriteIfChanged(string path, byte[] content)
    {
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(content))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temporary = path + ".tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
        return true;
    }

    /// <summary>
    /// Makes <paramref name="folder"/> hold exactly these *.md files (a page of a removed cmdlet goes).
    /// </summary>
    public static void ReplaceFolder(string folder, IReadOnlyDictionary<string, byte[]> files)
    {
        Directory.CreateDirectory(folder);
        foreach (string stale in Directory.GetFiles(folder, "*.md").Where(f => !files.ContainsKey(Path.GetFileName(f))))
        {
            File.Delete(stale);
        }

        foreach (var (name, content) in files)
        {
            WriteIfChanged(Path.Combine(folder, name), content);
        }
    }
}
