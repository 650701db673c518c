using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace EmailSecurity.Loading
{
    /// <summary>
    /// Loads the module's dependencies from its own <c>dependencies</c> folder, apart from what other modules load.
    /// On PowerShell 7 they go into a private AssemblyLoadContext (EmailSecurity.Isolation.dll, created by
    /// reflection because netstandard2.0 cannot name the type); on Windows PowerShell 5.1, where assemblies of
    /// different versions live side by side, they are loaded by path. Only requests for assemblies we ship, or made
    /// by our own assemblies, are answered; everything else is left to PowerShell.
    /// </summary>
    public sealed class DependencyResolver : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly object Gate = new object();
        private static readonly string ModuleFolder = Path.GetDirectoryName(
            typeof(DependencyResolver).Assembly.Location) ?? string.Empty;
        private static readonly string DependencyFolder = Path.Combine(ModuleFolder, "dependencies");
        private static Dictionary<string, AssemblyName>? shipped;
        private static Func<AssemblyName, Assembly?>? loadIsolated;
        private static bool registered;

        public void OnImport() => Register();

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            lock (Gate)
            {
                if (registered)
                {
                    AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
                    registered = false;
                }
            }
        }

        /// <summary>Idempotent; also called by tests that use the module's types without importing it.</summary>
        public static void Register()
        {
            lock (Gate)
            {
                if (registered || !Directory.Exists(DependencyFolder))
                {
                    return;
                }

                shipped = Directory.EnumerateFiles(DependencyFolder, "*.dll")
                    .Select(AssemblyName.GetAssemblyName)
                    .ToDictionary(n => n.Name!, StringComparer.OrdinalIgnoreCase);
                loadIsolated = loadIsolated ?? CreateIsolatedLoader();
                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
                registered = true;
            }
        }

        /// <summary>The context's loader on .NET (PowerShell 7); null on .NET Framework.</summary>
        private static Func<AssemblyName, Assembly?>? CreateIsolatedLoader()
        {
            if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
            {
                return null;
            }

            var isolation = Assembly.LoadFrom(Path.Combine(ModuleFolder, "EmailSecurity.Isolation.dll"));
            var contextType = isolation.GetType("EmailSecurity.Isolation.DependencyLoadContext", throwOnError: true)!;
            var context = Activator.CreateInstance(contextType, DependencyFolder);
            var load = contextType.GetMethod("LoadDependency", new[] { typeof(AssemblyName) })!;
            return name => (Assembly?)load.Invoke(context, new object[] { name });
        }

        private static Assembly? Resolve(object sender, ResolveEventArgs args)
        {
            var requested = new AssemblyName(args.Name);
            var ours = shipped;
            if (ours == null || requested.Name == null || !ours.TryGetValue(requested.Name, out var shippedName))
            {
                return null;
            }

            var requester = args.RequestingAssembly;
            var fromUs = requester != null && IsOurs(requester);
            var exactlyOurs =
                string.Equals(requested.FullName, shippedName.FullName, StringComparison.OrdinalIgnoreCase);
            if (!fromUs && !exactlyOurs)
            {
                return null;
            }

            return loadIsolated != null
                ? loadIsolated(requested)
                : Assembly.LoadFrom(Path.Combine(DependencyFolder, requested.Name + ".dll"));
        }

        private static bool IsOurs(Assembly assembly)
        {
            try
            {
                var location = assembly.Location;
                return !string.IsNullOrEmpty(location)
                    && location.StartsWith(ModuleFolder, StringComparison.OrdinalIgnoreCase);
            }
            catch (NotSupportedException)
            {
                return false;
            }
        }
    }
}
