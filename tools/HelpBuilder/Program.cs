using EmailSecurity.HelpBuilder;

// HelpBuilder <docsDir> <outputMamlPath>
//
// Reads every cmdlet page (platyPS layout) in docsDir and writes the MAML file Get-Help reads for
// the module's binary cmdlets. Pages without "external help file" front matter (guides, the
// module page) are skipped. Exit codes: 0 written, 1 the docs have errors, 2 wrong arguments.
//
// Problems are printed as "file(line): error: message", the form MSBuild's Exec task recognises,
// so a broken page fails the module build with an error that names the file and the line.

const int Success = 0;
const int DocsInvalid = 1;
const int UsageError = 2;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: HelpBuilder <docsDir> <outputMamlPath>");
    Console.Error.WriteLine("  Converts the platyPS-layout cmdlet pages in <docsDir> (*.md) to one MAML help file.");
    return UsageError;
}

string docsDir = Path.GetFullPath(args[0]);
string outputPath = Path.GetFullPath(args[1]);
if (!Directory.Exists(docsDir))
{
    Console.Error.WriteLine($"HelpBuilder: error: the docs folder does not exist: {docsDir}");
    return UsageError;
}

var parser = new HelpMarkdownParser { ExpectedExternalHelpFile = Path.GetFileName(outputPath) };
var commands = new List<CommandHelp>();
var errors = new List<string>();

// Ordinal order: the same files give the same output (and the same error order) everywhere.
string[] files = Directory.GetFiles(docsDir, "*.md", SearchOption.TopDirectoryOnly);
Array.Sort(files, StringComparer.Ordinal);
foreach (string file in files)
{
    try
    {
        CommandHelp? command = parser.ParseFile(file);
        if (command is null)
        {
            continue;
        }

        CommandHelp? earlier = commands.FirstOrDefault(c => string.Equals(c.Name, command.Name, StringComparison.OrdinalIgnoreCase));
        if (earlier is not null)
        {
            errors.Add(FormatError(command.Location, $"{command.Name} is already documented in {earlier.Location}"));
            continue;
        }

        commands.Add(command);
    }
    catch (HelpFormatException e)
    {
        errors.Add(FormatError(e.Location, e.Reason));
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
    {
        errors.Add($"{file}: error: cannot read the file: {e.Message}");
    }
}

if (errors.Count == 0 && commands.Count == 0)
{
    errors.Add($"{docsDir}: error: no cmdlet pages (markdown with 'external help file' front matter) found");
}

if (errors.Count > 0)
{
    foreach (string error in errors)
    {
        Console.Error.WriteLine(error);
    }

    Console.Error.WriteLine($"HelpBuilder: {errors.Count} error(s); {outputPath} was not written.");
    return DocsInvalid;
}

byte[] maml = MamlWriter.Serialize(commands);

// Rewrite only when the content changed, so an unchanged help file keeps its timestamp and
// incremental builds stay incremental. The new file is written beside the old one and moved over
// it, so a reader never sees half a file.
if (File.Exists(outputPath) && File.ReadAllBytes(outputPath).AsSpan().SequenceEqual(maml))
{
    Console.WriteLine($"HelpBuilder: {outputPath} is up to date ({commands.Count} commands).");
    return Success;
}

Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
string temporary = outputPath + ".tmp";
File.WriteAllBytes(temporary, maml);
File.Move(temporary, outputPath, overwrite: true);
Console.WriteLine($"HelpBuilder: wrote {commands.Count} commands to {outputPath}.");
return Success;

static string FormatError(SourceLocation location, string message) => $"{location.File}({location.Line}): error: {message}";
