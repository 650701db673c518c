using System.Management.Automation;
using System.Text.RegularExpressions;
using EmailSecurity.Tests.Emulator;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

/// <summary>
/// The sample runbook and the examples of docs/azure-automation.md, run unattended against the emulator.
/// </summary>
[Collection("Emulator")]
public sealed class RunbookTests : ModuleTest
{
    private static readonly string Runbook =
        Path.Combine(Paths.RepoRoot, "docs", "runbooks", "Remove-MaliciousMessages.ps1");
    private static readonly string Guide = Path.Combine(Paths.RepoRoot, "docs", "azure-automation.md");

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
        Assert.Equal(found,
            account.Requests().Where(r => r.Method == "POST").Sum(r => System.Text.Json.JsonDocument.Parse(
                r.Body!).RootElement.TryGetProperty("ids", out var ids) ? ids.GetArrayLength() : 1));
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

    /// <summary>The PowerShell block that follows <c>&lt;!-- example: name --&gt;</c> in the guide.</summary>
    private static string Example(string name)
    {
        var match = Regex.Match(File.ReadAllText(Guide),
            $"<!-- example: {Regex.Escape(name)} -->\\s*```powershell\\n(.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, $"docs/azure-automation.md has no example '{name}'");
        return match.Groups[1].Value;
    }

    /// <summary>
    /// The guide's example for a job that stops at the first error, with batches of 5 (so there are several) and the
    /// second batch answered 503 after the API moved it: the job fails, and what it wrote names every id.
    /// </summary>
    [Fact]
    public void The_guides_stop_at_the_first_error_example_names_what_happened_to_every_id()
    {
        var (session, account) = Connected(messages: 3000);
        var example = Example("stop-at-first-error")
            .Replace("-Confirm:$false", "-BatchSize 5 -Confirm:$false", StringComparison.Ordinal)
            .Replace("AddHours(-24)", "AddHours(-720)", StringComparison.Ordinal);
        var ids = session.Run("@(Get-EsMessage -Disposition MALICIOUS -Start ([datetime]::UtcNow.AddHours(-720)) | " +
            "ForEach-Object Id)").Output.Select(o => o.ToString()!).ToList();
        Assert.True(ids.Count > 10, $"the demo data has {ids.Count} malicious messages");
        account.ClearRequests();
        account.SetFaults(new FaultRule("statusAfterProcessing") { Method = "POST", Skip = 1, Status = 503 });

        var result = session.Run(example);

        // The job fails with the error that stopped the move, rethrown.
        Assert.Contains($"for message '{ids[5]}' is unknown: it may have been applied", result.Terminating!.Message,
            StringComparison.Ordinal);
        // The results of the first request went to the output before the stop, then the summary.
        Assert.Equal(ids.Take(5).ToHashSet(),
            result.Objects<EmailSecurity.Models.MessageMoveResult>().Select(r => r.MessageId!).ToHashSet());
        var summary = result.Output[^1];
        Assert.Equal(5, (int)summary.Properties["Applied"].Value);
        Assert.Empty((string[])summary.Properties["Failed"].Value);
        Assert.Equal(ids.Skip(5).Take(5), (string[])summary.Properties["Unknown"].Value);
        Assert.Equal(ids.Skip(10), (string[])summary.Properties["NotSent"].Value);
        var api = new AccountApi(Emulator, account);
        Assert.Equal(2, account.Requests().Count(r => r.Method == "POST"));
        Assert.All(ids.Take(10), id => Assert.Contains("MOVE", Operations(api, id)));
    }

    /// <summary>
    /// The guide's runspace-pool example, with the module preloaded in the pool's InitialSessionState: every id moved
    /// once.
    /// </summary>
    [Fact]
    public void The_guides_runspace_pool_example_moves_every_id_exactly_once()
    {
        var account = Emulator.NewAccount(messages: 3000);
        var session = NewSession();
        session.SetVariable("credential", new PSCredential(account.Id, Secure(Token)));
        session.Run("function Get-AutomationPSCredential { param($Name) $credential }").ShouldSucceed();
        var example = Example("runspace-pool")
            .Replace("-PassThru", $"-BaseUri '{Emulator.ApiBaseUri}' -PassThru", StringComparison.Ordinal)
            .Replace("ImportPSModule('EmailSecurity')",
                $"ImportPSModule('{Path.Combine(Paths.ModuleDir, "EmailSecurity.psd1")}')", StringComparison.Ordinal)
            .Replace("AddHours(-24)", "AddHours(-720)", StringComparison.Ordinal);

        var result = session.Run(example);

        result.ShouldSucceed();
        var summary = Assert.Single(result.Output);
        var found = (int)summary.Properties["Found"].Value;
        Assert.True(found > 20, $"the demo data has {found} malicious messages");
        Assert.Equal(found, (int)summary.Properties["Moved"].Value);
        Assert.Equal(0, (int)summary.Properties["Failures"].Value);
        var moved = account.Requests().Where(r => r.Method == "POST").SelectMany(r =>
            System.Text.Json.JsonDocument.Parse(r.Body!).RootElement.GetProperty("ids").EnumerateArray()
                .Select(e => e.GetString()!)).ToList();
        Assert.Equal(found, moved.Count);
        Assert.Equal(found, moved.Distinct().Count());
    }

    private static List<string> Operations(AccountApi api, string id) =>
        api.Message(id).GetAwaiter().GetResult().GetProperty("post_delivery_operations").EnumerateArray()
            .Select(e => e.GetString()!).ToList();
}
