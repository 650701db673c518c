using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace EmailSecurity.Isolation
{
    /// <summary>
    /// The module's own load context. Everything it loads comes from the module's dependencies folder, so another
    /// module's copy of Microsoft.Extensions.Http (or anything else we ship) never replaces ours, and ours never
    /// replaces theirs. Assemblies of the runtime itself (System.Text.Json, System.Memory...) still come from the
    /// runtime: one copy of those types for everyone.
    /// </summary>
    public sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private readonly string folder;
        private readonly HashSet<string> platform;

        public DependencyLoadContext(string folder)
            : base("EmailSecurity", isCollectible: false)
        {
            this.folder = folder;
            platform = PlatformAssemblies();
        }

        /// <summary>
        /// Loads one of the module's dependencies by name into this context; null when it is not one.
        /// </summary>
        public Assembly? LoadDependency(AssemblyName name)
        {
            var path = PathOf(name);
            return path == null ? null : LoadFromAssemblyName(name);
        }

        protected override Assembly? Load(AssemblyName name)
        {
            var path = PathOf(name);
            return path == null ? null : LoadFromAssemblyPath(path);
        }

        private string? PathOf(AssemblyName name)
        {
            if (name.Name == null || platform.Contains(name.Name))
            {
                return null;
            }

            var path = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(path) ? path : null;
        }

        private static HashSet<string> PlatformAssemblies()
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
            {
                foreach (var path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                {
                    names.Add(Path.GetFileNameWithoutExtension(path));
                }
            }

            return names;
        }
    }
}
