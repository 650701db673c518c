using System.Text;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EmailSecurity.Tests.Reliability;

/// <summary>
/// The API token must not show up anywhere a user, a transcript or a runbook log could see it: across every fault
/// kind, errors, -Verbose/-Debug, warnings, -WhatIf, completion, help, formatted output, $Error and the exceptions in
/// it, and the connection objects. Every stream and all host text is searched for the token and its first 12
/// characters.
/// </summary>
[Collection("Emulator")]
public sealed class SecretExposureTests : ReliabilityTest
{
    // A token of this test's own: nothing else in the process uses it, so any sighting comes from here.
    private const string Secret = "cfut_S3cr3tT0k3n-4b9e1f77c2d04e6a";

    private readonly ITestOutputHelper output;

    public SecretExposureTests(EmulatorFixture emulator, ITestOutputHelper output)
        : base(emulator)
    {
        this.output = output;
    }

    /// <summary>Each fault kind, on reads and on changes, with the scripts that run under it.</summary>
    private static IEnumerable<(string Name, FaultRule[] Rules)> FaultScenarios() =>
    [
        ("429 storm", [new FaultRule("status") { Status = 429, RetryAfter = "0", Times = 5 }]),
        ("503 storm", [new FaultRule("status") { Status = 503, RetryAfter = "0", Times = 5 }]),
        ("503 after processing",
            [new FaultRule("statusAfterProcessing") { Method = "POST", Status = 503, RetryAfter = "0" }]),
        ("dropped", [new FaultRule("drop") { Method = "POST" }]),
        ("dropped after processing", [new FaultRule("dropAfterProcessing") { Method = "POST" }]),
        ("dropped mid-body",
            [new FaultRule("dropMidBody") { Method = "POST" }, new FaultRule("dropMidBody") { Method = "GET" }]),
        ("malformed", [new FaultRule("malformed") { Times = 2 }]),
        ("success false", [new FaultRule("successFalse") { Times = 2, ErrorCode = 9109,
            ErrorMessage = "Unauthorized to access requested resource" }]),
        ("timeout", [new FaultRule("delay") { DelayMs = 2500, Method = "POST" }]),
        ("stale cursor", [new FaultRule("staleCursor") { Method = "GET", Path = "/investigate", Skip = 1, Times = 0 }]),
        ("empty page", [new FaultRule("emptyPageWithNext") { Method = "GET", Path = "/investigate" }]),
        ("accepted", [new FaultRule("accepted") { Method = "GET", Path = "/investigate" }]),
        ("404 for everything",
            [new FaultRule("status") { Status = 404, Times = 0, ErrorCode = 1003, ErrorMessage = "Not found" }]),
    ];

    private const string ReadAndMove =
        "Get-EsMessage -PageSize 50 -First 120 -Verbose -Debug | Move-EsMessage -Destination JunkEmail -BatchSize 40 " +
        "-Confirm:$false -Verbose -Debug";

    private static readonly string[] Everyday =
    [
        "Get-EsConnection",
        "Get-EsConnection | ForEach-Object { $_; $_.PSObject.Properties | ForEach-Object { " +
        "\"$($_.Name)=$($_.Value)\" } }",
        "Get-EsMessage -Id 'missing/../id' -Verbose -Debug",
        "Get-EsMessage -First 2 | Unblock-EsMessage -Confirm:$false -WarningAction Continue -Verbose -Debug",
        "Get-EsMessage -First 2 | Move-EsMessage -Destination Inbox -WhatIf -Verbose",
        "Remove-EsBlockedSender -Id 'nope' -WhatIf -Verbose",
        "Get-EsBlockedSender -Verbose -Debug",
        "Get-EsMessageRaw -Id (Get-EsMessage -First 1).Id -Verbose -Debug",
        "$s = 'Get-EsMessage -Id '; (TabExpansion2 -inputScript $s -cursorColumn $s.Length).CompletionMatches | " +
        "ForEach-Object { $_.CompletionText; $_.ToolTip; $_.ListItemText }",
        "$s = 'Remove-EsBlockedSender -Id '; (TabExpansion2 -inputScript $s -cursorColumn " +
        "$s.Length).CompletionMatches | ForEach-Object { $_.CompletionText; $_.ToolTip }",
        "Get-Help Connect-EsAccount -Full",
        "Get-Help Get-EsMessage -Examples",
        "Get-Help about_EmailSecurity",
        "Set-PSDebug -Trace 2; $c = Get-EsConnection; $c.AccountId; Set-PSDebug -Off",
    ];

    private const string ErrorDump = """
        $Error | ForEach-Object { $_; $_.Exception; $_.Exception.InnerException; $_.ErrorDetails; $_.ScriptStackTrace; $_.Exception.StackTrace; $_.TargetObject; $_.CategoryInfo; $_.InvocationInfo.Line }
        if ($Error.Count -gt 0) { $Error[0].Exception | ForEach-Object { $_.ToString() } }
        $Error | ForEach-Object {
            $e = $_.Exception
            while ($e) {
                $e.ToString()
                $e.PSObject.Properties | ForEach-Object { try { "$($_.Name)=$($_.Value)" } catch { "$($_.Name)=<unreadable>" } }
                $e.Data.Keys | ForEach-Object { "data $_=$($e.Data[$_])" }
                $e = $e.InnerException
            }
        }
        """;

    [Fact]
    public void The_token_appears_in_no_stream_no_error_and_no_host_text_whatever_happens()
    {
        var (session, account) = ConnectedWith(null, messages: 200, token: Secret);
        session.SetVariable("DebugPreference", "Continue");
        session.SetVariable("t", Secure(Secret));
        var text = new StringBuilder();
        // Formatted, as a user sees it, and as objects, whose every property AllText reads.
        void Run(string script, bool twice = true)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            text.AppendLine(session.RunFormatted(script).AllText());
            if (twice)
            {
                text.AppendLine(session.Run(script).AllText());
            }

            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.00} s  {script.Split('\n')[0]}");
        }

        // Connecting, loudly, each way a secret can come in, and using each connection.
        Run($"Connect-EsAccount -AccountId '{account.Id}' -ApiKey $t -Email 'admin@contoso.example' -BaseUri " +
            $"'{Emulator.ApiBaseUri}' -Verbose -Debug -PassThru; Get-EsMessage -First 1 -Verbose -Debug");
        Run($"Connect-EsAccount -Credential ([pscredential]::new('{account.Id}', $t)) -BaseUri " +
            $"'{Emulator.ApiBaseUri}' -Verbose -Debug -PassThru; Get-EsMessage -First 1 -Verbose -Debug");
        Run($"Connect-EsAccount -AccountId '{account.Id}' -ApiToken $t -BaseUri '{Emulator.ApiBaseUri}' -TimeoutSec " +
            "1 -Verbose -Debug -PassThru");

        foreach (var script in Everyday)
        {
            Run(script);
        }

        foreach (var (_, rules) in FaultScenarios())
        {
            account.SetFaults(rules);
            Run(ReadAndMove);
            account.SetFaults(rules);
            Run("Get-EsMessage -Id (Get-EsMessage -First 1 -ErrorAction SilentlyContinue).Id -Verbose -Debug; " +
                "Get-EsBlockedSender -Debug");
            account.SetFaults(rules);
            Run("$s = 'Move-EsMessage -Id '; (TabExpansion2 -inputScript $s -cursorColumn " +
                "$s.Length).CompletionMatches | ForEach-Object CompletionText");
        }

        account.ClearFaults();
        // The module learns the limit from the headers and paces itself (one budget per credential in the process).
        account.SetRateLimit(2, 1);
        Run("1..2 | ForEach-Object { Get-EsMessage -First 1 -Verbose -Debug }", twice: false);
        account.ClearRateLimit();

        Run(ErrorDump);
        Run("Disconnect-EsAccount -Verbose -Debug; Get-EsMessage -First 1");
        Run(ErrorDump);
        text.AppendLine(session.HostText);

        var everything = text.ToString();
        // The scenarios really did produce the noisy output being searched.
        Assert.Contains("VERBOSE:", everything);
        Assert.Contains("DEBUG:", everything);
        Assert.Contains("WARNING:", everything);
        Assert.Contains("What if:", everything);
        Assert.Contains("rate limited", everything);
        Assert.Contains("may have been carried out", everything);
        Assert.Contains("Connect-EsAccount", everything);
        Assert.DoesNotContain(Secret, everything);
        Assert.DoesNotContain(Secret[..12], everything);
        // The emulator did receive it: the search above was not a search of requests that never carried the token.
        Assert.Contains(account.Requests(), r => r.Authorization == "Bearer " + Secret);
        Assert.Contains(account.Requests(), r => r.AuthKey == Secret);
    }
}
