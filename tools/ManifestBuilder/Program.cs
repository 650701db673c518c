using EmailSecurity.ManifestBuilder;

// ManifestBuilder <moduleAssembly> <sourceManifest> <outputManifest>
//
// Writes outputManifest: sourceManifest with ModuleVersion, CmdletsToExport and AliasesToExport taken from the
// compiled module (its version, its [Cmdlet] classes and their [Alias] names), so no list of cmdlets is kept by hand.
// The file is rewritten only when its text changes. Exit codes: 0 written or up to date, 1 the manifest could not be
// written, 2 wrong arguments. Problems are printed as "file: error: message", which MSBuild's Exec task reports.

const int Success = 0;
const int Failed = 1;
const int UsageError = 2;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: ManifestBuilder <moduleAssembly> <sourceManifest> <outputManifest>");
    return UsageError;
}

string assembly = Path.GetFullPath(args[0]);
string source = Path.GetFullPath(args[1]);
string output = Path.GetFullPath(args[2]);
try
{
    ModuleExports exports = ModuleExports.Read(assembly);
    if (exports.Cmdlets.Count == 0)
    {
        Console.Error.WriteLine($"{assembly}: error: no public [Cmdlet] class found");
        return Failed;
    }

    string text = ManifestText.WithExports(File.ReadAllText(source), exports);
    if (File.Exists(output) && File.ReadAllText(output) == text)
    {
        Console.WriteLine($"ManifestBuilder: {output} is up to date ({exports.Cmdlets.Count} cmdlets, " +
            $"{exports.Aliases.Count} aliases, version {exports.Version.ToString(3)}).");
        return Success;
    }

    Directory.CreateDirectory(Path.GetDirectoryName(output)!);
    File.WriteAllText(output, text);
    Console.WriteLine($"ManifestBuilder: wrote {output} ({exports.Cmdlets.Count} cmdlets, {exports.Aliases.Count} " +
        $"aliases, version {exports.Version.ToString(3)}).");
    return Success;
}
catch (FormatException e)
{
    Console.Error.WriteLine($"{source}: error: {e.Message}");
    return Failed;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
{
    Console.Error.WriteLine($"ManifestBuilder: error: {e.Message}");
    return Failed;
}
