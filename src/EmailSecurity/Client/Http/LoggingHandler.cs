using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EmailSecurity.Client.Http
{
    /// <summary>
    /// Reports every attempt on the wire: method, URL, status and time (Verbose), and the start of each (Debug).
    /// Innermost in the chain so each retry shows. Headers are never logged: they carry the credential.
    /// </summary>
    internal sealed class LoggingHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request,
            CancellationToken cancellationToken)
        {
            var observer = RequestContext.Of(request)?.Observer ?? SilentObserver.Instance;
            observer.Debug($"Sending {request.Method} {request.RequestUri}");
            var clock = Stopwatch.StartNew();
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var ray = response.Headers.TryGetValues("cf-ray", out var rays)
                    ? $" cf-ray {rays.FirstOrDefault()}"
                    : string.Empty;
                observer.Verbose($"{request.Method} {request.RequestUri} -> {(int)response.StatusCode} " +
                    $"{response.ReasonPhrase} in {clock.ElapsedMilliseconds} ms{ray}");
                return response;
            }
            catch (Exception error) when (!(error is OperationCanceledException)
                || !cancellationToken.IsCancellationRequested)
            {
                observer.Verbose($"{request.Method} {request.RequestUri} -> failed after {clock.ElapsedMilliseconds} " +
                    $"ms: {error.GetBaseException().Message}");
                throw;
            }
        }
    }
}
