using System.Management.Automation;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

/// <summary>
/// Objects remember the connection they came from: piped on, they are worked on in that account, whatever the
/// session's connection is; objects of several connections go in batches of their own; an explicit -Connection or
/// -AccountId that names another account is refused for them; and nothing of the connection shows in their output.
/// </summary>
[Collection("Emulator")]
public sealed class ConnectionOriginTests : ModuleTest
{
    public ConnectionOriginTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    /// <summary>
    /// A session whose connection is account A ($a), with a kept connection to account B ($b). Both accounts hold the
    /// demo data of the same seed, so acting in the wrong account may well succeed (a message id holds its scan time,
    /// so ids match when both accounts were made within a second): the tests read the request logs.
    /// </summary>
    private (EngineSession Session, EmulatorAccount A, EmulatorAccount B) TwoAccounts()
    {
        var (session, a) = Connected();
        var b = Emulator.NewAccount();
        session.Run($"""
            $b = Connect-EsAccount -AccountId '{b.Id}' -ApiToken $EsTestToken -BaseUri '{Emulator.ApiBaseUri}' -PassThru
            $a = Connect-EsAccount -AccountId '{a.Id}' -ApiToken $EsTestToken -BaseUri '{Emulator.ApiBaseUri}' -PassThru
            """).ShouldSucceed();
        Assert.Equal(a.Id, session.Run("(Get-EsConnection).AccountId").Output.Single().ToString());
        return (session, a, b);
    }

    /// <summary>
    /// Each cmdlet that takes piped objects, fed objects read from account B: (what to read, what to pipe it to, the
    /// request it makes).
    /// </summary>
    public static TheoryData<string, string, string> PipedFromB() => new()
    {
        { "Get-EsMessage -Connection $b -First 2", "Move-EsMessage -Destination JunkEmail -Confirm:$false",
            "POST /investigate/move" },
        { "Get-EsMessage -Connection $b -First 1", "Move-EsMessage -Destination JunkEmail -Confirm:$false",
            "POST /investigate/*/move" },
        { "Get-EsMessage -Connection $b | Where-Object IsQuarantined | Select-Object -First 2",
            "Unblock-EsMessage -Confirm:$false", "POST /investigate/release" },
        { "Get-EsMessage -Connection $b -First 2",
            "Submit-EsReclassification -ExpectedDisposition SPAM -Confirm:$false", "POST /investigate/*/reclassify" },
        { "Get-EsMessage -Connection $b -First 2", "Get-EsMessage", "GET /investigate/*" },
        { "Get-EsMessage -Connection $b -First 2", "Get-EsMessageTrace", "GET /investigate/*/trace" },
        { "Get-EsMessage -Connection $b -Disposition MALICIOUS -First 2", "Get-EsMessageDetection",
            "GET /investigate/*/detections" },
        { "Get-EsMessage -Connection $b -First 2", "Get-EsMessageRaw", "GET /investigate/*/raw" },
        { "Get-EsMessage -Connection $b -Disposition MALICIOUS -First 2", "Get-EsMessagePreview",
            "GET /investigate/*/preview" },
        { "Get-EsMessage -Connection $b -First 2 | Get-EsMessageTrace",
            "Move-EsMessage -Destination JunkEmail -Confirm:$false", "POST /investigate/move" },
        { "Get-EsMessage -Connection $b -First 2 | Move-EsMessage -Destination JunkEmail -Confirm:$false",
            "Get-EsMessageTrace", "GET /investigate/*/trace" },
        { "Get-EsBlockedSender -Connection $b -First 2", "Get-EsBlockedSender", "GET /settings/block_senders/*" },
        { "Get-EsBlockedSender -Connection $b -First 2", "Set-EsBlockedSender -Comments 'checked' -Confirm:$false",
            "PATCH /settings/block_senders/*" },
        { "Get-EsBlockedSender -Connection $b -First 2", "Remove-EsBlockedSender -Confirm:$false",
            "DELETE /settings/block_senders/*" },
        { "Get-EsBlockedSender -Connection $b -First 1 | ForEach-Object { $_.Pattern = 'copy.' + $_.Pattern; $_ }",
            "New-EsBlockedSender -Confirm:$false", "POST /settings/block_senders" },
        { "Get-EsMessage -AccountId $b.AccountId -First 2", "Move-EsMessage -Destination JunkEmail -Confirm:$false",
            "POST /investigate/move" },
    };

    [Theory]
    [MemberData(nameof(PipedFromB))]
    public void Objects_piped_on_are_worked_on_in_the_account_they_came_from(
        string read,
        string command,
        string expected)
    {
        WorkedOnInB(read, $"$items | {command}", expected);
    }

    /// <summary>
    /// The same objects given to -Id as an argument instead (-Id $items): (what to read, the command, the request).
    /// </summary>
    public static TheoryData<string, string, string> GivenFromB() => new()
    {
        { "Get-EsMessage -Connection $b -First 2", "Move-EsMessage -Id $items -Destination JunkEmail -Confirm:$false",
            "POST /investigate/move" },
        { "Get-EsMessage -Connection $b -First 1",
            "Move-EsMessage -Id $items[0] -Destination JunkEmail -Confirm:$false", "POST /investigate/*/move" },
        { "Get-EsMessage -Connection $b | Where-Object IsQuarantined | Select-Object -First 2",
            "Unblock-EsMessage -Id $items -Confirm:$false", "POST /investigate/release" },
        { "Get-EsMessage -Connection $b -First 2",
            "Submit-EsReclassification -Id $items -ExpectedDisposition SPAM -Confirm:$false",
            "POST /investigate/*/reclassify" },
        { "Get-EsMessage -Connection $b -First 2", "Get-EsMessage -Id $items", "GET /investigate/*" },
        { "Get-EsMessage -Connection $b -First 2", "Get-EsMessageTrace -Id $items", "GET /investigate/*/trace" },
        { "Get-EsMessage -Connection $b -Disposition MALICIOUS -First 2", "Get-EsMessageDetection -Id $items",
            "GET /investigate/*/detections" },
        { "Get-EsMessage -Connection $b -First 2", "Get-EsMessageRaw -Id $items", "GET /investigate/*/raw" },
        { "Get-EsMessage -Connection $b -Disposition MALICIOUS -First 2", "Get-EsMessagePreview -Id $items",
            "GET /investigate/*/preview" },
        { "Get-EsMessage -Connection $b -First 2 | Get-EsMessageTrace",
            "Move-EsMessage -Id $items -Destination JunkEmail -Confirm:$false", "POST /investigate/move" },
        { "Get-EsBlockedSender -Connection $b -First 2", "Get-EsBlockedSender -Id $items",
            "GET /settings/block_senders/*" },
        { "Get-EsBlockedSender -Connection $b -First 1", "Set-EsBlockedSender $items[0] -Comments x -Confirm:$false",
            "PATCH /settings/block_senders/*" },
        { "Get-EsBlockedSender -Connection $b -First 2", "Remove-EsBlockedSender $items -Confirm:$false",
            "DELETE /settings/block_senders/*" },
        { "Get-EsMessage -AccountId $b.AccountId -First 2",
            "Move-EsMessage -Id $items -Destination JunkEmail -Confirm:$false", "POST /investigate/move" },
    };

    [Theory]
    [MemberData(nameof(GivenFromB))]
    public void Objects_given_to_Id_are_worked_on_in_the_account_they_came_from(
        string read,
        string command,
        string expected) =>
        WorkedOnInB(read, command, expected);

    private void WorkedOnInB(string read, string script, string expected)
    {
        var (session, a, b) = TwoAccounts();
        session.Run($"$items = @({read})").ShouldSucceed();
        Assert.NotEmpty(session.Run("$items").Output);
        a.ClearRequests();
        b.ClearRequests();

        var result = session.Run(script);

        result.ShouldSucceed();
        Assert.Empty(a.Requests());
        var method = expected.Split(' ')[0];
        var path = new System.Text.RegularExpressions.Regex("^" + expected.Split(' ')[1].Replace("*", "[^/]+") + "$");
        Assert.Contains(b.Requests(), r => r.Method == method && path.IsMatch(r.Path));
    }

    [Theory]
    [InlineData("$fromA[0], $fromB[0], $fromA[1], $fromB[1], $fromA[2] | Move-EsMessage")]
    [InlineData("Move-EsMessage -Id $fromA[0], $fromB[0], $fromA[1], $fromB[1], $fromA[2]")]
    public void Objects_of_two_connections_go_in_batches_of_their_own_and_their_results_keep_their_connection(
        string move)
    {
        var (session, a, b) = TwoAccounts();
        var fromA = session.Run("($fromA = @(Get-EsMessage -First 3)).Id").Output.Select(o => o.ToString()).ToList();
        var fromB = session.Run("($fromB = @(Get-EsMessage -Connection $b -First 2 -Skip 3)).Id").Output.Select(
            o => o.ToString()).ToList();
        a.ClearRequests();
        b.ClearRequests();

        var moved = session.Run($"$moved = @({move} -Destination JunkEmail -Confirm:$false)");
        var traced = session.Run("$movedInB = @($moved | Where-Object InvestigateId -In $fromB.Id); $movedInB | " +
            "Get-EsMessageTrace | ForEach-Object InvestigateId");

        moved.ShouldSucceed();
        traced.ShouldSucceed();
        Assert.Equal(fromA, MovedIds(Assert.Single(a.Requests(), r => r.Method == "POST")));
        Assert.Equal(fromB, MovedIds(Assert.Single(b.Requests(), r => r.Method == "POST")));
        Assert.Equal(fromB, traced.Output.Select(o => o.ToString()).Distinct());
        Assert.Equal(traced.Output.Count, b.Requests().Count(r => r.Path.EndsWith("/trace", StringComparison.Ordinal)));
        Assert.DoesNotContain(a.Requests(), r => r.Path.EndsWith("/trace", StringComparison.Ordinal));

        static IEnumerable<string> MovedIds(RecordedRequest move)
        {
            Assert.Equal("/investigate/move", move.Path);
            return System.Text.Json.JsonDocument.Parse(move.Body!).RootElement.GetProperty("ids").EnumerateArray()
                .Select(i => i.GetString()!);
        }
    }

    [Theory]
    [InlineData("Get-EsMessage -Connection $b -First 2",
        "Move-EsMessage -Destination JunkEmail -Connection $a -Confirm:$false")]
    [InlineData("Get-EsMessage -Connection $b -First 2", "Get-EsMessageTrace -Connection $a")]
    [InlineData("Get-EsMessage -Connection $b -First 2", "Get-EsMessage -AccountId $a.AccountId")]
    [InlineData("Get-EsMessage -First 2", "Unblock-EsMessage -Connection $b -Confirm:$false")]
    [InlineData("Get-EsBlockedSender -Connection $b -First 2", "Remove-EsBlockedSender -Connection $a -Confirm:$false")]
    [InlineData("Get-EsBlockedSender -Connection $b -First 2",
        "Set-EsBlockedSender -Comments x -AccountId $a.AccountId -Confirm:$false")]
    public void An_explicit_connection_of_another_account_is_refused_for_piped_objects_before_any_request(
        string read,
        string command) =>
        RefusedBeforeAnyRequest(read, $"$items | {command}");

    [Theory]
    [InlineData("Get-EsMessage -Connection $b -First 2",
        "Move-EsMessage -Id $items -Destination JunkEmail -Connection $a -Confirm:$false")]
    [InlineData("Get-EsMessage -Connection $b -First 2", "Get-EsMessageTrace -Id $items -Connection $a")]
    [InlineData("Get-EsMessage -First 2", "Unblock-EsMessage -Id $items -Connection $b -Confirm:$false")]
    [InlineData("Get-EsBlockedSender -Connection $b -First 2",
        "Remove-EsBlockedSender -Id $items -Connection $a -Confirm:$false")]
    [InlineData("Get-EsBlockedSender -Connection $b -First 2", "Get-EsBlockedSender -Id $items -AccountId $a.AccountId")]
    public void An_explicit_connection_of_another_account_is_refused_for_objects_given_to_Id_before_any_request(
        string read,
        string command) =>
        RefusedBeforeAnyRequest(read, command);

    private void RefusedBeforeAnyRequest(string read, string script)
    {
        var (session, a, b) = TwoAccounts();
        session.Run($"$items = @({read})").ShouldSucceed();
        a.ClearRequests();
        b.ClearRequests();

        var result = session.Run(script);

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e =>
        {
            Assert.StartsWith("EsConnectionMismatch,", e.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
            Assert.Contains("so it was not sent", e.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("Leave out -Connection and -AccountId", e.ErrorDetails.RecommendedAction,
                StringComparison.Ordinal);
        });
        Assert.Equal(session.Run("$items").Output.Select(o => o.BaseObject), result.Errors.Select(e => e.TargetObject));
        Assert.Contains($"account {b.Id}", result.Errors[0].Exception.Message, StringComparison.Ordinal);
        Assert.Contains($"account {a.Id}", result.Errors[0].Exception.Message, StringComparison.Ordinal);
        Assert.Empty(a.Requests());
        Assert.Empty(b.Requests());
    }

    [Theory]
    [InlineData("Move-EsMessage -Destination JunkEmail -Connection $b -Confirm:$false")]
    [InlineData("Move-EsMessage -Destination JunkEmail -AccountId $b.AccountId -Confirm:$false")]
    public void An_explicit_connection_of_the_same_account_is_used(string command)
    {
        var (session, a, b) = TwoAccounts();
        session.Run($"""
            $items = @(Get-EsMessage -Connection $b -First 2)
            $b2 = Connect-EsAccount -AccountId $b.AccountId -ApiToken $EsTestToken -BaseUri $b.BaseUri -PassThru
            Connect-EsAccount -AccountId '{a.Id}' -ApiToken $EsTestToken -BaseUri '{Emulator.ApiBaseUri}'
            """).ShouldSucceed();
        a.ClearRequests();
        b.ClearRequests();

        var result = session.Run($"$items | {command.Replace("$b ", "$b2 ", StringComparison.Ordinal)}");

        result.ShouldSucceed();
        Assert.Single(b.Requests(), r => r.Method == "POST");
        Assert.Empty(a.Requests());
    }

    [Fact]
    public void New_copies_piped_entries_to_the_account_it_is_told()
    {
        var (session, a, b) = TwoAccounts();
        var entries = session.Run("$entries = @(Get-EsBlockedSender -Connection $b | Where-Object PatternType -NE " +
            "UNKNOWN); $entries.Count").Output.Single();
        a.ClearRequests();
        b.ClearRequests();

        var result = session.Run("$entries | New-EsBlockedSender -Connection $a -Confirm:$false");

        result.ShouldSucceed();
        Assert.Equal((int)entries.BaseObject, a.Requests().Count(r => r.Method == "POST" && r.Status == 200));
        Assert.Empty(b.Requests());
    }

    [Fact]
    public void Objects_that_carry_no_connection_go_to_the_session_and_say_so_in_verbose()
    {
        var (session, a, b) = TwoAccounts();
        session.Run("""
            $items = @(Get-EsMessage -Connection $b -First 2)
            $deserialized = $items | ForEach-Object { [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($_)) }
            $rows = $items | Select-Object Id, Subject
            """).ShouldSucceed();
        a.ClearRequests();
        b.ClearRequests();

        var deserialized = session.Run("$deserialized | Get-EsMessageTrace -Verbose");
        var rows = session.Run("$rows | Get-EsMessageTrace");

        deserialized.ShouldSucceed();
        rows.ShouldSucceed();
        Assert.Equal(4, a.Requests().Count);
        Assert.Empty(b.Requests());
        Assert.Single(deserialized.Verbose, v => v.Message == "Message objects that carry no connection (read back " +
            $"from a file or a job, or made in a script) go to account {a.Id}, the connection in effect.");
    }

    [Fact]
    public void Objects_of_a_kept_connection_work_when_the_session_has_none()
    {
        var (session, a, b) = TwoAccounts();
        session.Run("$items = @(Get-EsMessage -Connection $b -First 2); Disconnect-EsAccount").ShouldSucceed();
        b.ClearRequests();

        var piped = session.Run("$items | Get-EsMessageTrace");
        var text = session.Run("$items[0].Id | Get-EsMessageTrace");

        piped.ShouldSucceed();
        Assert.Equal(2, piped.Output.Count);
        Assert.Equal(2, b.Requests().Count);
        Assert.StartsWith("EsNotConnected,",
            Assert.Single(text.Errors.Concat(text.Terminating is IContainsErrorRecord { ErrorRecord: { } stop }
                ? [stop]
                : [])).FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$items = @(Get-EsMessage -Connection $b -First 2); Disconnect-EsAccount -Connection $b")]
    [InlineData("$items = @(Get-EsMessage -AccountId $b.AccountId -First 2); Disconnect-EsAccount")]
    public void Objects_of_a_closed_connection_are_refused_not_sent_elsewhere(string setup)
    {
        var (session, a, b) = TwoAccounts();
        session.Run(setup).ShouldSucceed();
        session.Run($"Connect-EsAccount -AccountId '{a.Id}' -ApiToken $EsTestToken -BaseUri '{Emulator.ApiBaseUri}'")
            .ShouldSucceed();
        a.ClearRequests();
        b.ClearRequests();

        var result = session.Run("$items | Move-EsMessage -Destination JunkEmail -Confirm:$false");

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e =>
        {
            Assert.StartsWith("EsNotConnected,", e.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("closed by Disconnect-EsAccount", e.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("came from it and was not sent", e.Exception.Message, StringComparison.Ordinal);
        });
        Assert.Empty(a.Requests());
        Assert.Empty(b.Requests());
    }

    [Fact]
    public void The_connection_an_object_carries_shows_nowhere_in_its_output()
    {
        var (session, _, b) = TwoAccounts();

        session.Run("""
            $items = @(Get-EsMessage -Connection $b -First 2) + @(Get-EsMessage -Connection $b -First 1 | Get-EsMessageTrace) +
                @(Get-EsBlockedSender -Connection $b -First 1)
            """).ShouldSucceed();

        var output = session.Run("""
            $items | ConvertTo-Json -Depth 10
            $items | ConvertTo-Csv
            $items | Format-List * | Out-String -Width 200
            """);
        var members = session.Run("$items | Get-Member -Force | ForEach-Object Name");

        output.ShouldSucceed();
        var text = output.AllText();
        Assert.DoesNotContain(b.Id, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain($"{Emulator.ApiBaseUri.Host}:{Emulator.ApiBaseUri.Port}", text, StringComparison.Ordinal);
        Assert.DoesNotContain(members.Output, m => m.ToString()
            .Contains("Connection", StringComparison.OrdinalIgnoreCase) || m.ToString() == "AccountId");
    }
}
