using System;
using System.Net.Http;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace EmailSecurity.Client.Http
{
    /// <summary>
    /// Names the module, PowerShell and .NET versions on every request, as Cloudflare asks of API clients.
    /// </summary>
    internal sealed class UserAgentHandler : DelegatingHandler
    {
        public static readonly string UserAgent = Build();

        protected override Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request,
            CancellationToken cancellationToken)
        {
            request.Headers.UserAgent.Clear();
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            return base.SendAsync(request, cancellationToken);
        }

        private static string Build()
        {
            var module = typeof(UserAgentHandler).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = module.IndexOf('+');
            if (plus > 0)
            {
                module = module.Substring(0, plus);
            }

            var powerShell = typeof(System.Management.Automation.PSObject).Assembly.GetName().Version;
            var os = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
                ? "Windows"
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX)
                ? "macOS"
                : "Linux";
            return $"EmailSecurity-PowerShell/{module} (PowerShell {powerShell?.ToString(3)}; " +
                $"{RuntimeInformation.FrameworkDescription.Trim()}; {os})";
        }
    }
}
