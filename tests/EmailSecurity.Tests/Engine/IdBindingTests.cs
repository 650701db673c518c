using System.Management.Automation;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

/// <summary>What an -Id parameter takes: text, objects with an Id, and nothing that PowerShell would turn into an id
/// by its ToString().</summary>
[Collection("Emulator")]
public sealed class IdBindingTests : ModuleTest
{
    public IdBindingTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    public static TheoryData<string, string> ObjectsWithoutAnId() => new()
    {
        { "@(Get-EsPhishGuardReport)[0]", "PhishGuardReport" },
        { "Get-EsSubmission -First 1", "Submission" },
    };

    [Theory]
    [MemberData(nameof(ObjectsWithoutAnId))]
    public void A_piped_object_without_a_text_Id_fails_to_bind_and_sends_nothing(string producer, string typeName)
    {
        var (session, account) = Connected();
        var input = session.Run($"$items = @({producer})");
        input.ShouldSucceed();
        account.ClearRequests();

        foreach (var command in new[] { "Move-EsMessage -Destination Inbox -Confirm:$false", "Get-EsMessageTrace",
            "Unblock-EsMessage -Confirm:$false", "Remove-EsAllowPolicy -Confirm:$false" })
        {
            var result = session.Run($"$items | {command}");

            Assert.Empty(result.Output);
            var error = Assert.Single(result.Errors.DistinctBy(e => e.Exception.Message));
            Assert.StartsWith("ParameterArgumentTransformationError", error.FullyQualifiedErrorId);
            Assert.Contains($"A {typeName} cannot be used as an id", error.Exception.Message, StringComparison.Ordinal);
        }

        Assert.Empty(account.Requests());
    }

    /// <summary>
    /// Every output type that is a result about a message, from a command that makes one about $message.
    /// </summary>
    public static TheoryData<string> ResultsAboutAMessage() => new()
    {
        "$message | Move-EsMessage -Destination JunkEmail -Confirm:$false",
        "$message | Get-EsMessageDetection",
        "$message | Get-EsMessageTrace",
        "($message | Get-EsMessageTrace).Lines[0]",
        "$message | Get-EsMessageRaw",
        "$message | Get-EsMessagePreview",
        "$message | Submit-EsReclassification -ExpectedDisposition MALICIOUS -PassThru -Confirm:$false",
        "$message | Unblock-EsMessage -Confirm:$false",
    };

    [Theory]
    [MemberData(nameof(ResultsAboutAMessage))]
    public void A_result_about_a_message_pipes_on_as_its_message_and_keeps_its_old_MessageId(string producer)
    {
        var (session, account) = Connected();
        var id = session.Run("($message = Get-EsMessage | Where-Object IsQuarantined | Select-Object " +
            "-First 1).Id").Output.Single().ToString();
        session.Run($"$result = @({producer})[0]").ShouldSucceed();
        account.ClearRequests();

        var result = session.Run("""
            $result.InvestigateId
            $result | Get-EsMessage | ForEach-Object Id
            $result | Move-EsMessage -Destination Inbox -WhatIf
            @($result.PSObject.Properties.Name) -contains 'MessageId'
            """);
        var settings = session.Run("$result | Remove-EsAllowPolicy -Confirm:$false");
        var oldName = session.Run("$result.MessageId");

        result.ShouldSucceed();
        Assert.Equal([id, id, false], result.Output.Select(o => o.BaseObject));
        Assert.Contains($"on target \"{id}\"", result.HostText, StringComparison.Ordinal);
        Assert.Contains("cannot be used as", Assert.Single(settings.Errors).Exception.Message,
            StringComparison.Ordinal);
        if (!producer.Contains("Unblock", StringComparison.Ordinal))
        {
            Assert.Equal(id, oldName.Output.Single().ToString());
        }

        Assert.DoesNotContain(account.Requests(), r => r.Method != "GET");
    }

    /// <summary>Every cmdlet that takes a message id, and every settings cmdlet that takes an entry's id.</summary>
    private static readonly string[] MessageIdCmdlets =
    [
        "Get-EsMessage", "Get-EsMessageDetection", "Get-EsMessagePreview", "Get-EsMessageRaw", "Get-EsMessageTrace",
        "Move-EsMessage -Destination Inbox -Confirm:$false", "Unblock-EsMessage -Confirm:$false",
        "Submit-EsReclassification -ExpectedDisposition NONE -Confirm:$false",
    ];

    private static IEnumerable<string> SettingsIdCmdlets(SettingsNoun noun) =>
        [noun.Get, $"{noun.Set} {noun.SetField} -Confirm:$false", $"{noun.Remove} -Confirm:$false"];

    public static TheoryData<string, string, string> ObjectsOfAnotherCollection()
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var command in MessageIdCmdlets)
        {
            rows.Add("Get-EsAllowPolicy -First 1", command, "(AllowPolicy) cannot be used as a message id");
            rows.Add("Get-EsDomain -First 1", command, "(EmailDomain) cannot be used as a message id");
        }

        foreach (var command in SettingsNoun.All.SelectMany(SettingsIdCmdlets))
        {
            rows.Add("Get-EsMessage -First 1", command, "(Message) cannot be used as the id of a settings entry");
            rows.Add("[EmailSecurity.Models.ReleaseResult]@{ Id = (Get-EsMessage -First 1).Id }", command,
                "(ReleaseResult) cannot be used as the id of a settings entry");
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(ObjectsOfAnotherCollection))]
    public void An_object_whose_id_belongs_to_another_collection_is_refused_before_any_request(
        string producer,
        string command,
        string message)
    {
        var (session, account) = Connected();
        session.Run($"$items = @({producer})").ShouldSucceed();
        Assert.Single(session.Run("$items").Output);
        account.ClearRequests();

        var result = session.Run($"$items | {command}");
        var named =
            session.Run($"{command.Split(' ')[0]} -Id $items[0] {string.Join(' ', command.Split(' ').Skip(1))}");

        foreach (var run in new[] { result, named })
        {
            Assert.Empty(run.Output);
            var error = Assert.Single(run.Errors.Concat(
                run.Terminating is IContainsErrorRecord { ErrorRecord: { } stopped } ? [stopped] : []));
            Assert.Contains(message, error.Exception.Message, StringComparison.Ordinal);
        }

        Assert.Empty(account.Requests());
    }

    [Theory]
    [InlineData("Get-EsMessage -First 1", "Remove-EsAllowPolicy -Confirm:$false",
        "(Message) cannot be used as the id of a settings entry")]
    [InlineData("Get-EsAllowPolicy -First 1", "Move-EsMessage -Destination JunkEmail -Confirm:$false",
        "(AllowPolicy) cannot be used as a message id")]
    public void A_deserialized_object_of_another_collection_is_refused_too(
        string producer,
        string command,
        string message)
    {
        var (session, account) = Connected();
        // What Import-Clixml, a job or a remote session give back: a property bag whose type names start with
        // "Deserialized.".
        session.Run(
            $"$items = @({producer}) | ForEach-Object {{ " +
            "[System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($_)) }")
            .ShouldSucceed();
        Assert.StartsWith("Deserialized.EmailSecurity.Models.",
            session.Run("$items[0].PSObject.TypeNames[0]").Output.Single().ToString());
        account.ClearRequests();

        var result = session.Run($"$items | {command}");

        Assert.Contains(message, Assert.Single(result.Errors).Exception.Message, StringComparison.Ordinal);
        Assert.Empty(account.Requests());
    }

    [Theory]
    [InlineData("$domain | Get-EsAllowPolicy")]
    [InlineData("Get-EsAllowPolicy -Id $domain")]
    [InlineData("Remove-EsAllowPolicy -Id $domain -Force")]
    public void An_entry_of_another_settings_list_is_refused_by_the_Get_cmdlets_too(string command)
    {
        var (session, account) = Connected();
        session.Run("$domain = Get-EsDomain -First 1").ShouldSucceed();
        account.ClearRequests();

        var result = session.Run(command);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsWrongSettingsObject", error.FullyQualifiedErrorId);
        Assert.Contains("(EmailDomain) is not an entry of this cmdlet's list (allow policy)", error.Exception.Message,
            StringComparison.Ordinal);
        Assert.Empty(account.Requests());
    }

    [Fact]
    public void Objects_of_the_right_collection_and_plain_ids_keep_working()
    {
        var (session, account) = Connected();
        var message = session.Run("($message = Get-EsMessage -First 1).Id").Output.Single().ToString()!;
        // A release result's Id is its message's investigate id.
        session.Run("$released = [EmailSecurity.Models.ReleaseResult]@{ Id = $message.Id }").ShouldSucceed();

        var result = session.Run("""
            $released | Move-EsMessage -Destination JunkEmail -WhatIf
            Get-EsMessage -First 1 | Get-EsMessageTrace | Out-Null
            Get-EsAllowPolicy -First 1 | Get-EsAllowPolicy | ForEach-Object Id
            'plain-id' | Move-EsMessage -Destination Inbox -WhatIf
            [pscustomobject]@{ Id = 'csv-row-id' } | Remove-EsTrustedDomain -WhatIf
            """);

        result.ShouldSucceed();
        Assert.Contains($"on target \"{message}\"", result.HostText);
        Assert.Contains("on target \"plain-id\"", result.HostText);
        Assert.Contains("on target \"csv-row-id\"", result.HostText);
        Assert.Single(result.Output);
    }

    [Fact]
    public void Ids_as_text_pipe_into_the_Get_cmdlets_as_into_the_others()
    {
        var (session, _) = Connected();
        var messages = session.Run("Get-EsMessage -First 3").Objects<Message>();
        var policies = session.Run("Get-EsAllowPolicy").Objects<AllowPolicy>();

        var fetched = session.Run("Get-EsMessage -First 3 | ForEach-Object Id | Get-EsMessage");
        var fetchedPolicies = session.Run("Get-EsAllowPolicy | ForEach-Object Id | Get-EsAllowPolicy");

        fetched.ShouldSucceed();
        fetchedPolicies.ShouldSucceed();
        Assert.Equal(messages.Select(m => m.Id), fetched.Objects<Message>().Select(m => m.Id));
        Assert.NotEmpty(policies);
        Assert.Equal(policies.Select(p => p.Id), fetchedPolicies.Objects<AllowPolicy>().Select(p => p.Id));
    }

    [Fact]
    public void Objects_given_to_Id_give_their_Id_or_InvestigateId()
    {
        var (session, account) = Connected();
        var ids = session.Run("Get-EsMessage -First 2").Objects<Message>().Select(m => m.Id).ToList();
        account.ClearRequests();

        var result = session.Run("""
            Move-EsMessage -Id (Get-EsMessage -First 2) -Destination Inbox -WhatIf
            [pscustomobject]@{ InvestigateId = 'from-a-csv-1' } | Move-EsMessage -Destination Inbox -WhatIf
            """);

        // Messages given to -Id are named as piped ones are: subject, sender and id.
        result.ShouldSucceed();
        var lines = result.HostText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(ids.Zip(lines), pair => Assert.Matches(
            $"^What if: Performing the operation \"Move to Inbox\" on target \"'.+' from .+ \\({pair.First}\\)\"\\.$",
            pair.Second));
        Assert.Equal("What if: Performing the operation \"Move to Inbox\" on target \"from-a-csv-1\".", lines[2]);
        Assert.DoesNotContain(account.Requests(), r => r.Method == "POST");
    }

    [Theory]
    [InlineData("Move-EsMessage -Id 12345 -Destination Inbox -Confirm:$false",
        "12345 is a number, and ids are text; to use it as an id anyway, quote it: -Id '12345'.")]
    [InlineData("Remove-EsAllowPolicy -Id 12345 -Confirm:$false",
        "12345 is a number, and ids are text; to use it as an id anyway, quote it: -Id '12345'.")]
    [InlineData("Get-EsAllowPolicy -IncludeTotalCount -First 0 | Remove-EsAllowPolicy -Confirm:$false",
        "is a number, and ids are text")]
    [InlineData("Get-EsBlockedSender -IncludeTotalCount -First 0 | Set-EsBlockedSender -Comments x -Confirm:$false",
        "is a number, and ids are text")]
    public void A_number_is_never_taken_as_an_id_so_a_total_count_piped_on_deletes_nothing(
        string script,
        string message)
    {
        var (session, account) = Connected();
        account.ClearRequests();

        var result = session.Run(script);

        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.Contains(message, e.Exception.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(account.Requests(), r => r.Method != "GET");
    }

    [Fact]
    public void A_quoted_number_is_an_id()
    {
        var (session, account) = Connected();
        account.ClearRequests();

        var policy = session.Run("Get-EsAllowPolicy -Id '12345'");

        Assert.Equal("/settings/allow_policies/12345", Assert.Single(account.Requests()).Path);
        Assert.Equal("12345", Assert.Single(policy.Errors).TargetObject);
    }

    [Theory]
    [InlineData("Get-EsMessage -Id $ids -First 1", "-First page through lists")]
    [InlineData("Get-EsAllowPolicy -Id $policies -Skip 1 -IncludeTotalCount",
        "-Skip, -IncludeTotalCount page through lists")]
    public void Paging_parameters_with_Id_read_every_id_and_say_they_do_nothing(string command, string warning)
    {
        var (session, _) = Connected();
        session.Run("$ids = @(Get-EsMessage -First 3 | ForEach-Object Id); $policies = @(Get-EsAllowPolicy | " +
            "ForEach-Object Id)[0..2]").ShouldSucceed();

        var result = session.Run(command);

        result.ShouldSucceed();
        Assert.Equal(3, result.Output.Count);
        Assert.StartsWith(warning, Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }
}
