using System.Diagnostics;
using System.Management.Automation;
using EmailSecurity.Tests.Infrastructure;
using EsShell.Hosting;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace EmailSecurity.Tests.Engine;

/// <summary>
/// Tests of the engine harness itself (EngineSession and the EsShell host), without the module.
/// The scripts below write to the streams through $PSCmdlet in advanced functions, the way compiled cmdlets do.
/// </summary>
public sealed class HostTests
{
    private const string StreamsFunction = """
        function global:Write-Streams {
            [CmdletBinding()] param()
            $PSCmdlet.WriteWarning('careful now')
            $PSCmdlet.WriteVerbose('talking a lot')
            $PSCmdlet.WriteDebug('looking closely')
            $PSCmdlet.WriteInformation('for your information', [string[]]@('note'))
            $PSCmdlet.WriteProgress([System.Management.Automation.ProgressRecord]::new(1, 'Counting', 'half way'))
            'result'
        }
        """;

    private const string PickFruit =
        "$host.UI.PromptForChoice('Fruit', 'Which one?', " +
        "[System.Management.Automation.Host.ChoiceDescription[]]@('&Apple', '&Banana'), 0)";

    private readonly ITestOutputHelper log;

    public HostTests(ITestOutputHelper log)
    {
        this.log = log;
    }

    private static EngineSession NewSession(Action<EngineSessionOptions>? configure = null) =>
        EngineSession.Create(o =>
        {
            o.ImportModule = false;
            configure?.Invoke(o);
        });

    [Fact]
    public void Output_objects_are_captured()
    {
        using var session = NewSession();

        var result = session.Run("1; 'two'; [pscustomobject]@{ Name = 'three' }");

        result.ShouldSucceed();
        Assert.Equal(3, result.Output.Count);
        Assert.Equal([1], result.Objects<int>());
        Assert.Equal(["two"], result.Objects<string>());
        Assert.Equal("three", result.Output[2].Properties["Name"].Value);
        Assert.Contains("Name=three", result.AllText());
    }

    [Fact]
    public void Variables_are_set_in_the_session_and_sessions_are_isolated()
    {
        using var session = NewSession(o => o.Variables["fromOptions"] = 40);
        using var other = NewSession();

        session.SetVariable("direct", 1);
        var result = session.Run("$fromOptions + $direct + $extra", new Dictionary<string, object?> { ["extra"] = 1 });

        Assert.Equal([42], result.Objects<int>());
        Assert.DoesNotContain(other.Run("$fromOptions").Output, o => o is not null);
    }

    [Fact]
    public void Errors_are_captured_and_the_script_goes_on()
    {
        using var session = NewSession();

        var result = session.Run("Get-Command No-SuchCommand; 'after'");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("CommandNotFoundException", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Null(result.Terminating);
        Assert.Equal(["after"], result.Objects<string>());
        var failure = Assert.Throws<XunitException>(result.ShouldSucceed);
        Assert.Contains("CommandNotFoundException", failure.Message);
        Assert.Contains("No-SuchCommand", failure.Message);
    }

    [Fact]
    public void A_terminating_error_is_reported_not_thrown()
    {
        using var session = NewSession();

        var thrown = session.Run("'before'; throw 'stop here'; 'after'");
        var command = session.RunCommand("Get-Command",
            new Dictionary<string, object?> { ["Name"] = "No-SuchCommand", ["ErrorAction"] = "Stop" });

        Assert.Equal(["before"], thrown.Objects<string>());
        Assert.IsAssignableFrom<RuntimeException>(thrown.Terminating);
        Assert.Equal("stop here", thrown.Terminating!.Message);
        Assert.IsAssignableFrom<RuntimeException>(command.Terminating);
        Assert.Contains("No-SuchCommand", command.AllText());
        Assert.Throws<XunitException>(command.ShouldSucceed);
    }

    [Fact]
    public void Warning_verbose_debug_information_and_progress_are_captured()
    {
        using var session = NewSession();
        session.Run(StreamsFunction).ShouldSucceed();

        var result = session.Run("Write-Streams -Verbose -WarningAction Continue -Debug");

        result.ShouldSucceed();
        Assert.Equal(["result"], result.Objects<string>());
        Assert.Equal("careful now", Assert.Single(result.Warnings).Message);
        Assert.Equal("talking a lot", Assert.Single(result.Verbose).Message);
        Assert.Equal("looking closely", Assert.Single(result.Debug).Message);
        Assert.Equal("for your information", Assert.Single(result.Information).MessageData);
        Assert.Equal("Counting", Assert.Single(result.ProgressRecords).Activity);
        Assert.Equal("Counting", Assert.Single(session.Progress).Activity);
        Assert.Contains("WARNING: careful now", result.HostText);
        Assert.Contains("VERBOSE: talking a lot", result.HostText);
        Assert.Contains("DEBUG: looking closely", result.HostText);
        Assert.Contains("half way", result.AllText());
    }

    [Fact]
    public void Formatted_output_is_plain_text_within_the_width()
    {
        using var session = NewSession();

        var result =
            session.RunFormatted("Get-Command Get-Help | Out-Default; [pscustomobject]@{ Name = 'x' * 300; Size = 1 }");

        result.ShouldSucceed();
        Assert.Empty(result.Output);
        Assert.Contains("CommandType", result.HostText);
        Assert.Contains("Get-Help", result.HostText);
        Assert.Contains("xxxxxxxx", result.HostText);
        Assert.DoesNotContain('\x1b', result.HostText);
        var lines = result.HostText.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.All(lines, l => Assert.True(l.Length <= 120, $"{l.Length} columns: {l}"));
    }

    [Fact]
    public void The_width_option_narrows_the_format_views()
    {
        using var session = NewSession(o => o.Width = 60);

        var result = session.RunFormatted("[pscustomobject]@{ Name = 'x' * 300; Size = 1 }");

        result.ShouldSucceed();
        Assert.All(result.HostText.Split('\n'), l => Assert.True(l.TrimEnd('\r').Length <= 60, l));
    }

    [Fact]
    public void The_host_strips_escape_sequences()
    {
        using var session = NewSession();

        var result = session.Run("$host.UI.WriteLine(\"`e[31mred`e[0m and " +
            "`e]8;;https://example.com`e\\link`e]8;;`e\\\"); $host.UI.SupportsVirtualTerminal");

        Assert.Equal("red and link", result.HostText.TrimEnd());
        Assert.Equal([false], result.Objects<bool>());
    }

    [Fact]
    public void Errors_in_a_formatted_run_are_shown_and_listed()
    {
        using var session = NewSession();

        var result = session.RunFormatted("Get-Command No-SuchCommand; 'after'");

        Assert.StartsWith("CommandNotFoundException", Assert.Single(result.Errors).FullyQualifiedErrorId,
            StringComparison.Ordinal);
        Assert.Contains("No-SuchCommand", result.HostText);
        Assert.Contains("after", result.HostText);

        var thrown = session.RunFormatted("throw 'stop here'");

        Assert.Equal("stop here", thrown.Terminating?.Message);
        Assert.Contains("stop here", thrown.HostText);
    }

    [Fact]
    public void A_choice_prompt_is_answered_from_the_queue()
    {
        using var session = NewSession(o => o.PromptAnswers.Enqueue(1));
        session.Prompts.Enqueue("a");

        var byIndex = session.Run(PickFruit);
        var byHotKey = session.Run(PickFruit);

        Assert.Equal([1], byIndex.Objects<int>());
        Assert.Equal([0], byHotKey.Objects<int>());
        Assert.Equal(0, session.Prompts.Remaining);
        Assert.All(session.Prompts.Asked, a => Assert.Contains("Which one?", a));
    }

    [Fact]
    public void A_confirm_prompt_and_a_mandatory_parameter_are_answered_from_the_queue()
    {
        using var session = NewSession(o =>
        {
            o.PromptAnswers.Enqueue("N");
            o.PromptAnswers.Enqueue("Y");
            o.PromptAnswers.Enqueue("Ada");
        });
        session.Run("""
            function global:Remove-Thing { [CmdletBinding(SupportsShouldProcess)] param() if ($PSCmdlet.ShouldProcess('thing')) { 'removed' } }
            function global:Get-Greeting { param([Parameter(Mandatory)][string] $Name) "hello $Name" }
            """).ShouldSucceed();

        var declined = session.Run("Remove-Thing -Confirm");
        var confirmed = session.Run("Remove-Thing -Confirm");
        var greeted = session.Run("Get-Greeting");

        declined.ShouldSucceed();
        Assert.Empty(declined.Output);
        Assert.Equal(["removed"], confirmed.Objects<string>());
        Assert.Equal(["hello Ada"], greeted.Objects<string>());
    }

    [Fact]
    public void An_unexpected_prompt_fails_clearly()
    {
        using var session = NewSession();
        session.Run("function global:Remove-Thing { [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')] " +
            "param() if ($PSCmdlet.ShouldProcess('thing')) { 'removed' } }").ShouldSucceed();

        var choice = session.Run(PickFruit);
        var confirm = session.Run("try { Remove-Thing } catch { 'swallowed' }");

        var unexpected = Assert.IsType<UnexpectedPromptException>(choice.Terminating);
        Assert.Contains("Which one?", unexpected.Message);
        var failure = Assert.Throws<XunitException>(choice.ShouldSucceed);
        Assert.Contains("Unexpected host prompt", failure.Message);
        Assert.Contains("Which one?", failure.Message);
        // Even when the script catches what the host threw, the run fails.
        Assert.IsType<UnexpectedPromptException>(confirm.Terminating);
        Assert.Contains("thing", confirm.Terminating!.Message);
    }

    [Fact]
    public void A_running_pipeline_can_be_stopped()
    {
        using var session = NewSession();
        using var powerShell = session.NewPowerShell();
        powerShell.AddScript("$global:spins = 0; while ($true) { $global:spins++ }");

        var running = powerShell.BeginInvoke();
        SpinWait.SpinUntil(() => powerShell.InvocationStateInfo.State == PSInvocationState.Running,
            TimeSpan.FromSeconds(10));
        Thread.Sleep(100);
        powerShell.Stop();

        Assert.True(running.IsCompleted);
        Assert.Equal(PSInvocationState.Stopped, powerShell.InvocationStateInfo.State);
        Assert.True(session.Run("$global:spins").Objects<int>().Single() > 0);
    }

    [Fact]
    public void Creating_a_session_is_timed()
    {
        var clock = Stopwatch.StartNew();
        NewSession().Dispose();
        var first = clock.Elapsed;

        const int count = 10;
        clock.Restart();
        for (var i = 0; i < count; i++)
        {
            using var session = NewSession();
            session.Run("1").ShouldSucceed();
        }

        var warm = clock.Elapsed / count;
        log.WriteLine($"first session in this process: {first.TotalMilliseconds:F0} ms; then " +
            $"{warm.TotalMilliseconds:F0} ms each (create, run '1', dispose)");
        Assert.True(warm < TimeSpan.FromSeconds(5), $"a warm session took {warm}");
    }
}
