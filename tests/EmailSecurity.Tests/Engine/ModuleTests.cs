using System.Management.Automation;
using System.Management.Automation.Language;
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
        Assert.Equal(new Version(assemblyVersion.Major, assemblyVersion.Minor, assemblyVersion.Build),
            manifest.Version);
        Assert.Contains("Core", manifest.CompatiblePSEditions);
        Assert.Contains("Desktop", manifest.CompatiblePSEditions);
    }

    [Fact]
    public void The_manifest_exports_exactly_the_cmdlets_the_assembly_defines()
    {
        var exported = session.Run("Get-Command -Module EmailSecurity -CommandType Cmdlet | " +
            "ForEach-Object Name").Output.Select(o => o.ToString()).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(DefinedCmdlets(), exported);
    }

    [Fact]
    public void The_manifest_exports_exactly_the_aliases_the_cmdlets_declare()
    {
        var exported = session.Run("Get-Command -Module EmailSecurity -CommandType Alias | " +
            "ForEach-Object Name").Output.Select(o => o.ToString()).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(DeclaredAliases(), exported);
    }

    [Fact]
    public void The_built_manifest_names_each_cmdlet_and_alias_the_assembly_defines_and_its_version()
    {
        var manifest = ManifestData(Path.Combine(Paths.ModuleDir, "EmailSecurity.psd1"));
        var version = typeof(EsConnection).Assembly.GetName().Version!;

        // Named one by one (no '*'), so PowerShell finds the commands without loading the module.
        Assert.Equal(DefinedCmdlets(), Strings(manifest["CmdletsToExport"]));
        Assert.Equal(DeclaredAliases(), Strings(manifest["AliasesToExport"]));
        Assert.Equal(version.ToString(3), manifest["ModuleVersion"]);
    }

    [Fact]
    public void The_source_manifest_is_a_valid_manifest_that_keeps_no_list_of_cmdlets()
    {
        using var folder = new TempFolder();
        foreach (var file in Directory.GetFiles(Paths.ModuleDir, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(folder.Path, Path.GetRelativePath(Paths.ModuleDir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var source = Path.Combine(Paths.RepoRoot, "EmailSecurity.psd1");
        File.Copy(source, folder.File("EmailSecurity.psd1"), overwrite: true);

        session.Run($"Test-ModuleManifest -Path '{folder.File("EmailSecurity.psd1")}'").ShouldSucceed();
        var manifest = ManifestData(source);
        Assert.Equal("*", manifest["CmdletsToExport"]);
        Assert.Equal("*", manifest["AliasesToExport"]);
    }

    [Fact]
    public void Every_output_type_has_a_table_view()
    {
        var outputTypes = typeof(EsConnection).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<OutputTypeAttribute>())
            .SelectMany(a => a.Type)
            .Select(t => t.Type)
            // FileInfo and the like have PowerShell's own views
            .Where(t => t != null && t.Assembly == typeof(EsConnection).Assembly)
            .Distinct()
            .ToList();
        var formats = string.Concat(Directory.GetFiles(Paths.ModuleDir, "*.Format.ps1xml").Select(File.ReadAllText));

        Assert.NotEmpty(outputTypes);
        Assert.All(outputTypes, t => Assert.Contains($"<TypeName>{t!.FullName}</TypeName>", formats));
    }

    [Fact]
    public void The_manifest_loads_every_format_and_types_file_the_build_wrote()
    {
        var written =
            Directory.GetFiles(Paths.ModuleDir, "*.ps1xml").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        var module = $"Test-ModuleManifest -Path '{Paths.ModuleDir}EmailSecurity.psd1'";
        var listed = session.Run($"$m = {module}; @($m.ExportedFormatFiles) + @($m.ExportedTypeFiles) | " +
            "ForEach-Object { [System.IO.Path]::GetFileName($_) }")
            .Output.Select(o => o.ToString()).Order(StringComparer.Ordinal);

        Assert.Equal(["EmailSecurity.Format.ps1xml", "EmailSecurity.Types.ps1xml"], written);
        Assert.Equal(written, listed);
    }

    [Fact]
    public void The_module_folder_holds_no_copy_of_the_PowerShell_engine()
    {
        Assert.False(File.Exists(Path.Combine(Paths.ModuleDir, "System.Management.Automation.dll")));
        Assert.True(File.Exists(Path.Combine(Paths.ModuleDir, "dependencies", "Microsoft.Extensions.Http.dll")));
        Assert.True(File.Exists(Path.Combine(Paths.ModuleDir, "dependencies", "System.Text.Json.dll")));
        Assert.Equal(new[] { "EmailSecurity.dll", "EmailSecurity.Isolation.dll" },
            Directory.GetFiles(Paths.ModuleDir, "*.dll").Select(Path.GetFileName).OrderBy(n => n));
        Assert.True(File.Exists(Path.Combine(Paths.ModuleDir, "en-US", "EmailSecurity.dll-Help.xml")));
    }

    private static List<string> DefinedCmdlets() => typeof(EsConnection).Assembly.GetTypes()
        .Select(t => t.GetCustomAttribute<CmdletAttribute>())
        .Where(a => a != null)
        .Select(a => $"{a!.VerbName}-{a.NounName}")
        .Order(StringComparer.Ordinal)
        .ToList();

    private static List<string> DeclaredAliases() => typeof(EsConnection).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<CmdletAttribute>() != null)
        .SelectMany(t => t.GetCustomAttribute<AliasAttribute>()?.AliasNames ?? Array.Empty<string>())
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>A manifest's hashtable as data, read the way PowerShell reads a .psd1 (no code runs).</summary>
    private static System.Collections.Hashtable ManifestData(string path)
    {
        var ast = Parser.ParseFile(path, out _, out var errors);
        Assert.Empty(errors);
        return (System.Collections.Hashtable)((HashtableAst)ast.Find(a => a is HashtableAst, false)!).SafeGetValue();
    }

    private static List<string> Strings(object? value) =>
        Assert.IsType<object[]>(value).Select(v => Assert.IsType<string>(v)).Order(StringComparer.Ordinal).ToList();

    public void Dispose() => session.Dispose();
}
