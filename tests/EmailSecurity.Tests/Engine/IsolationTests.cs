using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

/// <summary>
/// The module beside other modules: older copies of its dependencies are loaded into the process first, as Az or
/// Microsoft.Graph would, and the module must still import and work. Runs in a fresh process (EsShell), because
/// this test process has long since loaded the module's own copies.
/// </summary>
public sealed class IsolationTests
{
    [Fact]
    public void The_module_works_after_another_module_loaded_older_versions_of_its_dependencies()
    {
        var http6 = Path.Combine(Paths.NuGetPackageRoot, "microsoft.extensions.http", "6.0.0", "lib", "netstandard2.0",
            "Microsoft.Extensions.Http.dll");
        var injection6 = Path.Combine(Paths.NuGetPackageRoot, "microsoft.extensions.dependencyinjection.abstractions",
            "6.0.0", "lib", "netstandard2.0", "Microsoft.Extensions.DependencyInjection.Abstractions.dll");
        Assert.True(File.Exists(http6), http6);
        var script = string.Join("; ",
            $"[void][System.Reflection.Assembly]::LoadFrom('{injection6}')",
            $"[void][System.Reflection.Assembly]::LoadFrom('{http6}')",
            $"Import-Module '{Path.Combine(Paths.ModuleDir, "EmailSecurity.psd1")}' -ErrorAction Stop",
            "Connect-EsAccount -Sandbox",
            "'found ' + @(Get-EsMessage -First 3).Count",
            "[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq " +
            "'Microsoft.Extensions.Http' } | ForEach-Object { 'loaded ' + $_.GetName().Version + ' in ' + " +
            "[System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name }");

        var (exitCode, output) = EsShellProcess.Run("-NoModule", "-Command", script);

        Assert.True(exitCode == 0, output);
        Assert.Contains("found 3", output);
        Assert.Contains("loaded 6.0.0.0 in Default", output);
        Assert.Contains("loaded 8.0.0.0 in EmailSecurity", output);
    }
}
