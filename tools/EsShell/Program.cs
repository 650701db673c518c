using System.Reflection;
using EsShell;

// EsShell: runs the EmailSecurity module in the PowerShell 7.6 engine, for machines with only the .NET SDK.
//   EsShell [-Sandbox] [-ModulePath <psd1> | -NoModule] [-File <path> [args...] | -Command <script...> | -Command -]

const string Usage = """
    Usage: EsShell [-Sandbox] [-ModulePath <psd1> | -NoModule] [-File <path> [args...] | -Command <script...>]
      -Sandbox          run Connect-EsAccount -Sandbox first (in-memory demo API)
      -ModulePath       module manifest to import (default: the built out/EmailSecurity/EmailSecurity.psd1)
      -NoModule         import nothing at start (the script imports the module itself)
      -File             run a script file; the remaining arguments are passed to it
      -Command          run the remaining arguments as script text; '-' reads the script from stdin
      (neither)         interactive prompt; 'exit' quits, Ctrl+C stops the running command
    Exit code: 1 if the script wrote an error or stopped on one, the value given to 'exit' if any, else 0.
    """;

var options = new ShellOptions
{
    ModulePath = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "ModulePath")?.Value,
};

for (var i = 0; i < args.Length; i++)
{
    string Value()
    {
        if (++i < args.Length) return args[i];
        Console.Error.WriteLine($"{args[i - 1]} needs a value.");
        Environment.Exit(2);
        return string.Empty;
    }

    switch (args[i].ToLowerInvariant())
    {
        case "-sandbox":
            options.Sandbox = true;
            break;
        case "-modulepath":
            options.ModulePath = Path.GetFullPath(Value());
            break;
        case "-nomodule":
            options.ModulePath = null;
            break;
        case "-file" or "-f":
            options.File = Path.GetFullPath(Value());
            options.FileArguments = args[(i + 1)..];
            i = args.Length;
            break;
        case "-command" or "-c":
            // As in pwsh, -Command takes the rest of the command line.
            var rest = string.Join(' ', args[(i + 1)..]);
            options.Command = rest == "-" ? Console.In.ReadToEnd() : rest;
            i = args.Length;
            break;
        case "-help" or "-h" or "-?" or "--help":
            Console.WriteLine(Usage);
            return 0;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'.");
            Console.Error.WriteLine(Usage);
            return 2;
    }
}

using var shell = new Shell(options);
return shell.Run();
