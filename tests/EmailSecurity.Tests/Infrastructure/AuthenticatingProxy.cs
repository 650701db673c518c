using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EmailSecurity.Tests.Infrastructure;

/// <summary>
/// A forward proxy on 127.0.0.1 that asks for Basic credentials (407) and, once given them, answers every request
/// itself with one API envelope instead of forwarding it. Records the Proxy-Authorization header of each request.
/// </summary>
public sealed class AuthenticatingProxy : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly List<string?> authorizations = new();
    private readonly string answerJson;

    public AuthenticatingProxy(string answerJson)
    {
        this.answerJson = answerJson;
        listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");

    /// <summary>The Proxy-Authorization header of every request, null where there was none.</summary>
    public IReadOnlyList<string?> Authorizations
    {
        get { lock (authorizations) return authorizations.ToArray(); }
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var head = new StringBuilder();
            var buffer = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal)
                && await stream.ReadAsync(buffer, stop.Token) == 1)
            {
                head.Append((char)buffer[0]);
            }

            var authorization = head.ToString().Split("\r\n")
                .FirstOrDefault(l => l.StartsWith("Proxy-Authorization:", StringComparison.OrdinalIgnoreCase))?[
                    "Proxy-Authorization:".Length..].Trim();
            lock (authorizations)
            {
                authorizations.Add(authorization);
            }

            var body = authorization == null ? string.Empty : answerJson;
            var status = authorization == null
                ? "407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\""
                : "200 OK\r\nContent-Type: application/json";
            var answer = $"HTTP/1.1 {status}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n" +
                $"Connection: close\r\n\r\n{body}";
            await stream.WriteAsync(Encoding.UTF8.GetBytes(answer), stop.Token);
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }
}
