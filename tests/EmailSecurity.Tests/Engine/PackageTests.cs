using System.Diagnostics;
using System.IO.Compression;
using System.Management.Automation;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

/// <summary>The MSBuild packaging target: a versioned module folder and a zip that Azure Automation imports;
/// and build.ps1, run by the engine, passing its tasks to dotnet.</summary>
public sealed class PackageTests : IDisposable
{
    private const string ProjectUri = "https://packages.example.test/emailsecurity";
    private const string LicenseUri = "https://packages.example.test/emailsecurity/LICENSE";

    private readonly TempFolder folder = new();

    private static string Version => typeof(EsConnection).Assembly.GetName().Version!.ToString(3);

    private string ModuleFolder => Path.Combine(folder.Path, "EmailSecurity", Version);

    private string ZipPath => Path.Combine(folder.Path, "EmailSecurity.zip");

    [Fact]
    public void The_package_holds_an_importable_versioned_module_and_a_zip_of_its_folder()
    {
        var (exitCode, log) = Package();
        Assert.True(exitCode == 0, log);
        Assert.Contains("no ProjectUri and/or LicenseUri", log, StringComparison.Ordinal);

        var manifest = TestModuleManifest(Path.Combine(ModuleFolder, "EmailSecurity.psd1"));
        Assert.Equal(Version, manifest.Version.ToString(3));
        Assert.Null(manifest.ProjectUri);

        using var zip = ZipFile.OpenRead(ZipPath);
        var entries = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet();
        Assert.Contains("EmailSecurity/EmailSecurity.psd1", entries);
        Assert.Contains("EmailSecurity/EmailSecurity.dll", entries);
        Assert.Contains("EmailSecurity/EmailSecurity.Isolation.dll", entries);
        Assert.Contains("EmailSecurity/dependencies/Microsoft.Extensions.Http.dll", entries);
        Assert.Contains("EmailSecurity/en-US/EmailSecurity.dll-Help.xml", entries);
        Assert.Contains("EmailSecurity/en-US/about_EmailSecurity.help.txt", entries);
        Assert.Contains("EmailSecurity/LICENSE", entries);
        Assert.StartsWith("MIT License", File.ReadAllText(Path.Combine(ModuleFolder, "LICENSE")),
            StringComparison.Ordinal);
        Assert.Contains("EmailSecurity/EmailSecurity.Format.ps1xml", entries);
        Assert.Contains("EmailSecurity/EmailSecurity.Types.ps1xml", entries);
        Assert.DoesNotContain(entries, e => e.EndsWith("System.Management.Automation.dll", StringComparison.Ordinal));
        Assert.Equal(Directory.GetFiles(ModuleFolder, "*", SearchOption.AllDirectories).Length,
            zip.Entries.Count(e => e.Length > 0 || !e.FullName.EndsWith('/')));
    }

    [Fact]
    public void Gallery_links_given_when_packaging_are_in_the_packaged_manifest_and_in_the_zip()
    {
        var (exitCode, log) = Package($"-p:ModuleProjectUri={ProjectUri}", $"-p:ModuleLicenseUri={LicenseUri}");
        Assert.True(exitCode == 0, log);
        Assert.DoesNotContain("no ProjectUri and/or LicenseUri", log, StringComparison.Ordinal);

        var manifest = TestModuleManifest(Path.Combine(ModuleFolder, "EmailSecurity.psd1"));
        Assert.Equal(new Uri(ProjectUri), manifest.ProjectUri);
        Assert.Equal(new Uri(LicenseUri), manifest.LicenseUri);
        Assert.NotEmpty(manifest.Tags);
        Assert.False(string.IsNullOrWhiteSpace(manifest.ReleaseNotes));
        Assert.False(string.IsNullOrWhiteSpace(manifest.Description));

        using var zip = ZipFile.OpenRead(ZipPath);
        using var zipped = new StreamReader(zip.GetEntry("EmailSecurity/EmailSecurity.psd1")!.Open());
        Assert.Equal(File.ReadAllText(Path.Combine(ModuleFolder, "EmailSecurity.psd1")), zipped.ReadToEnd());

        // The source manifest and the importable out/ folder stay as they were.
        Assert.DoesNotContain("ProjectUri", File.ReadAllText(Path.Combine(Paths.RepoRoot, "EmailSecurity.psd1")),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ModuleProjectUri", "http://packages.example.test/emailsecurity")]
    [InlineData("ModuleLicenseUri", "https://packages.example.test/it's")]
    [InlineData("ModuleLicenseUri", "LICENSE.txt")]
    public void A_gallery_link_that_is_not_a_plain_https_address_stops_the_package(string property, string value)
    {
        var (exitCode, log) = Package($"-p:{property}={value}");

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"{property} must be an absolute https:// address", log, StringComparison.Ordinal);
        Assert.False(File.Exists(ZipPath));
    }

    [Theory]
    [InlineData("-Task Package", "build {project} -c Release -t:PackageModule")]
    [InlineData("-Task Package -Configuration Debug -OutputPath /tmp/drop/",
        "build {project} -c Debug -t:PackageModule -p:PackageRoot=/tmp/drop/")]
    [InlineData("-Task Package -Configuration Release -ProjectUri " + ProjectUri + " -LicenseUri " + LicenseUri,
        "build {project} -c Release -t:PackageModule -p:ModuleProjectUri=" + ProjectUri + " -p:ModuleLicenseUri=" +
        LicenseUri)]
    [InlineData("-Task Test", "test {solution} -c Debug")]
    [InlineData("", "build {solution} -c Debug")]
    public void Build_script_passes_its_task_to_dotnet(string arguments, string expected)
    {
        // A function named dotnet stands before the executable in command lookup, so the script's real
        // logic runs in the real engine and only the process start is replaced.
        using var session = EngineSession.Create(o => o.ImportModule = false);
        var run = session.Run($$"""
            $global:DotnetCalls = [System.Collections.Generic.List[string]]::new()
            function global:dotnet { $global:DotnetCalls.Add($args -join ' '); $global:LASTEXITCODE = 0 }
            & '{{Path.Combine(Paths.RepoRoot, "build.ps1")}}' {{arguments}}
            $global:DotnetCalls
            """);

        run.ShouldSucceed();
        Assert.Equal(
            expected.Replace("{solution}", ScriptPath("EsPowerShell.sln"))
                .Replace("{project}", ScriptPath("src/EmailSecurity/EmailSecurity.csproj")),
            Assert.Single(run.Output).ToString());
    }

    [Fact]
    public void Build_script_stops_when_dotnet_fails()
    {
        using var session = EngineSession.Create(o => o.ImportModule = false);
        var run = session.Run($$"""
            function global:dotnet { $global:LASTEXITCODE = 3 }
            & '{{Path.Combine(Paths.RepoRoot, "build.ps1")}}' -Task Test
            'not reached'
            """);

        Assert.Empty(run.Output);
        Assert.Contains($"dotnet test {ScriptPath("EsPowerShell.sln")} -c Debug failed with exit code 3.",
            run.AllText(), StringComparison.Ordinal);
    }

    /// <summary>A path as build.ps1 writes it: "$PSScriptRoot/relative".</summary>
    private static string ScriptPath(string relative) =>
        Path.TrimEndingDirectorySeparator(Paths.RepoRoot) + "/" + relative;

    private (int ExitCode, string Log) Package(params string[] properties)
    {
        var root = folder.Path + Path.DirectorySeparatorChar;
        var arguments = new[]
        {
            "msbuild", Path.Combine(Paths.RepoRoot, "src", "EmailSecurity", "EmailSecurity.csproj"), "-t:PackageModule",
            "-p:SkipModuleBuild=true", $"-p:PackageRoot={root}", "-nologo", "-v:m",
        };
        using var build = Process.Start(new ProcessStartInfo("dotnet", arguments.Concat(properties))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stderr = build.StandardError.ReadToEndAsync();
        var log = build.StandardOutput.ReadToEnd() + stderr.Result;
        build.WaitForExit();
        return (build.ExitCode, log);
    }

    private static PSModuleInfo TestModuleManifest(string path)
    {
        using var session = EngineSession.Create(o => o.ImportModule = false);
        var manifest = session.Run($"Test-ModuleManifest -Path '{path}'");
        manifest.ShouldSucceed();
        return (PSModuleInfo)manifest.Output.Single().BaseObject;
    }

    public void Dispose() => folder.Dispose();
}
