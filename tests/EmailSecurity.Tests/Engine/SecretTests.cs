using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

[Collection("Emulator")]
public sealed class SecretTests : ModuleTest
{
    public SecretTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void The_token_never_appears_in_any_stream_error_or_host_output()
    {
        var (session, account) = Connected(messages: 120);
        account.SetFaults(
            new FaultRule("status") { Path = "/investigate", Status = 429, RetryAfter = "0", Times = 1 },
            new FaultRule("status") { Method = "POST", Status = 503, Times = 1 });

        var scenarios = new[]
        {
            "Get-EsMessage -PageSize 50 -Verbose -Debug | Move-EsMessage -Destination JunkEmail -Confirm:$false " +
            "-Verbose -Debug",
            "Get-EsMessage -Id 'missing/../id' -Verbose -Debug",
            "Get-EsConnection | ForEach-Object { $_; $_.PSObject.Properties | ForEach-Object { $_.Value } }",
            "Get-EsMessage -First 2 | Move-EsMessage -Destination Inbox -WhatIf -Verbose",
            "$Error | ForEach-Object { $_; $_.Exception; $_.Exception.InnerException; $_.ErrorDetails; " +
            "$_.ScriptStackTrace; $_.Exception.StackTrace }",
        };

        var everything = string.Concat(scenarios.Select(s => session.RunFormatted(s).AllText()));
        everything += session.HostText;

        Assert.Contains("VERBOSE:", everything);
        Assert.Contains("rate limited", everything);
        Assert.DoesNotContain(Token, everything);
        Assert.DoesNotContain(Token.Substring(0, 16), everything);
    }

    [Fact]
    public void A_rejected_token_is_reported_without_echoing_it()
    {
        var account = Emulator.NewAccount();
        var session = NewSession();
        session.SetVariable("t", Secure("invalid-token"));

        var result = session.Run($"Connect-EsAccount -AccountId {account.Id} -ApiToken $t -BaseUri " +
            $"'{Emulator.ApiBaseUri}'; Get-EsMessage -First 1 -Verbose -Debug");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsApiForbidden", error.FullyQualifiedErrorId);
        Assert.Contains("Authentication error", error.ToString());
        Assert.DoesNotContain("invalid-token", result.AllText());
    }
}
