using System;
using System.Net;
using System.Security;
using EmailSecurity.Models;

namespace EmailSecurity
{
    /// <summary>How a connection proves who it is to the API.</summary>
    public enum EsAuthKind
    {
        ApiToken,
        ApiKey,
        Sandbox,
    }

    /// <summary>
    /// One account on one API endpoint with its credential. The secret lives only in a SecureString and is
    /// read at the moment a request is signed; nothing here prints it.
    /// </summary>
    public sealed class EsConnection
    {
        public const string DefaultBaseUri = "https://api.cloudflare.com/client/v4";

        internal EsConnection(string accountId, Uri baseUri, EsAuthKind authKind, SecureString? secret, string? email)
        {
            AccountId = accountId;
            BaseUri = baseUri;
            AuthKind = authKind;
            Secret = secret;
            Email = email;
            ConnectedAt = DateTimeOffset.UtcNow;
        }

        [TableColumn(1, Width = 34)]
        [ListItem(1)]
        public string AccountId { get; }

        [TableColumn(4)]
        [ListItem(4)]
        public Uri BaseUri { get; }

        [TableColumn(2, Width = 9)]
        [ListItem(2)]
        public EsAuthKind AuthKind { get; }

        /// <summary>The e-mail address that goes with a legacy API key; empty for tokens.</summary>
        [TableColumn(3, Width = 28)]
        [ListItem(3)]
        public string? Email { get; }

        [ListItem(6)]
        public DateTimeOffset ConnectedAt { get; }

        [ListItem(5)]
        public bool IsSandbox => AuthKind == EsAuthKind.Sandbox;

        /// <summary>
        /// How long one attempt of a request may take before it counts as failed (and reads are retried).
        /// </summary>
        public TimeSpan RequestTimeout { get; internal set; } = DefaultRequestTimeout;

        /// <summary>
        /// The longest one request may spend waiting in all before it fails: for rate limits (Retry-After, the request
        /// budget), back-off after failures, and polling a search the API finishes later (202 Accepted).
        /// </summary>
        public TimeSpan MaxWait { get; internal set; } = DefaultMaxWait;

        /// <summary>
        /// The proxy this connection goes through; null for the system's (HTTPS_PROXY, or the OS settings).
        /// </summary>
        public Uri? Proxy { get; internal set; }

        /// <summary>The credential the proxy asks for (-ProxyCredential); never shown.</summary>
        internal NetworkCredential? ProxyCredential { get; set; }

        /// <summary>Whether the proxy gets the signed-in user's credentials (-ProxyUseDefaultCredentials).</summary>
        public bool ProxyUsesDefaultCredentials { get; internal set; }

        internal static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(100);

        /// <summary>
        /// Ten minutes: two of Cloudflare's five-minute lockouts, or a long search; a bound a runbook can plan for.
        /// </summary>
        internal static readonly TimeSpan DefaultMaxWait = TimeSpan.FromMinutes(10);

        /// <summary>
        /// The HTTP pipeline of this connection when it is not the process's own (tests, to observe waits).
        /// </summary>
        internal Client.Http.HttpPipeline? Pipeline { get; set; }

        internal SecureString? Secret { get; private set; }

        /// <summary>A copy of this connection that works on another account with the same credential.</summary>
        internal EsConnection ForAccount(string accountId) =>
            string.Equals(accountId, AccountId, StringComparison.Ordinal)
                ? this
                : new EsConnection(accountId, BaseUri, AuthKind, Secret, Email)
                {
                    RequestTimeout = RequestTimeout,
                    MaxWait = MaxWait,
                    Pipeline = Pipeline,
                    Proxy = Proxy,
                    ProxyCredential = ProxyCredential,
                    ProxyUsesDefaultCredentials = ProxyUsesDefaultCredentials,
                    credentialOwner = this,
                };

        /// <summary>The connection whose credential a copy for another account (-AccountId) shares.</summary>
        private EsConnection? credentialOwner;

        private bool closed;

        /// <summary>
        /// Disconnect-EsAccount closed it, or the connection it was copied from: its secret is gone, and a kept copy
        /// (-PassThru, or the connection an object carries) cannot be used.
        /// </summary>
        internal bool IsClosed => closed || credentialOwner?.IsClosed == true;

        /// <summary>
        /// Which account on which API it reaches, whatever the credential: equal for connections to the same data.
        /// </summary>
        internal string AccountKey => AccountId.ToLowerInvariant() + " at " + BaseUri.AbsoluteUri;

        /// <summary>
        /// The request shapes this connection's API was seen to take (see <see cref="Client.RequestShape"/>).
        /// </summary>
        internal Client.ShapeMemory Shapes { get; } = new Client.ShapeMemory();

        internal void ForgetSecret()
        {
            Secret?.Dispose();
            Secret = null;
            closed = true;
        }

        public override string ToString() => $"{AccountId} at {BaseUri} ({AuthKind})";
    }
}
