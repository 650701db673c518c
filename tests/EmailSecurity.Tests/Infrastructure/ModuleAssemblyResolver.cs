using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace EmailSecurity.Tests.Infrastructure;

/// <summary>
/// Loads the module's own assembly from the module folder, the one Import-Module uses, instead of from the test
/// output, and lets the module's dependency resolver (the same one Import-Module registers) load the rest from
/// the module's dependencies folder. Tests that touch the module's C# types and the engine that imports the
/// module then share one copy of each assembly, so type checks such as Objects&lt;Message&gt;() work.
/// </summary>
public static class ModuleAssemblyResolver
{
    private static int registered;

#pragma warning disable CA2255 // A module initializer is the point: it must run before any test touches a module type.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize() => Register();

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 0)
        {
            AssemblyLoadContext.Default.Resolving += Resolve;
            RegisterModuleResolver();
        }
    }

    // Separate method: EmailSecurity.dll must be resolvable (above) before the JIT compiles a call into it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RegisterModuleResolver() => EmailSecurity.Loading.DependencyResolver.Register();

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        var path = Path.Combine(Paths.ModuleDir, name.Name + ".dll");
        return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
    }
}
