using System.Reflection;

namespace EmailSecurity.Tests.Infrastructure;

/// <summary>Where the build put things, as MSBuild wrote it into the test assembly.</summary>
public static class Paths
{
    public static string ModuleDir => Metadata("ModuleDir");

    public static string RepoRoot => Metadata("RepoRoot");

    public static string NuGetPackageRoot => Metadata("NuGetPackageRoot");

    public static string EsShellDll => Metadata("EsShellDll");

    public static string HelpBuilderDll => Metadata("HelpBuilderDll");

    public static string PesterManifest => Metadata("PesterManifest");

    private static string Metadata(string key) =>
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"No {key} metadata in the test assembly.");
}
