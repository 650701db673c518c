using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace EmailSecurity.Client.Http
{
    /// <summary>Signs each request with the connection's credential, reading the secret only for this moment.</summary>
    internal sealed class AuthenticationHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request,
            CancellationToken cancellationToken)
        {
            var context = RequestContext.Of(request)
                ?? throw new InvalidOperationException("Request sent without a request context.");
            var connection = context.Connection;
            switch (connection.AuthKind)
            {
                case EsAuthKind.ApiToken:
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Reveal(connection.Secret));
                    break;
                case EsAuthKind.ApiKey:
                    request.Headers.Remove("X-Auth-Key");
                    request.Headers.Remove("X-Auth-Email");
                    request.Headers.TryAddWithoutValidation("X-Auth-Key", Reveal(connection.Secret));
                    request.Headers.TryAddWithoutValidation("X-Auth-Email", connection.Email);
                    break;
                case EsAuthKind.Sandbox:
                    break;
            }

            return base.SendAsync(request, cancellationToken);
        }

        private static string Reveal(SecureString? secret)
        {
            if (secret == null)
            {
                throw new InvalidOperationException("The connection has been closed. Run Connect-EsAccount again.");
            }

            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
                return Marshal.PtrToStringUni(pointer) ?? string.Empty;
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }
    }
}
