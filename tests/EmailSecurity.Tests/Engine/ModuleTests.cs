using System.Management.Automation;
using System.Reflection;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

public sealed class ModuleTests : IDisposable
{
    private readonly EngineSession session = EngineSession.Create();

    [Fact]
    public void The_manifest_passes_Test_ModuleManifest_and_carries_the_build_version()
    {
        var result = session.Run($"Test-ModuleManifest -Path '{Paths.ModuleDir}EmailSecurity.psd1'");

        result.ShouldSucceed();
        var manifest = (PSModuleInfo)result.Output.Single().BaseObject;
        var assemblyVersion = typeof(EsConnection).Assembly.GetName().Version!;
        Assert.Equal(new Version(assemblyVersion.Major, assemblyVersion.Minor, assemblyVersion.Build), manifest.Version);
        Assert.Contains("Core", manifest.CompatiblePSEditions);
        Assert.Contains("Desktop", manifest.CompatiblePSEditions);
    }

    [Fact]
    public void The_manifest_exports_exactly_the_cmdlets_the_assembly_defines()
    {
        var defined = typeof(EsConnection).Assembly.GetTypes()
            .Select(t => t.GetCustomAttribute<CmdletAttribute>())
            .Where(a => a != null)
            .Select(a => $"{a!.VerbName}-{a.NounName}")
            .OrderBy(n => n)
            .ToList();

        var exported = session.Run("Get-Command -Module EmailSecurity -CommandType Cmdlet | ForEach-Object Name").Output.Select(o => o.ToString()).OrderBy(n => n).ToList();

        Assert.Equal(defined, exported);
    }

    [Fact]
    public void The_manifest_exports_exactly_the_aliases_the_cmdlets_declare()
    {
        var declared = typeof(EsConnection).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<CmdletAttribute>() != null)
            .SelectMany(t => t.GetCustomAttribute<AliasAttribute>()?.AliasNames ?? Array.Empty<string>())
            .OrderBy(n => n)
            .ToList();

        var exported = session.Run("Get-Command -Module EmailSecurity -CommandType Alias | ForEach-Object Name").Output.Select(o => o.ToString()).OrderBy(n => n).ToList();

        Assert.Equal(declared, exported);
    }

    [Fact]
    public void Every_output_type_has_a_table_view()
    {
        var outputTypes = typeof(EsConnection).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<OutputTypeAttribute>())
            .SelectMany(a => a.Type)
            .Select(t => t.Type)
            .Where(t => t != null && t.Assembly == typeof(EsConnection).Assembly) // FileInfo and the like have PowerShell's own views
            .Distinct()
            .ToList();
        var formats = string.Concat(Directory.GetFiles(Path.Combine(Paths.ModuleDir, "formats"), "*.Format.ps1xml").Select(File.ReadAllText));

        Assert.NotEmpty(outputTypes);
        Assert.All(outputTypes, t => Assert.Contains($"<TypeName>{t!.FullName}</TypeName>", formats));
    }

    [Fact]
    public void The_manifest_loads_every_format_file_of_the_module()
    {
        var shipped = Directory.GetFiles(Path.Combine(Paths.RepoRoot, "formats"), "*.Format.ps1xml").Select(f => "formats/" + Path.GetFileName(f)).OrderBy(f => f);

        var listed = session.Run($"(Test-ModuleManifest -Path '{Paths.ModuleDir}EmailSecurity.psd1').ExportedFormatFiles | ForEach-Object {{ 'formats/' + [System.IO.Path]::GetFileName($_) }}")
            .Output.Select(o => o.ToString()).OrderBy(f => f);

        Assert.Equal(shipped, listed);
    }

    [Fact]
    public void The_module_folder_holds_no_copy_of_the_PowerShell_engine()
    {
        Assert.False(File.Exists(Path.Combine(Paths.ModuleDir, "System.Management.Automation.dll")));
        Assert.True(File.Exists(Path.Combine(Paths.ModuleDir, "dependencies", "Microsoft.Extensions.Http.dll")));
        Assert.True(File.Exists(Path.Combine(Paths.ModuleDir, "dependencies", "System.Text.Json.dll")));
        Assert.Equal(new[] { "EmailSecurity.dll", "EmailSecurity.Isolation.dll" }, Directory.GetFiles(Paths.ModuleDir, "*.dll").Select(Path.GetFileName).OrderBy(n => n));
        Assert.True(File.Exists(Path.Combine(Paths.ModuleDir, "en-US", "EmailSecurity.dll-Help.xml")));
    }

    public void Dispose() => session.Dispose();
}
