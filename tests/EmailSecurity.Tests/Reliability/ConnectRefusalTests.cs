using System.Diagnostics;
using System.Management.Automation;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Reliability;

/// <summary>
/// What Connect-EsAccount refuses before any request: an address that carries a secret (a user part, a query) or
/// that the module cannot append paths to, and a credential no HTTP header can carry. Each refusal is a terminating
/// EsInvalid* error that shows neither the secret nor the address's user part, sets no connection and sends nothing.
/// </summary>
[Collection("Emulator")]
public sealed class ConnectRefusalTests : ReliabilityTest
{
    public ConnectRefusalTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    public static TheoryData<string, string, string> BaseUris() => new()
    {
        { "https://admin:Pa55w0rd-9z@api.example.test/client/v4", "Pa55w0rd-9z", "carries a user name or password" },
        { "http://admin:Pa55w0rd-9z@127.0.0.1:9/client/v4", "Pa55w0rd-9z", "carries a user name or password" },
        { "https://api.example.test/client/v4?token=Pa55w0rd-9z", "Pa55w0rd-9z", "has a query or fragment" },
        { "https://api.example.test/client/v4#Pa55w0rd-9z", "Pa55w0rd-9z", "has a query or fragment" },
        { "admin:Pa55w0rd-9z@api.example.test", "Pa55w0rd-9z", "is not https" },
    };

    [Theory]
    [MemberData(nameof(BaseUris))]
    public void A_base_uri_that_carries_a_secret_is_refused_without_showing_it(
        string baseUri,
        string secret,
        string why)
    {
        var session = NewSession();
        session.SetVariable("t", Secure(Token));

        var result = session.Run($"Connect-EsAccount -AccountId abc -ApiToken $t -BaseUri '{baseUri}' -Verbose");

        var error = Assert.Single(result.Errors);
        Assert.Matches("^Es(InvalidBaseUri|InsecureBaseUri),", error.FullyQualifiedErrorId);
        Assert.Contains(why, error.Exception.Message);
        Assert.DoesNotContain(secret, result.AllText());
        AssertNotConnected(session);
    }

    public static TheoryData<string, string, string> Tokens() => new()
    {
        { "line break at the end", "es-token-1234\n", "character 14 of 14 is a line break" },
        { "carriage return inside", "es-tok\ren", "character 7 of 9 is a line break" },
        { "non-ASCII", "es-tökén", "character 5 of 8 is a non-ASCII character" },
        { "space", "es token", "character 3 of 8 is a space or tab" },
        { "NUL", "es\0token", "character 3 of 8 is a control character" },
        { "empty", "", "it is empty" },
    };

    [Theory]
    [MemberData(nameof(Tokens))]
    public void A_token_no_header_can_carry_is_refused_at_once_without_any_request(
        string name,
        string token,
        string why)
    {
        _ = name;
        var account = Emulator.NewAccount();
        var session = NewSession();
        session.SetVariable("t", Secure(token));
        var clock = Stopwatch.StartNew();

        var result = session.Run($"Connect-EsAccount -AccountId {account.Id} -ApiToken $t -BaseUri " +
            $"'{Emulator.ApiBaseUri}'; Get-EsMessage -First 1");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        var error = result.Errors[0];
        Assert.StartsWith("EsInvalidCredential,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.StartsWith($"The API token (-ApiToken) cannot be sent: {why}", error.Exception.Message);
        Assert.Empty(account.Requests());
        AssertNotConnected(session);
    }

    [Fact]
    public void A_credential_password_or_an_api_key_email_no_header_can_carry_is_refused()
    {
        var session = NewSession();
        session.SetVariable("credential", new PSCredential("abc", Secure("token\r\n")));
        session.SetVariable("key", Secure("legacy-key"));

        var fromCredential = session.Run($"Connect-EsAccount -Credential $credential -BaseUri '{Emulator.ApiBaseUri}'");
        var fromEmail = session.Run("Connect-EsAccount -AccountId abc -ApiKey $key -Email 'admín@contoso.example' " +
            $"-BaseUri '{Emulator.ApiBaseUri}'");

        Assert.Equal(
            "The credential's password (the API token) cannot be sent: character 6 of 7 is a line break (often " +
            "copied from the end of a file), which an HTTP header cannot carry; give it again without that character.",
            Assert.Single(fromCredential.Errors).Exception.Message);
        Assert.Contains("e-mail address that goes with the API key cannot be sent: character 4 of 21 is a non-ASCII " +
            "character", Assert.Single(fromEmail.Errors).Exception.Message);
        AssertNotConnected(session);
    }

    private static void AssertNotConnected(EngineSession session) =>
        Assert.StartsWith("EsNotConnected,",
            Assert.Single(session.Run("Get-EsConnection").Errors).FullyQualifiedErrorId);
}

/// <summary>
/// The same refusals for what comes from CLOUDFLARE_BASE_URL and CLOUDFLARE_API_TOKEN (process-wide, so run alone).
/// </summary>
[Collection("Environment")]
public sealed class EnvironmentConnectRefusalTests : ModuleTest
{
    public EnvironmentConnectRefusalTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Theory]
    [InlineData("https://admin:Pa55w0rd-9z@api.example.test/client/v4")]
    [InlineData("admin:Pa55w0rd-9z@api.example.test")]
    [InlineData("//admin:Pa55w0rd-9z@")]
    public void A_base_url_from_the_environment_that_carries_a_password_is_refused_without_showing_it(string baseUrl)
    {
        EnvironmentVariables.With(new() { ["CLOUDFLARE_API_TOKEN"] = "env-token", ["CLOUDFLARE_ACCOUNT_ID"] = "abc",
            ["CLOUDFLARE_BASE_URL"] = baseUrl }, () =>
        {
            var result = NewSession().Run("Connect-EsAccount -Verbose; Get-EsConnection");

            Assert.Matches("^Es(InvalidBaseUri|InsecureBaseUri),", result.Errors[0].FullyQualifiedErrorId);
            Assert.Contains("CLOUDFLARE_BASE_URL", result.Errors[0].Exception.Message);
            Assert.StartsWith("EsNotConnected,", result.Errors[1].FullyQualifiedErrorId);
            Assert.DoesNotContain("Pa55w0rd-9z", result.AllText());
        });
    }

    [Fact]
    public void A_token_from_the_environment_with_a_line_break_is_refused_before_any_request()
    {
        var account = Emulator.NewAccount();
        EnvironmentVariables.With(new() { ["CLOUDFLARE_API_TOKEN"] = "env-token\n",
            ["CLOUDFLARE_ACCOUNT_ID"] = account.Id, ["CLOUDFLARE_BASE_URL"] = Emulator.ApiBaseUri.ToString() }, () =>
        {
            var result = NewSession().Run("Connect-EsAccount; Get-EsMessage -First 1");

            Assert.StartsWith("The API token in CLOUDFLARE_API_TOKEN cannot be sent: character 10 of 10 is a " +
                "line break", result.Errors[0].Exception.Message);
            Assert.StartsWith("EsNotConnected,", result.Errors[1].FullyQualifiedErrorId);
            Assert.Empty(account.Requests());
        });
    }
}
