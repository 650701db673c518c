using System.Reflection;
using System.Runtime.Loader;
using EmailSecurity.ViewBuilder;

// ViewBuilder <moduleAssembly> <outputFolder>
//
// Loads the compiled module (its dependencies from its own folder) and writes, into outputFolder, the module's views
// (EmailSecurity.Format.ps1xml) and the alias properties their labels name (EmailSecurity.Types.ps1xml), read from the
// view attributes of its types (ViewModel). A file is rewritten only when its text changes. Exit codes: 0 written or up
// to date, 1 the attributes describe no valid view (each problem printed), 2 wrong arguments.

const int Success = 0;
const int Failed = 1;
const int UsageError = 2;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ViewBuilder <moduleAssembly> <outputFolder>");
    return UsageError;
}

string assemblyPath = Path.GetFullPath(args[0]);
string output = Path.GetFullPath(args[1]);
string folder = Path.GetDirectoryName(assemblyPath)!;
AssemblyLoadContext.Default.Resolving += (context, name) =>
    File.Exists(Path.Combine(folder, name.Name + ".dll"))
        ? context.LoadFromAssemblyPath(Path.Combine(folder, name.Name + ".dll"))
        : null;

try
{
    var views = ViewModel.Read(AssemblyLoadContext.Default.LoadFromAssemblyPath(assemblyPath));
    Directory.CreateDirectory(output);
    var written = new[] { (ViewFiles.FormatFile, ViewFiles.Format(views)),
        (ViewFiles.TypesFile, ViewFiles.Types(views)) }
        .Count(file => WriteIfChanged(Path.Combine(output, file.Item1), file.Item2));
    Console.WriteLine($"ViewBuilder: {views.Count} types' views, {written} file(s) written to {output}.");
    return Success;
}
catch (FormatException e)
{
    foreach (string problem in e.Message.Split(Environment.NewLine))
    {
        Console.Error.WriteLine($"{assemblyPath}: error: {problem}");
    }

    return Failed;
}
catch (Exception e) when (e is IOException or BadImageFormatException or ReflectionTypeLoadException)
{
    Console.Error.WriteLine($"ViewBuilder: error: {e.Message}");
    return Failed;
}

static bool WriteIfChanged(string path, string text)
{
    if (File.Exists(path) && File.ReadAllText(path) == text)
    {
        return false;
    }

    File.WriteAllText(path, text);
    return true;
}
