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
        { "$moved = Get-EsMessage -First 1 | Move-EsMessage -Destination JunkEmail -Confirm:$false; $moved", "MessageMoveResult" },
        { "Get-EsMessage -Disposition MALICIOUS -First 1 | Get-EsMessageDetection", "MessageDetection" },
        { "Get-EsMessage -First 1 | Get-EsMessageTrace", "MessageTrace" },
        { "@(Get-EsPhishGuardReport)[0]", "PhishGuardReport" },
    };

    [Theory]
    [MemberData(nameof(ObjectsWithoutAnId))]
    public void A_piped_object_without_a_text_Id_fails_to_bind_and_sends_nothing(string producer, string typeName)
    {
        var (session, account) = Connected();
        var input = session.Run($"$items = @({producer})");
        input.ShouldSucceed();
        account.ClearRequests();

        foreach (var command in new[] { "Move-EsMessage -Destination Inbox -Confirm:$false", "Get-EsMessageTrace", "Unblock-EsMessage -Confirm:$false", "Remove-EsAllowPolicy -Confirm:$false" })
        {
            var result = session.Run($"$items | {command}");

            Assert.Empty(result.Output);
            var error = Assert.Single(result.Errors.DistinctBy(e => e.Exception.Message));
            Assert.StartsWith("ParameterArgumentTransformationError", error.FullyQualifiedErrorId);
            Assert.Contains($"A {typeName} cannot be used as an id", error.Exception.Message, StringComparison.Ordinal);
        }

        Assert.Empty(account.Requests());
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

        result.ShouldSucceed();
        Assert.Equal(
            ids.Append("from-a-csv-1").Select(id => $"What if: Performing the operation \"Move to Inbox\" on target \"{id}\"."),
            result.HostText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.DoesNotContain(account.Requests(), r => r.Method == "POST");
    }

    [Theory]
    [InlineData("Move-EsMessage -Id 12345 -Destination Inbox -Confirm:$false", "12345 is a number, and ids are text; to use it as an id anyway, quote it: -Id '12345'.")]
    [InlineData("Remove-EsAllowPolicy -Id 12345 -Confirm:$false", "12345 is a number, and ids are text; to use it as an id anyway, quote it: -Id '12345'.")]
    [InlineData("Get-EsAllowPolicy -IncludeTotalCount -First 0 | Remove-EsAllowPolicy -Confirm:$false", "is a number, and ids are text")]
    [InlineData("Get-EsBlockedSender -IncludeTotalCount -First 0 | Set-EsBlockedSender -Comments x -Confirm:$false", "is a number, and ids are text")]
    public void A_number_is_never_taken_as_an_id_so_a_total_count_piped_on_deletes_nothing(string script, string message)
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
    [InlineData("Get-EsAllowPolicy -Id $policies -Skip 1 -IncludeTotalCount", "-Skip, -IncludeTotalCount page through lists")]
    public void Paging_parameters_with_Id_read_every_id_and_say_they_do_nothing(string command, string warning)
    {
        var (session, _) = Connected();
        session.Run("$ids = @(Get-EsMessage -First 3 | ForEach-Object Id); $policies = @(Get-EsAllowPolicy | ForEach-Object Id)[0..2]").ShouldSucceed();

        var result = session.Run(command);

        result.ShouldSucceed();
        Assert.Equal(3, result.Output.Count);
        Assert.StartsWith(warning, Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }
}
