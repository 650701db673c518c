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
    /// sandbox) under one ordered chain: authentication, user agent, retry, rate budget, logging. Handlers are pooled
    /// and recycled by the factory, so one process keeps a few long-lived connections however many cmdlets run.
    /// </summary>
    internal sealed class HttpPipeline
    {
        private const string NetworkClient = "EmailSecurity";
        private const string SandboxClient = "EmailSecurity.Sandbox";

        private static readonly Lazy<HttpPipeline> Shared =
            new Lazy<HttpPipeline>(() => new HttpPipeline(new RetryPolicy(), null));
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, HttpPipeline> ByProxy =
            new System.Collections.Concurrent.ConcurrentDictionary<string, HttpPipeline>(StringComparer.Ordinal);

        private readonly IHttpClientFactory factory;

        /// <param name="retryPolicy">How hard to try; tests pass one with a recording delay.</param>
        /// <param name="networkHandler">Replaces the network handler (tests); null for the real one.</param>
        public HttpPipeline(RetryPolicy retryPolicy, Func<HttpMessageHandler>? networkHandler)
        {
            EnsureModernTls();
            RetryPolicy = retryPolicy;
            var services = new ServiceCollection();
            AddClient(services, NetworkClient, networkHandler ?? (() => CreateNetworkHandler(null)), retryPolicy);
            AddClient(services, SandboxClient, () => new SandboxHandler(SandboxApi.Instance), retryPolicy);
            factory = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        }

        public static HttpPipeline Default => Shared.Value;

        /// <summary>
        /// The process's pipeline for a connection: the shared one, or one per explicit proxy and proxy credential.
        /// </summary>
        public static HttpPipeline For(EsConnection connection)
        {
            if (connection.Pipeline != null)
            {
                return connection.Pipeline;
            }

            if (connection.Proxy == null || connection.IsSandbox)
            {
                return Default;
            }

            var proxy = connection.Proxy;
            var credential = connection.ProxyCredential;
            var useDefault = connection.ProxyUsesDefaultCredentials;
            // Not both setters: WebProxy.UseDefaultCredentials = false clears Credentials.
            return ByProxy.GetOrAdd(ProxyKey(proxy, credential, useDefault),
                _ => new HttpPipeline(Default.RetryPolicy, () => CreateNetworkHandler(
                    new WebProxy(proxy)
                    {
                        Credentials = credential ?? (useDefault ? CredentialCache.DefaultCredentials : null)
                    })));
        }

        /// <summary>
        /// One pipeline per proxy and credential; the password enters the key only as a hash, which is never shown.
        /// </summary>
        private static string ProxyKey(Uri proxy, NetworkCredential? credential, bool useDefault)
        {
            var password = credential == null ? string.Empty : credential.Password;
            using (var sha = System.Security.Cryptography.SHA256.Create())
            {
                var hash = Convert.ToBase64String(sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(password)));
                return $"{proxy.AbsoluteUri}|{useDefault}|{credential?.Domain}\\{credential?.UserName}|{hash}";
            }
        }

        public RetryPolicy RetryPolicy { get; }

        public HttpClient ClientFor(EsConnection connection) =>
            factory.CreateClient(connection.IsSandbox ? SandboxClient : NetworkClient);

        private static void AddClient(
            IServiceCollection services,
            string name,
            Func<HttpMessageHandler> primary,
            RetryPolicy policy)
        {
            services.AddHttpClient(name, client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(primary)
                .AddHttpMessageHandler(() => new AuthenticationHandler())
                .AddHttpMessageHandler(() => new UserAgentHandler())
                .AddHttpMessageHandler(() => new RetryHandler(policy))
                .AddHttpMessageHandler(() => new RateBudgetHandler(policy))
                .AddHttpMessageHandler(() => new LoggingHandler())
                .SetHandlerLifetime(TimeSpan.FromMinutes(5));
        }

        /// <param name="proxy">An explicit proxy, or null for the system's: HTTPS_PROXY/NO_PROXY on PowerShell 7, the
        /// OS settings on Windows.</param>
        private static HttpMessageHandler CreateNetworkHandler(IWebProxy? proxy)
        {
            var handler = new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                UseProxy = true,

                // Redirects are followed by the core, which knows which are safe (EsApiClient.ExchangeAsync).
                AllowAutoRedirect = false,
            };
            if (proxy != null)
            {
                handler.Proxy = proxy;
            }

            return handler;
        }

        /// <summary>
        /// Windows PowerShell 5.1 on older .NET Framework defaults may still offer TLS 1.0; the API needs 1.2+.
        /// </summary>
        private static void EnsureModernTls()
        {
            if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
            {
                ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
            }
        }
    }
}
