using EmailSecurity.HelpBuilder;

// HelpBuilder --module <manifest.psd1> --docs <docsDir> --maml <output.xml> [--markdown <pagesDir>]
//             [--about <topicsDir>] [--readme <README.md>]
//
// Imports the freshly built module into the PowerShell engine to read what its cmdlets declare, reads the prose of
// docs/<Cmdlet>.md and the shared parameter text of docs/parameters.md, and writes the MAML file Get-Help reads
// (and, with --markdown, complete platyPS pages). Pages without "external help file" front matter (guides) are
// skipped. With --about, the about_*.help.txt topics of that folder are written beside the MAML file, each with the
// list of cmdlets (CmdletListing) in place of its marker line; with --readme, the cmdlet table of that README is
// rewritten. Exit codes: 0 written, 1 the help has errors, 2 wrong arguments or the module does not import.
//
// Problems are printed as "file(line): error: message", the form MSBuild's Exec task recognises, so a broken page
// fails the module build with an error that names the file and the line.

const int Success = 0;
const int HelpInvalid = 1;
const int UsageError = 2;

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (int i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i]] = args[i + 1];
}

if (args.Length % 2 != 0 || !options.ContainsKey("--module") || !options.ContainsKey("--docs")
    || !options.ContainsKey("--maml")
    || options.Keys.Except(["--module", "--docs", "--maml", "--markdown", "--about", "--readme"]).Any())
{
    Console.Error.WriteLine(
        "usage: HelpBuilder --module <manifest.psd1> --docs <docsDir> --maml <output.xml> [--markdown <pagesDir>] " +
        "[--about <topicsDir>] [--readme <README.md>]");
    return UsageError;
}

string manifest = Path.GetFullPath(options["--module"]);
string docsDir = Path.GetFullPath(options["--docs"]);
string mamlPath = Path.GetFullPath(options["--maml"]);
string? pagesDir = options.TryGetValue("--markdown", out string? markdown) ? Path.GetFullPath(markdown) : null;
string? topicsDir = options.TryGetValue("--about", out string? about) ? Path.GetFullPath(about) : null;
string? readme = options.TryGetValue("--readme", out string? readmeFile) ? Path.GetFullPath(readmeFile) : null;
if (!Directory.Exists(docsDir) || !File.Exists(manifest))
{
    Console.Error.WriteLine($"HelpBuilder: error: not found: {(Directory.Exists(docsDir) ? manifest : docsDir)}");
    return UsageError;
}

IReadOnlyList<DeclaredCmdlet> cmdlets;
try
{
    cmdlets = ModuleReader.Read(manifest);
}
catch (Exception e) when (e is System.Management.Automation.RuntimeException or IOException)
{
    Console.Error.WriteLine($"{manifest}: error: the module does not import: {e.Message}");
    return UsageError;
}

var (commands, errors) = HelpSources.Build(cmdlets, docsDir, Path.GetFileName(mamlPath));
if (errors.Count > 0)
{
    foreach (HelpError error in errors)
    {
        Console.Error.WriteLine(error);
    }

    Console.Error.WriteLine($"HelpBuilder: {errors.Count} error(s); {mamlPath} was not written.");
    return HelpInvalid;
}

bool written = OutputFile.WriteIfChanged(mamlPath, MamlWriter.Serialize(commands));
if (pagesDir is not null)
{
    OutputFile.ReplaceFolder(pagesDir,
        commands.ToDictionary(c => c.Name + ".md", c => System.Text.Encoding.UTF8.GetBytes(PlatyPsWriter.Write(c))));
}

if (topicsDir is not null)
{
    foreach (string topic in Directory.GetFiles(topicsDir, "about_*.help.txt"))
    {
        string text = CmdletListing.WithAboutSection(File.ReadAllText(topic), commands);
        OutputFile.WriteIfChanged(Path.Combine(Path.GetDirectoryName(mamlPath)!, Path.GetFileName(topic)),
            System.Text.Encoding.UTF8.GetBytes(text));
    }
}

if (readme is not null)
{
    try
    {
        bool changed = OutputFile.WriteIfChanged(readme,
            System.Text.Encoding.UTF8.GetBytes(CmdletListing.WithReadmeTable(File.ReadAllText(readme), commands)));
        Console.WriteLine($"HelpBuilder: {readme} {(changed ? "has its cmdlet table rewritten" : "was up to date")}.");
    }
    catch (FormatException e)
    {
        Console.Error.WriteLine($"{readme}: error: {e.Message}");
        return HelpInvalid;
    }
}

Console.WriteLine($"HelpBuilder: {(written ? "wrote" : "up to date:")} {commands.Count} commands to {mamlPath}.");
return Success;
