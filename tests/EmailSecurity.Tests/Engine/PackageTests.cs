using System.Diagnostics;
using System.IO.Compression;
using System.Management.Automation;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

/// <summary>The MSBuild packaging target: a versioned module folder and a zip that Azure Automation imports.</summary>
public sealed class PackageTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public void The_package_holds_an_importable_versioned_module_and_a_zip_of_its_folder()
    {
        var root = folder.Path + Path.DirectorySeparatorChar;
        var build = Process.Start(new ProcessStartInfo("dotnet", new[]
        {
            "msbuild", Path.Combine(Paths.RepoRoot, "src", "EmailSecurity", "EmailSecurity.csproj"), "-t:PackageModule",
            "-p:SkipModuleBuild=true", $"-p:PackageRoot={root}", "-nologo", "-v:m",
        })
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var log = build.StandardOutput.ReadToEnd() + build.StandardError.ReadToEnd();
        build.WaitForExit();
        Assert.True(build.ExitCode == 0, log);

        var version = typeof(EsConnection).Assembly.GetName().Version!.ToString(3);
        var moduleFolder = Path.Combine(folder.Path, "EmailSecurity", version);
        using (var session = EngineSession.Create(o => o.ImportModule = false))
        {
            var manifest = session.Run($"Test-ModuleManifest -Path '{Path.Combine(moduleFolder, "EmailSecurity.psd1")}'");
            manifest.ShouldSucceed();
            Assert.Equal(version, ((PSModuleInfo)manifest.Output.Single().BaseObject).Version.ToString(3));
        }

        using var zip = ZipFile.OpenRead(Path.Combine(folder.Path, $"EmailSecurity-{version}.zip"));
        var entries = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet();
        Assert.Contains("EmailSecurity/EmailSecurity.psd1", entries);
        Assert.Contains("EmailSecurity/EmailSecurity.dll", entries);
        Assert.Contains("EmailSecurity/EmailSecurity.Isolation.dll", entries);
        Assert.Contains("EmailSecurity/dependencies/Microsoft.Extensions.Http.dll", entries);
        Assert.Contains("EmailSecurity/en-US/EmailSecurity.dll-Help.xml", entries);
        Assert.Contains("EmailSecurity/en-US/about_EmailSecurity.help.txt", entries);
        Assert.All(Directory.GetFiles(Path.Combine(Paths.RepoRoot, "formats")), f => Assert.Contains("EmailSecurity/formats/" + Path.GetFileName(f), entries));
        Assert.DoesNotContain(entries, e => e.EndsWith("System.Management.Automation.dll", StringComparison.Ordinal));
        Assert.Equal(Directory.GetFiles(moduleFolder, "*", SearchOption.AllDirectories).Length, zip.Entries.Count(e => e.Length > 0 || !e.FullName.EndsWith('/')));
    }

    public void Dispose() => folder.Dispose();
}
