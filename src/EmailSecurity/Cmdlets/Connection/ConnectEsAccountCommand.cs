using System;
using System.Globalization;
using System.Management.Automation;
using System.Net;
using System.Security;
using EmailSecurity.Client.Http;
using EmailSecurity.Sandbox;

namespace EmailSecurity.Cmdlets.Connection
{
    /// <summary>
    /// Sets the session's connection: an account id with an API token (or a legacy key and e-mail), from parameters,
    /// an Automation credential or the environment variables Cloudflare's own SDKs read; or the in-memory sandbox.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "EsAccount", DefaultParameterSetName = TokenSet)]
    [OutputType(typeof(EsConnection))]
    public sealed class ConnectEsAccountCommand : EsCmdlet
    {
        private const string TokenSet = "Token";
        private const string KeySet = "ApiKey";
        private const string CredentialSet = "Credential";
        private const string SandboxSet = "Sandbox";

        [Parameter(ParameterSetName = TokenSet, Position = 0)]
        [Parameter(ParameterSetName = KeySet, Position = 0)]
        [Parameter(ParameterSetName = SandboxSet, Position = 0)]
        [ValidateAccountId]
        public string? AccountId { get; set; }

        [Parameter(ParameterSetName = TokenSet)]
        [ValidateNotNull]
        public SecureString? ApiToken { get; set; }

        [Parameter(ParameterSetName = KeySet, Mandatory = true)]
        [ValidateNotNull]
        public SecureString? ApiKey { get; set; }

        [Parameter(ParameterSetName = KeySet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? Email { get; set; }

        /// <summary>
        /// User name = account id, password = API token: the shape of an Azure Automation credential asset.
        /// </summary>
        [Parameter(ParameterSetName = CredentialSet, Mandatory = true)]
        [ValidateNotNull]
        [Credential]
        public PSCredential? Credential { get; set; }

        [Parameter(ParameterSetName = TokenSet)]
        [Parameter(ParameterSetName = KeySet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        [Parameter(ParameterSetName = SandboxSet, Mandatory = true)]
        public SwitchParameter Sandbox { get; set; }

        /// <summary>
        /// The API version the sandbox plays: last year's request shapes (seed) or today's (2026-10).
        /// </summary>
        [Parameter(ParameterSetName = SandboxSet)]
        [ValidateSet(SandboxApi.SeedVersion, SandboxApi.CurrentVersion)]
        public string SandboxApiVersion { get; set; } = SandboxApi.DefaultVersion;

        /// <summary>Seconds one attempt of a request may take (default 100); reads that time out are retried.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = (int)EsConnection.DefaultRequestTimeout.TotalSeconds;

        /// <summary>
        /// Seconds one request may spend waiting in all (default 600): for rate limits, retries and a search the API
        /// finishes later (202). Past it the request fails with an error that says so.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int MaxWaitSec { get; set; } = (int)EsConnection.DefaultMaxWait.TotalSeconds;

        /// <summary>
        /// A proxy for this connection. Without it the system's proxy is used (HTTPS_PROXY on PowerShell 7).
        /// </summary>
        [Parameter(ParameterSetName = TokenSet)]
        [Parameter(ParameterSetName = KeySet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [ValidateNotNull]
        public Uri? Proxy { get; set; }

        /// <summary>
        /// The user name and password the proxy asks for; kept apart from -Proxy so it never shows in a log.
        /// </summary>
        [Parameter(ParameterSetName = TokenSet)]
        [Parameter(ParameterSetName = KeySet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [ValidateNotNull]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        /// <summary>Sends the signed-in user's Windows credentials to the proxy (NTLM/Kerberos proxies).</summary>
        [Parameter(ParameterSetName = TokenSet)]
        [Parameter(ParameterSetName = KeySet)]
        [Parameter(ParameterSetName = CredentialSet)]
        public SwitchParameter ProxyUseDefaultCredentials { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            var connection = ParameterSetName == SandboxSet ? ConnectSandbox() : ConnectAccount();
            connection.RequestTimeout = TimeSpan.FromSeconds(TimeoutSec);
            connection.MaxWait = TimeSpan.FromSeconds(MaxWaitSec);
            if (Proxy != null)
            {
                if (!Proxy.IsAbsoluteUri || (Proxy.Scheme != Uri.UriSchemeHttp && Proxy.Scheme != Uri.UriSchemeHttps))
                {
                    var shownProxy = WithoutUserInfo(Proxy.OriginalString);
                    Fail(
                        $"The proxy '{shownProxy}' must be an absolute http:// or https:// URI, for example " +
                        "http://proxy.contoso.example:8080.",
                        "EsInvalidProxy",
                        shownProxy);
                }

                if (Proxy.UserInfo.Length > 0)
                {
                    // Shown without its user part: the password must not reach the error stream either.
                    var shown = new UriBuilder(Proxy) { UserName = string.Empty, Password = string.Empty }.Uri;
                    Fail(
                        $"The proxy address '{shown}' carries a user name or password, which would show wherever the " +
                        "address is logged. Give the address alone and the credential with -ProxyCredential.",
                        "EsInvalidProxy", shown);
                }

                connection.Proxy = Proxy;
                connection.ProxyCredential = ProxyCredential?.GetNetworkCredential();
                connection.ProxyUsesDefaultCredentials = ProxyUseDefaultCredentials;
            }
            else if (ProxyCredential != null || ProxyUseDefaultCredentials)
            {
                Fail("-ProxyCredential and -ProxyUseDefaultCredentials go with -Proxy: give the proxy's address too.",
                    "EsInvalidProxy", null);
            }

            EsSession.Current = connection;
            WriteVerbose(
                $"Connected to account {connection.AccountId} at {connection.BaseUri} ({connection.AuthKind}).");
            if (PassThru)
            {
                WriteObject(connection);
            }
        }

        private EsConnection ConnectSandbox()
        {
            var account = AccountId ?? Guid.NewGuid().ToString("N");
            SandboxApi.PlayVersion(account, SandboxApiVersion);
            return new EsConnection(account, SandboxApi.BaseUri, EsAuthKind.Sandbox, null, null);
        }

        private EsConnection ConnectAccount()
        {
            var baseUri = ResolveBaseUri();
            switch (ParameterSetName)
            {
                case CredentialSet:
                    var accountFromCredential = Credential!.UserName?.Trim();
                    if (string.IsNullOrEmpty(accountFromCredential))
                    {
                        Fail("The credential's user name must be the Cloudflare account id.",
                            "EsCredentialWithoutAccount", Credential);
                    }

                    ValidateAccountId(accountFromCredential!);
                    var password = Credential.Password;
                    return Signed(accountFromCredential!, baseUri, EsAuthKind.ApiToken, password,
                        "the credential's password (the API token)", null);
                case KeySet:
                    return Signed(ResolveAccountId(), baseUri, EsAuthKind.ApiKey, ApiKey!, "the API key (-ApiKey)",
                        Email);
                default:
                    return ConnectWithTokenOrEnvironment(baseUri);
            }
        }

        private EsConnection ConnectWithTokenOrEnvironment(Uri baseUri)
        {
            if (ApiToken != null)
            {
                return Signed(ResolveAccountId(), baseUri, EsAuthKind.ApiToken, ApiToken, "the API token (-ApiToken)",
                    null);
            }

            var token = Environment.GetEnvironmentVariable("CLOUDFLARE_API_TOKEN");
            var key = Environment.GetEnvironmentVariable("CLOUDFLARE_API_KEY");
            var email = Environment.GetEnvironmentVariable("CLOUDFLARE_EMAIL");
            var hasKey = !string.IsNullOrEmpty(key) && !string.IsNullOrEmpty(email);
            if (!string.IsNullOrEmpty(token))
            {
                if (hasKey)
                {
                    WriteWarning("Both CLOUDFLARE_API_TOKEN and CLOUDFLARE_API_KEY with CLOUDFLARE_EMAIL are set; " +
                        "using the API token.");
                }

                return Signed(ResolveAccountId(), baseUri, EsAuthKind.ApiToken, token!,
                    "the API token in CLOUDFLARE_API_TOKEN", null);
            }

            if (hasKey)
            {
                return Signed(ResolveAccountId(), baseUri, EsAuthKind.ApiKey, key!, "the API key in CLOUDFLARE_API_KEY",
                    email);
            }

            Fail(
                "No credential given. Pass -ApiToken (or -ApiKey with -Email, or -Credential), or set " +
                "CLOUDFLARE_API_TOKEN (or CLOUDFLARE_API_KEY and CLOUDFLARE_EMAIL). To try the module without an " +
                "account: Connect-EsAccount -Sandbox.",
                "EsNoCredential",
                null);
            throw new InvalidOperationException("unreachable");
        }

        /// <summary>
        /// A connection signed with a copy of <paramref name="secret"/>, once it and the e-mail can travel in a header.
        /// </summary>
        private EsConnection Signed(
            string accountId,
            Uri baseUri,
            EsAuthKind kind,
            SecureString secret,
            string secretName,
            string? email)
        {
            RefuseUnsendable(HeaderText.Problem(secret), secretName, email);
            return new EsConnection(accountId, baseUri, kind, secret.Copy(), email);
        }

        private EsConnection Signed(
            string accountId,
            Uri baseUri,
            EsAuthKind kind,
            string secret,
            string secretName,
            string? email)
        {
            RefuseUnsendable(HeaderText.Problem(secret), secretName, email);
            return new EsConnection(accountId, baseUri, kind, ToSecureString(secret), email);
        }

        private void RefuseUnsendable(string? secretProblem, string secretName, string? email)
        {
            if (secretProblem != null)
            {
                Fail($"{Capitalised(secretName)} cannot be sent: {secretProblem}.", "EsInvalidCredential", null);
            }

            if (email != null && HeaderText.Problem(email) is string emailProblem)
            {
                Fail($"The e-mail address that goes with the API key cannot be sent: {emailProblem}.",
                    "EsInvalidCredential", null);
            }
        }

        private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);

        private string ResolveAccountId()
        {
            var account = AccountId ?? Environment.GetEnvironmentVariable("CLOUDFLARE_ACCOUNT_ID");
            if (string.IsNullOrWhiteSpace(account))
            {
                Fail("No account id given. Pass -AccountId or set CLOUDFLARE_ACCOUNT_ID.", "EsNoAccountId", null);
            }

            ValidateAccountId(account!.Trim());
            return account.Trim();
        }

        private void ValidateAccountId(string account)
        {
            if (ValidateAccountIdAttribute.Problem(account) is string problem)
            {
                Fail(ValidateAccountIdAttribute.Message(account, problem), "EsInvalidAccountId", account);
            }
        }

        private Uri ResolveBaseUri()
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("CLOUDFLARE_BASE_URL");
            Uri? uri = BaseUri;
            var source = "The base URI";
            if (uri == null && !string.IsNullOrWhiteSpace(fromEnvironment))
            {
                source = "CLOUDFLARE_BASE_URL";
                if (!Uri.TryCreate(fromEnvironment!.Trim(), UriKind.Absolute, out uri))
                {
                    var shownText = WithoutUserInfo(fromEnvironment);
                    Fail($"CLOUDFLARE_BASE_URL '{shownText}' is not an absolute URI.", "EsInvalidBaseUri", shownText);
                }
            }

            uri = uri ?? new Uri(EsConnection.DefaultBaseUri);
            if (!uri.IsAbsoluteUri)
            {
                var shownText = WithoutUserInfo(uri.OriginalString);
                Fail($"{source} '{shownText}' must be absolute, for example {EsConnection.DefaultBaseUri}.",
                    "EsInvalidBaseUri", shownText);
            }

            // Every check shows the address without its user part and its query: either may hold a secret.
            var shown = WithoutUserInfo(uri.GetLeftPart(UriPartial.Path));
            if (uri.UserInfo.Length > 0)
            {
                Fail(
                    $"{source} '{shown}' carries a user name or password, which would show wherever the address is " +
                    "shown (Get-EsConnection, -Verbose, errors). Give the address alone; the API is signed in with " +
                    "-ApiToken, -ApiKey or -Credential.",
                    "EsInvalidBaseUri",
                    shown);
            }

            if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                Fail(
                    $"{source} '{shown}' has a query or fragment ('?...' or '#...'). The module appends each " +
                    "request's path and query to the address, so give it up to the version only, for example " +
                    $"{EsConnection.DefaultBaseUri}.",
                    "EsInvalidBaseUri",
                    shown);
            }

            var secure = uri.Scheme == Uri.UriSchemeHttps;
            var loopbackHttp = uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri);
            if (!secure && !loopbackHttp)
            {
                Fail(
                    $"{source} '{shown}' is not https. Plain http is accepted only for loopback addresses (a local " +
                    "emulator), because the credential would travel in clear text.",
                    "EsInsecureBaseUri",
                    shown);
            }

            return uri;
        }

        /// <summary>
        /// Text that could not be read as a URI, with anything before an '@' of its authority hidden.
        /// </summary>
        private static string WithoutUserInfo(string text)
        {
            var at = text.LastIndexOf('@');
            if (at < 0)
            {
                return text;
            }

            var scheme = text.IndexOf("://", StringComparison.Ordinal);
            var start = scheme >= 0 && scheme < at ? scheme + 3 : 0;
            return text.Substring(0, start) + "***" + text.Substring(at);
        }

        private static bool IsLoopback(Uri uri) =>
            uri.IsLoopback
                || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

        private static SecureString ToSecureString(string value)
        {
            var secure = new SecureString();
            foreach (var c in value)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }

        private void Fail(string message, string errorId, object? target) =>
            ThrowTerminatingError(
                new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target));
    }
}
