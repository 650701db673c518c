using System.Management.Automation;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

[Collection("Emulator")]
public sealed class ConnectionTests : ModuleTest
{
    public ConnectionTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void A_token_is_sent_as_a_bearer_credential_with_a_user_agent()
    {
        var (session, account) = Connected();

        session.Run("Get-EsMessage -First 1").ShouldSucceed();

        var request = Assert.Single(account.Requests());
        Assert.Equal("Bearer " + Token, request.Authorization);
        Assert.Matches(@"^EmailSecurity-PowerShell/\d+\.\d+\.\d+ \(PowerShell 7\.\d+\.\d+; \.NET", request.UserAgent);
    }

    [Fact]
    public void A_legacy_key_is_sent_with_the_email()
    {
        var account = Emulator.NewAccount();
        var session = NewSession();
        session.SetVariable("key", Secure("legacy-global-key-123"));

        session.Run($"Connect-EsAccount -AccountId {account.Id} -ApiKey $key -Email admin@contoso.example -BaseUri " +
            $"'{Emulator.ApiBaseUri}'; Get-EsMessage -First 1").ShouldSucceed();

        var request = Assert.Single(account.Requests());
        Assert.Null(request.Authorization);
        Assert.Equal("legacy-global-key-123", request.AuthKey);
        Assert.Equal("admin@contoso.example", request.AuthEmail);
    }

    [Fact]
    public void A_credential_asset_gives_the_account_id_and_the_token()
    {
        var account = Emulator.NewAccount();
        var session = NewSession();
        session.SetVariable("credential",
            new System.Management.Automation.PSCredential(account.Id, Secure("automation-token")));

        session.Run($"Connect-EsAccount -Credential $credential -BaseUri '{Emulator.ApiBaseUri}'; Get-EsMessage " +
            "-First 1").ShouldSucceed();

        Assert.Equal("Bearer automation-token", Assert.Single(account.Requests()).Authorization);
    }

    [Fact]
    public void Connection_passes_through_and_serves_several_accounts_in_one_session()
    {
        var first = Emulator.NewAccount();
        var second = Emulator.NewAccount();
        var session = NewSession();
        session.SetVariable("t", Secure(Token));

        var result = session.Run(
            $"$a = Connect-EsAccount -AccountId {first.Id} -ApiToken $t -BaseUri '{Emulator.ApiBaseUri}' -PassThru; " +
            $"$b = Connect-EsAccount -AccountId {second.Id} -ApiToken $t -BaseUri '{Emulator.ApiBaseUri}' -PassThru; " +
            "Get-EsMessage -First 1 -Connection $a; Get-EsMessage -First 1; Get-EsMessage -First 1 -AccountId " +
            first.Id);

        result.ShouldSucceed();
        Assert.Equal(2, first.Requests().Count);
        Assert.Single(second.Requests());
    }

    [Fact]
    public void Get_EsConnection_shows_the_account_but_never_the_secret()
    {
        var (session, account) = Connected();

        var result = session.RunFormatted("Get-EsConnection; Get-EsConnection | ForEach-Object { " +
            "$_.PSObject.Properties | ForEach-Object { \"$($_.Name)=$($_.Value)\" } }");

        result.ShouldSucceed();
        Assert.Contains(account.Id, result.HostText);
        Assert.Contains("ApiToken", result.HostText);
        Assert.DoesNotContain(Token, result.AllText());
    }

    [Fact]
    public void Disconnect_forgets_the_connection()
    {
        var (session, _) = Connected();

        var result = session.Run("Disconnect-EsAccount; Get-EsConnection");

        Assert.StartsWith("EsNotConnected", Assert.Single(result.Errors).FullyQualifiedErrorId);
    }

    [Theory]
    [InlineData("Connect-EsAccount -AccountId 'my account' -Sandbox",
        "'my account' is not a Cloudflare account id: it may hold only letters, digits, '-' and '_'.")]
    [InlineData("Get-EsMessage -AccountId 'my account'",
        "'my account' is not a Cloudflare account id: it may hold only letters, digits, '-' and '_'.")]
    [InlineData("Get-EsAllowPolicy -AccountId ''", "'' is not a Cloudflare account id: it is empty.")]
    public void An_account_id_that_cannot_be_one_is_refused_with_where_to_find_it(string script, string message)
    {
        var (session, account) = Connected();
        account.ClearRequests();

        var result = session.Run(script);

        var error = Assert.Single(result.Errors);
        Assert.Contains(message + " The account id is the 32 hexadecimal characters", error.Exception.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain("^[", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(account.Requests());
    }

    [Fact]
    public void Disconnect_closes_kept_connections_given_to_it_and_leaves_the_session_alone()
    {
        var (session, account) = Connected();
        session.Run("$kept = Connect-EsAccount -Sandbox -PassThru").ShouldSucceed();
        session.Run($"Connect-EsAccount -AccountId {account.Id} -ApiToken $EsTestToken -BaseUri " +
            $"'{Emulator.ApiBaseUri}'").ShouldSucceed();

        var result = session.Run(
            "$kept | Disconnect-EsAccount; Get-EsMessage -Connection $kept -First 1; (Get-EsConnection).AccountId");

        Assert.Contains("closed by Disconnect-EsAccount", Assert.Single(result.Errors).Exception.Message,
            StringComparison.Ordinal);
        Assert.Equal(account.Id, Assert.Single(result.Output).ToString());
    }

    [Fact]
    public void A_kept_connection_closed_by_Disconnect_is_refused_before_any_request()
    {
        var (session, account) = Connected();
        session.Run("$kept = Get-EsConnection; Disconnect-EsAccount").ShouldSucceed();
        account.ClearRequests();

        var result = session.Run("Get-EsMessage -Connection $kept; 'abc-1', 'abc-2' | Move-EsMessage -Destination " +
            "Inbox -Connection $kept -Confirm:$false");

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e =>
        {
            Assert.StartsWith("EsNotConnected", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, e.CategoryInfo.Category);
            Assert.Contains("closed by Disconnect-EsAccount", e.Exception.Message, StringComparison.Ordinal);
        });
        Assert.Empty(account.Requests());
    }

    [Theory]
    [InlineData("http://api.example.com/client/v4")]
    [InlineData("ftp://127.0.0.1/client/v4")]
    public void A_base_uri_that_would_send_the_token_in_clear_text_is_refused(string baseUri)
    {
        var session = NewSession();
        session.SetVariable("t", Secure(Token));

        var result = session.Run($"Connect-EsAccount -AccountId abc -ApiToken $t -BaseUri '{baseUri}'");

        Assert.StartsWith("EsInsecureBaseUri", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.DoesNotContain(Token, result.AllText());
    }

    [Fact]
    public async Task An_explicit_proxy_carries_the_requests()
    {
        // A move is not retried after a timeout, so one attempt through the silent "proxy" settles it quickly.
        var account = Emulator.NewAccount();
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var proxyPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var proxied = listener.AcceptTcpClientAsync();
        var session = NewSession();
        session.SetVariable("t", Secure(Token));

        var result = session.Run(
            $"Connect-EsAccount -AccountId {account.Id} -ApiToken $t -BaseUri '{Emulator.ApiBaseUri}' -Proxy " +
            $"'http://127.0.0.1:{proxyPort}' -TimeoutSec 1; Move-EsMessage -Id abc -Destination Inbox -Confirm:$false");

        using var connectionToProxy = await proxied.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(account.Requests());
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsChangeOutcomeUnknown", error.FullyQualifiedErrorId);
        Assert.Contains("No answer from the API", error.ToString());
    }

    private const string ProxyAnswer =
        "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"id\":\"p-1\",\"pattern\":\"partner.example\"}}";

    [Fact]
    public void A_proxy_credential_answers_the_proxy_challenge_and_shows_nowhere()
    {
        using var proxy = new AuthenticatingProxy(ProxyAnswer);
        var session = NewSession();
        session.SetVariable("t", Secure(Token));
        session.SetVariable("proxyCredential", new PSCredential("corpuser", Secure("S3cretPw")));

        var result = session.Run(
            "Connect-EsAccount -AccountId abc -ApiToken $t -BaseUri 'http://127.0.0.1:9/client/v4' -Proxy " +
            $"'{proxy.Address}' -ProxyCredential $proxyCredential -PassThru -Verbose -Debug; Get-EsAllowPolicy -Id " +
            "p-1 -Verbose -Debug");

        result.ShouldSucceed();
        Assert.Equal("partner.example", result.Objects<EmailSecurity.Models.AllowPolicy>().Single().Pattern);
        Assert.Equal("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("corpuser:S3cretPw")),
            proxy.Authorizations.Last());
        Assert.DoesNotContain("S3cretPw", result.AllText());
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/client/v4")]
    [InlineData("https://api.example.test/client/v4")] // through a tunnel: the proxy refuses the CONNECT
    public void A_proxy_that_asks_for_credentials_says_how_to_give_them_and_is_not_asked_again(string baseUri)
    {
        using var proxy = new AuthenticatingProxy(ProxyAnswer);
        var session = NewSession();
        session.SetVariable("t", Secure(Token));

        var result = session.Run($"Connect-EsAccount -AccountId abc -ApiToken $t -BaseUri '{baseUri}' -Proxy " +
            $"'{proxy.Address}'; Get-EsAllowPolicy -Id p-1");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsProxyAuthenticationRequired", error.FullyQualifiedErrorId);
        Assert.Contains("-ProxyCredential", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Single(proxy.Authorizations);
    }

    [Theory]
    [InlineData("-Proxy 'http://corpuser:S3cretPw@proxy.example:8080'", "carries a user name or password")]
    [InlineData("-ProxyCredential $proxyCredential", "go with -Proxy")]
    public void A_proxy_password_in_the_address_or_a_credential_without_a_proxy_is_refused(
        string parameters,
        string message)
    {
        var session = NewSession();
        session.SetVariable("t", Secure(Token));
        session.SetVariable("proxyCredential", new PSCredential("corpuser", Secure("S3cretPw")));

        var result = session.Run($"Connect-EsAccount -AccountId abc -ApiToken $t {parameters}");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsInvalidProxy", error.FullyQualifiedErrorId);
        Assert.Contains(message, error.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cretPw", result.AllText());
    }

    [Theory]
    [InlineData("ftp://proxy.example:21")]
    [InlineData("proxy.example")]
    public void A_proxy_that_is_not_an_http_address_is_refused(string proxy)
    {
        var session = NewSession();
        session.SetVariable("t", Secure(Token));

        var result = session.Run($"Connect-EsAccount -AccountId abc -ApiToken $t -Proxy '{proxy}'");

        Assert.StartsWith("EsInvalidProxy", Assert.Single(result.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void The_sandbox_answers_without_an_account_or_network()
    {
        var session = NewSession();

        var result = session.Run("Connect-EsAccount -Sandbox; Get-EsMessage -First 5; Get-EsConnection");

        result.ShouldSucceed();
        Assert.Equal(5, result.Objects<Message>().Length);
        Assert.Equal(EsAuthKind.Sandbox, result.Objects<EsConnection>().Single().AuthKind);
    }

    [Fact]
    public void Sandbox_ids_are_the_same_in_every_session_of_the_day()
    {
        var first = NewSession().Run("Connect-EsAccount -Sandbox; Get-EsMessage").Objects<Message>();
        var second = NewSession().Run("Connect-EsAccount -Sandbox; Get-EsMessage").Objects<Message>();

        Assert.NotEmpty(first);
        Assert.Equal(first.Select(m => m.Id), second.Select(m => m.Id));
        // Generated back from the start of the UTC day, not from the moment of connecting.
        var startOfDay = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
        Assert.All(first, m => Assert.True(m.ScannedAt < startOfDay, $"{m.Id} was scanned at {m.ScannedAt:o}"));
    }

    [Fact]
    public void The_sandbox_moves_messages_and_remembers_it()
    {
        var session = NewSession();

        var result = session.Run(
            "Connect-EsAccount -Sandbox; $m = Get-EsMessage -First 1; $m | Move-EsMessage -Destination JunkEmail " +
            "-Confirm:$false; (Get-EsMessage -Id $m.Id).PostDeliveryOperations");

        result.ShouldSucceed();
        Assert.True(result.Objects<MessageMoveResult>().All(r => r.Success));
        Assert.Contains("MOVE", result.Output.Select(o => o.BaseObject).OfType<string>());
    }

    [Theory]
    [InlineData("", "2026-10")]
    [InlineData("-SandboxApiVersion seed", "seed")]
    [InlineData("-SandboxApiVersion 2026-10", "2026-10")]
    public void The_sandbox_plays_the_api_version_asked_for(string parameter, string expected)
    {
        var result = NewSession().Run($"Connect-EsAccount -Sandbox {parameter} -PassThru");

        result.ShouldSucceed();
        var account = result.Objects<EsConnection>().Single().AccountId;
        Assert.Equal(expected, EmailSecurity.Sandbox.SandboxApi.VersionOf(account));
    }
}

/// <summary>Tests that set process environment variables; they run alone because every runspace sees them.</summary>
[CollectionDefinition("Environment", DisableParallelization = true)]
public sealed class EnvironmentCollection : ICollectionFixture<EmulatorFixture>
{
}

[Collection("Environment")]
public sealed class EnvironmentConnectionTests : ModuleTest
{
    public EnvironmentConnectionTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void The_SDK_environment_variables_are_read_when_no_credential_is_given()
    {
        var account = Emulator.NewAccount();
        WithEnvironment(new() { ["CLOUDFLARE_API_TOKEN"] = "env-token", ["CLOUDFLARE_ACCOUNT_ID"] = account.Id,
            ["CLOUDFLARE_BASE_URL"] = Emulator.ApiBaseUri.ToString() }, () =>
        {
            var session = NewSession();
            var result = session.Run("Connect-EsAccount; Get-EsMessage -First 1");

            result.ShouldSucceed();
            Assert.Equal("Bearer env-token", Assert.Single(account.Requests()).Authorization);
            Assert.Empty(result.Warnings);
        });
    }

    [Fact]
    public void With_both_a_token_and_a_key_the_token_wins_and_a_warning_says_so()
    {
        var account = Emulator.NewAccount();
        WithEnvironment(new()
        {
            ["CLOUDFLARE_API_TOKEN"] = "env-token",
            ["CLOUDFLARE_API_KEY"] = "env-key",
            ["CLOUDFLARE_EMAIL"] = "admin@contoso.example",
            ["CLOUDFLARE_ACCOUNT_ID"] = account.Id,
            ["CLOUDFLARE_BASE_URL"] = Emulator.ApiBaseUri.ToString(),
        }, () =>
        {
            var session = NewSession();
            var result = session.Run("Connect-EsAccount; Get-EsMessage -First 1");

            result.ShouldSucceed();
            var request = Assert.Single(account.Requests());
            Assert.Equal("Bearer env-token", request.Authorization);
            Assert.Null(request.AuthKey);
            Assert.Contains("using the API token", Assert.Single(result.Warnings).Message);
            Assert.DoesNotContain("env-token", result.AllText());
            Assert.DoesNotContain("env-key", result.AllText());
        });
    }

    [Fact]
    public void An_account_id_from_the_environment_that_cannot_be_one_is_refused_with_where_to_find_it()
    {
        WithEnvironment(new() { ["CLOUDFLARE_API_TOKEN"] = "env-token", ["CLOUDFLARE_ACCOUNT_ID"] = "acct/../x",
            ["CLOUDFLARE_BASE_URL"] = Emulator.ApiBaseUri.ToString() }, () =>
        {
            var result = NewSession().Run("Connect-EsAccount");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("EsInvalidAccountId", error.FullyQualifiedErrorId);
            Assert.StartsWith("'acct/../x' is not a Cloudflare account id: it may hold only letters, digits, '-' and " +
                "'_'. The account id is", error.Exception.Message);
        });
    }

    [Fact]
    public void A_key_and_email_from_the_environment_are_used_when_there_is_no_token()
    {
        var account = Emulator.NewAccount();
        WithEnvironment(new() { ["CLOUDFLARE_API_KEY"] = "env-key", ["CLOUDFLARE_EMAIL"] = "admin@contoso.example",
            ["CLOUDFLARE_ACCOUNT_ID"] = account.Id, ["CLOUDFLARE_BASE_URL"] = Emulator.ApiBaseUri.ToString() }, () =>
        {
            var session = NewSession();
            session.Run("Connect-EsAccount; Get-EsMessage -First 1").ShouldSucceed();

            Assert.Equal("env-key", Assert.Single(account.Requests()).AuthKey);
        });
    }

    [Fact]
    public void Without_any_credential_the_error_lists_the_ways_to_connect()
    {
        WithEnvironment(new(), () =>
        {
            var result = NewSession().Run("Connect-EsAccount -AccountId abc");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("EsNoCredential", error.FullyQualifiedErrorId);
            Assert.Contains("CLOUDFLARE_API_TOKEN", error.ToString());
            Assert.Contains("-Sandbox", error.ToString());
        });
    }

    private static void WithEnvironment(Dictionary<string, string> values, Action test) =>
        EnvironmentVariables.With(values, test);
}
