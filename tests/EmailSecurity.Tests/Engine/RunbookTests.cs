using System.Management.Automation;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

/// <summary>The sample runbook of docs/azure-automation.md, run unattended against the emulator.</summary>
[Collection("Emulator")]
public sealed class RunbookTests : ModuleTest
{
    private static readonly string Runbook = Path.Combine(Paths.RepoRoot, "docs", "runbooks", "Remove-MaliciousMessages.ps1");

    public RunbookTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void The_sample_runbook_moves_the_days_malicious_messages_and_summarises_without_prompting()
    {
        var account = Emulator.NewAccount(messages: 600);
        var session = NewSession();
        session.SetVariable("credential", new PSCredential(account.Id, Secure(Token)));

        var result = session.Run($"& '{Runbook}' -Credential $credential -Hours 72 -BaseUri '{Emulator.ApiBaseUri}'");

        result.ShouldSucceed();
        var summary = Assert.Single(result.Output);
        var found = (int)summary.Properties["MessagesFound"].Value;
        Assert.True(found > 0, "the demo data has malicious messages in the last 72 hours");
        Assert.Equal(found, (int)summary.Properties["MessagesMoved"].Value);
        Assert.Equal(0, (int)summary.Properties["Failures"].Value);
        Assert.Equal("DeletedItems", summary.Properties["Destination"].Value);
        var search = account.Requests().First();
        Assert.Equal("MALICIOUS", search.QueryParameters["final_disposition"]);
        Assert.Equal("Bearer " + Token, search.Authorization);
        Assert.Equal(found, account.Requests().Where(r => r.Method == "POST").Sum(r => System.Text.Json.JsonDocument.Parse(r.Body!).RootElement.TryGetProperty("ids", out var ids) ? ids.GetArrayLength() : 1));
        Assert.Empty(result.HostText.Trim());
    }

    [Fact]
    public void Failures_become_warnings_and_count_in_the_summary()
    {
        var account = Emulator.NewAccount(messages: 600);
        account.SetFaults(new FaultRule("status") { Method = "POST", Status = 503, Times = 1 });
        var session = NewSession();
        session.SetVariable("credential", new PSCredential(account.Id, Secure(Token)));

        var result = session.Run($"& '{Runbook}' -Credential $credential -Hours 72 -BaseUri '{Emulator.ApiBaseUri}'");

        Assert.Null(result.Terminating);
        var summary = Assert.Single(result.Output);
        var failures = (int)summary.Properties["Failures"].Value;
        Assert.True(failures > 0);
        Assert.Equal(failures, result.Warnings.Count);
        Assert.All(result.Warnings, w => Assert.StartsWith("Not moved: ", w.Message));
    }
}
