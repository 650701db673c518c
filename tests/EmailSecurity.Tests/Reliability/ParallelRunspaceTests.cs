using System.Management.Automation;
using EmailSecurity.Client;
using EmailSecurity.Tests.Emulator;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Reliability;

/// <summary>
/// The module's session state (the current connection) belongs to a runspace: eight runspaces working at the same
/// time, each connected to its own account, each see only their own account, and every request goes to the account
/// of the runspace that sent it.
/// </summary>
[Collection("Emulator")]
public sealed class ParallelRunspaceTests : ReliabilityTest
{
    private const int Runspaces = 8;

    public ParallelRunspaceTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private sealed record Tenant(EmulatorAccount Account, List<string> Ids);

    /// <summary>
    /// Eight accounts of different sizes and seeds, their ids in search order, then a latency that makes the runspaces
    /// overlap.
    /// </summary>
    private async Task<List<Tenant>> Tenants()
    {
        var tenants = new List<Tenant>();
        for (var i = 0; i < Runspaces; i++)
        {
            // Seeds far apart: the simulator's generator state is seed * constant + draws * the same constant, so
            // neighbouring seeds give the same stream shifted by one draw and largely the same messages.
            var account = Emulator.NewAccount(messages: 40 + i, seed: 1_000_003 * (i + 1));
            var ids = await new AccountApi(Emulator, account).AllIds();
            account.ClearRequests();
            account.SetFaults(new FaultRule("delay") { DelayMs = 100, Times = 0 });
            tenants.Add(new Tenant(account, ids));
        }

        Assert.Equal(tenants.Sum(t => t.Ids.Count), tenants.SelectMany(t => t.Ids).Distinct().Count());
        return tenants;
    }

    /// <summary>
    /// Each account saw exactly its own runspace's work: its search pages of 20, one -First 3 search and one bulk move
    /// of its own first three ids.
    /// </summary>
    private static void AssertEachAccountSawOnlyItsOwnRequests(List<Tenant> tenants)
    {
        foreach (var tenant in tenants)
        {
            var requests = tenant.Account.Requests();
            var expected = ((tenant.Ids.Count + 19) / 20) + 2;
            Assert.True(requests.Count == expected, $"account {tenant.Account.Id} saw {requests.Count} requests: " +
                $"{string.Join(", ", requests.Select(r => r.Method + " " + r.Path))}");
            Assert.All(requests, r => Assert.StartsWith($"/client/v4/accounts/{tenant.Account.Id}/email-security/",
                r.RawTarget, StringComparison.Ordinal));
            var move = Assert.Single(requests, r => r.Method == "POST");
            Assert.Equal(tenant.Ids.Take(3), IdsSentBy(move));
        }
    }

    private const string Work = """
        $found = @(Get-EsMessage -PageSize 20 | ForEach-Object Id)
        $moved = @(Get-EsMessage -First 3 | Move-EsMessage -Destination JunkEmail -Confirm:$false | Where-Object Success | ForEach-Object MessageId)
        [pscustomobject]@{ Index = $index; Connection = (Get-EsConnection).AccountId; Found = $found; Moved = $moved; Errors = @($Error | ForEach-Object { "$_" }) }
        """;

    private static void AssertEachRunspaceGotItsOwnResults(List<Tenant> tenants, IEnumerable<PSObject> outputs)
    {
        var byIndex = outputs.ToDictionary(o => Convert.ToInt32(Unwrap(o.Properties["Index"].Value)), o => o);
        Assert.Equal(Enumerable.Range(0, Runspaces), byIndex.Keys.Order());
        foreach (var (tenant, index) in tenants.Select((t, i) => (t, i)))
        {
            var o = byIndex[index];
            Assert.Empty(Strings(o, "Errors"));
            Assert.Equal(tenant.Account.Id, o.Properties["Connection"].Value?.ToString());
            Assert.Equal(tenant.Ids, Strings(o, "Found"));
            Assert.Equal(tenant.Ids.Take(3).ToHashSet(), Strings(o, "Moved").ToHashSet());
        }
    }

    private static List<string> Strings(PSObject o, string property) =>
        ((System.Collections.IEnumerable)Unwrap(o.Properties[property].Value)!).Cast<object>()
            .Select(x => Unwrap(x)!.ToString()!).ToList();

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    [Fact]
    public async Task Eight_ForEach_Object_Parallel_runspaces_each_keep_their_own_connection_and_account()
    {
        var tenants = await Tenants();
        var session = NewSession();
        session.SetVariable("t", Secure(Token));
        session.SetVariable("accounts", tenants.Select(t => t.Account.Id).ToArray());
        session.SetVariable("manifest", Path.Combine(Paths.ModuleDir, "EmailSecurity.psd1"));
        session.SetVariable("baseUri", Emulator.ApiBaseUri.ToString());
        session.SetVariable("work", Work);

        var result = session.Run($$"""
            0..{{Runspaces - 1}} | ForEach-Object -ThrottleLimit {{Runspaces}} -Parallel {
                $index = $_
                Import-Module $using:manifest -ErrorAction Stop
                Connect-EsAccount -AccountId ($using:accounts)[$index] -ApiToken $using:t -BaseUri $using:baseUri
                . ([scriptblock]::Create($using:work))
            }
            """);

        result.ShouldSucceed();
        AssertEachRunspaceGotItsOwnResults(tenants, result.Output);
        AssertEachAccountSawOnlyItsOwnRequests(tenants);
        // The runspace that started them all was never connected.
        Assert.Empty(session.Run("Get-EsConnection").Output);
    }

    [Fact]
    public async Task Eight_sessions_on_eight_threads_each_keep_their_own_connection_and_account()
    {
        var tenants = await Tenants();
        var sessions = tenants.Select((tenant, index) =>
        {
            var session = NewSession();
            session.SetVariable("t", Secure(Token));
            session.SetVariable("index", index);
            session.Run($"Connect-EsAccount -AccountId '{tenant.Account.Id}' -ApiToken $t -BaseUri " +
                $"'{Emulator.ApiBaseUri}'").ShouldSucceed();
            return session;
        }).ToList();

        using var start = new Barrier(Runspaces);
        var results = sessions.Select(session => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                return session.Run(Work);
            },
            TaskCreationOptions.LongRunning)).ToArray();
        var finished = await Task.WhenAll(results).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(finished, r => r.ShouldSucceed());
        AssertEachRunspaceGotItsOwnResults(tenants, finished.SelectMany(r => r.Output));
        AssertEachAccountSawOnlyItsOwnRequests(tenants);
        Assert.All(sessions.Zip(tenants), pair =>
            Assert.Equal(pair.Second.Account.Id,
                Assert.Single(pair.First.Run("Get-EsConnection").Objects<EsConnection>()).AccountId));
    }
}
