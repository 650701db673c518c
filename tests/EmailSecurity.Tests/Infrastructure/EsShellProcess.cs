using System.Diagnostics;

namespace EmailSecurity.Tests.Infrastructure;

/// <summary>The built EsShell in a process of its own, as a person runs it; stdin is closed at once.</summary>
public static class EsShellProcess
{
    public static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true,
            RedirectStandardInput = true };
        start.ArgumentList.Add(Paths.EsShellDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
