using System;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using EmailSecurity.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace EmailSecurity.Client.Http
{
    /// <summary>
    /// Builds the module's HttpClients with Microsoft.Extensions.Http: the primary handler (network or the in-memory
    /// sandbox) under one ordered chain: authentication, user agent, retry, logging. Handlers are pooled and
    /// recycled by the factory, so one process keeps a few long-lived connections however many cmdlets run.
    /// </summary>
    internal sealed class HttpPipeline
    {
        private const string NetworkClient = "EmailSecurity";
        private const string SandboxClient = "EmailSecurity.Sandbox";

        private static readonly Lazy<HttpPipeline> Shared = new Lazy<HttpPipeline>(() => new HttpPipeline(new RetryPolicy(), null));

        private readonly IHttpClientFactory factory;

        /// <param name="retryPolicy">How hard to try; tests pass one with a recording delay.</param>
        /// <param name="networkHandler">Replaces the network handler (tests); null for the real one.</param>
        public HttpPipeline(RetryPolicy retryPolicy, Func<HttpMessageHandler>? networkHandler)
        {
            EnsureModernTls();
            RetryPolicy = retryPolicy;
            var services = new ServiceCollection();
            AddClient(services, NetworkClient, networkHandler ?? CreateNetworkHandler, retryPolicy);
            AddClient(services, SandboxClient, () => new SandboxHandler(SandboxApi.Instance), retryPolicy);
            factory = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        }

        public static HttpPipeline Default => Shared.Value;

        public RetryPolicy RetryPolicy { get; }

        public HttpClient ClientFor(EsConnection connection) =>
            factory.CreateClient(connection.IsSandbox ? SandboxClient : NetworkClient);

        private static void AddClient(IServiceCollection services, string name, Func<HttpMessageHandler> primary, RetryPolicy policy)
        {
            services.AddHttpClient(name, client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(primary)
                .AddHttpMessageHandler(() => new AuthenticationHandler())
                .AddHttpMessageHandler(() => new UserAgentHandler())
                .AddHttpMessageHandler(() => new RetryHandler(policy))
                .AddHttpMessageHandler(() => new LoggingHandler())
                .SetHandlerLifetime(TimeSpan.FromMinutes(5));
        }

        private static HttpMessageHandler CreateNetworkHandler() => new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            UseProxy = true,
        };

        /// <summary>Windows PowerShell 5.1 on older .NET Framework defaults may still offer TLS 1.0; the API needs 1.2+.</summary>
        private static void EnsureModernTls()
        {
            if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
            {
                ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
            }
        }
    }
}
