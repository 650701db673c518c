using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EmailSecurity.Simulator;

namespace EmailSecurity.Sandbox
{
    /// <summary>
    /// The primary handler of sandbox connections: answers from the in-memory API, the same implementation the
    /// test emulator serves over HTTP, so the sandbox behaves like the real service without a network.
    /// </summary>
    internal sealed class SandboxHandler : HttpMessageHandler
    {
        private readonly EmailSecurityApi api;

        public SandboxHandler(EmailSecurityApi api)
        {
            this.api = api;
        }

        protected override async Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request,
            CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
            var path = uri.GetComponents(UriComponents.Path | UriComponents.KeepDelimiter, UriFormat.UriEscaped);
            var accounts = path.IndexOf("/accounts/", StringComparison.Ordinal);
            var apiPath = accounts >= 0 ? path.Substring(accounts) : path;
            var query = uri.Query.Length > 1 ? uri.Query.Substring(1) : null;
            var body = request.Content == null ? null : await request.Content.ReadAsStringAsync().ConfigureAwait(false);

            var answer = api.Handle(new SimulatedRequest(request.Method.Method, apiPath, query, body));
            var response = new HttpResponseMessage((HttpStatusCode)answer.StatusCode)
            {
                RequestMessage = request,
                Content = new StringContent(answer.Body, Encoding.UTF8, "application/json"),
            };
            foreach (var header in answer.Headers)
            {
                if (string.Equals(header.Key, "Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!response.Headers.TryAddWithoutValidation(header.Key, header.Value))
                {
                    response.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            return response;
        }
    }

    /// <summary>
    /// The process's sandbox API. Each sandbox connection gets its own account id, so sessions do not share data;
    /// every account holds the same demo data, generated back from the start of the current UTC day, so an id
    /// copied from one session finds its message in the next (message ids embed their scan time).
    /// </summary>
    internal static class SandboxApi
    {
        public static readonly EmailSecurityApi Instance =
            new EmailSecurityApi(dataClock: () => StartOfDay(DateTimeOffset.UtcNow));

        public static readonly Uri BaseUri = new Uri("https://sandbox.emailsecurity.invalid/client/v4");

        public const string SeedVersion = "seed";

        public const string CurrentVersion = "2026-10";

        /// <summary>The API as it is today: what a script meets on the live service.</summary>
        public const string DefaultVersion = CurrentVersion;

        /// <summary>
        /// Makes the sandbox account answer in the given API version's shapes (see the emulator's versions).
        /// </summary>
        public static void PlayVersion(string accountId, string versionName) =>
            Instance.SetApiVersion(accountId, ApiVersions.Parse(versionName)
                ?? throw new ArgumentException($"The sandbox knows no API version '{versionName}'.",
                    nameof(versionName)));

        internal static string VersionOf(string accountId) => ApiVersions.Name(Instance.GetApiVersion(accountId));

        internal static DateTimeOffset StartOfDay(DateTimeOffset time) =>
            new DateTimeOffset(time.UtcDateTime.Date, TimeSpan.Zero);
    }
}
