using System.Management.Automation;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

/// <summary>
/// The parameter spellings Exchange Online admins type without thinking: -Identity, -StartDate/-EndDate,
/// -SenderAddress/-RecipientAddress, -ResultSize Unlimited, and a wildcard in -Sender.
/// </summary>
[Collection("Emulator")]
public sealed class ExchangeHabitsTests : ModuleTest
{
    public ExchangeHabitsTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Theory]
    [InlineData("Id", "Identity")]
    [InlineData("Start", "StartDate")]
    [InlineData("End", "EndDate")]
    public void Every_cmdlet_with_the_parameter_takes_the_Exchange_name_too(string parameter, string alias)
    {
        var session = NewSession();

        var lacking = session.Run($$"""
            Get-Command -Module EmailSecurity | Where-Object { $_.Parameters -and $_.Parameters.ContainsKey('{{parameter}}') } |
                Where-Object { $_.Parameters['{{parameter}}'].Aliases -notcontains '{{alias}}' } | ForEach-Object Name
            """).Output.Select(o => o.ToString()).ToList();
        var having =
            session.Run($"(Get-Command -Module EmailSecurity -ParameterName {parameter}).Count").Output.Single();

        Assert.True((int)having.BaseObject > 1);
        Assert.Empty(lacking);
    }

    [Fact]
    public void Identity_reads_moves_and_removes_as_Id_does()
    {
        var (session, account) = Connected();
        var message = session.Run("Get-EsMessage -First 1").Objects<Message>().Single();
        var sender = session.Run("Get-EsBlockedSender").Objects<BlockedSender>().First();

        var result = session.Run($"""
            Get-EsMessage -Identity '{message.Id}'
            Get-EsMessageTrace -Identity '{message.Id}'
            Move-EsMessage -Identity '{message.Id}' -Destination JunkEmail
            Remove-EsBlockedSender -Identity '{sender.Id}' -Confirm:$false
            """);

        result.ShouldSucceed();
        Assert.Equal(message.Id, result.Objects<Message>().Single().Id);
        Assert.Equal(message.Id, result.Objects<MessageTrace>().Single().MessageId);
        Assert.NotEmpty(result.Objects<MessageMoveResult>());
        Assert.Contains(account.Requests(),
            r => r.Method == "DELETE" && r.Path == $"/settings/block_senders/{sender.Id}");
    }

    [Fact]
    public void StartDate_EndDate_SenderAddress_and_RecipientAddress_send_the_same_filters()
    {
        var (session, account) = Connected();
        var message = session.Run("Get-EsMessage -First 1").Objects<Message>().Single();
        account.ClearRequests();

        var result = session.Run($"""
            Get-EsMessage -SenderAddress '{message.From}' -RecipientAddress '{message.To![0]}' -StartDate '2020-01-01Z' -EndDate '2099-01-01Z'
            Get-EsSubmission -StartDate '2020-01-01Z' -EndDate '2099-01-01Z' -First 1
            Get-EsPhishGuardReport -StartDate '2020-01-01Z' -EndDate '2099-01-01Z'
            """);

        result.ShouldSucceed();
        Assert.Contains(result.Objects<Message>(), m => m.Id == message.Id);
        var requests = account.Requests();
        var search = requests.Single(r => r.Path == "/investigate");
        Assert.Equal(message.From, search.QueryParameters["sender"]);
        Assert.Equal(message.To[0], search.QueryParameters["recipient"]);
        Assert.All(requests,
            r => Assert.StartsWith("2020-01-01T00:00:00", r.QueryParameters["start"], StringComparison.Ordinal));
        Assert.All(requests,
            r => Assert.StartsWith("2099-01-01T00:00:00", r.QueryParameters["end"], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Get-EsMessage")]
    [InlineData("Get-EsSubmission")]
    public void ResultSize_is_a_number_of_items_or_Unlimited(string cmdlet)
    {
        var (session, account) = Connected();
        var all = session.Run(cmdlet).Output.Count;

        var five = session.Run($"{cmdlet} -ResultSize 5").Output.Count;
        var unlimited = session.Run($"{cmdlet} -ResultSize Unlimited").Output.Count;

        Assert.True(all > 5, $"{cmdlet} has {all} items");
        Assert.Equal(5, five);
        Assert.Equal(all, unlimited);
        Assert.Contains(account.Requests(), r => r.QueryParameters.GetValueOrDefault("per_page") == "5");
    }

    [Theory]
    [InlineData("-ResultSize 0", "EsInvalidResultSize")]
    [InlineData("-ResultSize All", "EsInvalidResultSize")]
    [InlineData("-ResultSize 5 -First 5", "EsConflictingParameters")]
    public void A_ResultSize_that_cannot_be_met_is_refused_before_any_request(string parameters, string errorId)
    {
        var (session, account) = Connected();

        var result = session.Run($"Get-EsMessage {parameters}");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("Unlimited", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Empty(account.Requests());
    }

    [Fact]
    public void ResultSize_completes_Unlimited()
    {
        var session = NewSession();

        var completions = session.Run("$s = 'Get-EsMessage -ResultSize Unl'; (TabExpansion2 -inputScript $s " +
            "-cursorColumn $s.Length).CompletionMatches.CompletionText");

        Assert.Equal("Unlimited", completions.Output.Single().ToString());
    }

    [Theory]
    [InlineData("Sender", "*@evil.test")]
    [InlineData("Sender", "@evil.test")]
    [InlineData("Recipient", "*@contoso.example")]
    public void A_wildcard_for_everyone_at_a_domain_searches_the_domain(string parameter, string value)
    {
        var (session, account) = Connected();
        var domain = value.TrimStart('*', '@');
        var byDomain = session.Run($"Get-EsMessage -{parameter} '{domain}'").Objects<Message>();
        account.ClearRequests();

        var result = session.Run($"Get-EsMessage -{parameter} '{value}'");

        result.ShouldSucceed();
        Assert.NotEmpty(byDomain);
        Assert.Equal(byDomain.Select(m => m.Id), result.Objects<Message>().Select(m => m.Id));
        Assert.Equal(domain, account.Requests().Single().QueryParameters[parameter.ToLowerInvariant()]);
    }

    [Theory]
    [InlineData("Sender", "billing*@contoso-payments.com")]
    [InlineData("Sender", "*phish*")]
    [InlineData("Recipient", "ana.?ilva@contoso.example")]
    public void Any_other_wildcard_is_refused_with_the_searches_that_work(string parameter, string value)
    {
        var (session, account) = Connected();

        var result = session.Run($"Get-EsMessage -{parameter} '{value}'");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsWildcardNotSupported,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(value, error.TargetObject);
        Assert.Contains($"-{parameter} '{value}'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("-Domain", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains("-Query", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Empty(account.Requests());
    }
}
