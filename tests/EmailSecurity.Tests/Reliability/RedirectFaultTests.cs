using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Reliability;

/// <summary>
/// Every redirect status, to the API's own origin and to another (the emulator under the name localhost: a request
/// that followed would be recorded), against a read and each kind of change. A read follows any redirect on its own
/// origin; a change follows only 307/308 there (sent again with its body); nothing goes to another origin, neither
/// the credential nor a body. Each row checks what the user sees, every request the emulator saw, and the entries.
/// </summary>
[Collection("Emulator")]
public sealed class RedirectFaultTests : ReliabilityTest
{
    private const string NewPattern = "redirected.example";

    public RedirectFaultTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private sealed record Operation(string Method, string Script, Func<string, string> PathOf);

    private static readonly Dictionary<string, Operation> Operations = new()
    {
        ["read"] = new("GET", "Get-EsBlockedSender", _ => "/settings/block_senders"),
        ["create"] = new("POST", $"New-EsBlockedSender -Pattern {NewPattern} -PatternType DOMAIN -Confirm:$false",
            _ => "/settings/block_senders"),
        ["update"] = new("PATCH", "Set-EsBlockedSender -Id $id -Comments 'after the redirect' -Confirm:$false",
            id => "/settings/block_senders/" + id),
        ["delete"] =
            new("DELETE", "Remove-EsBlockedSender -Id $id -Confirm:$false", id => "/settings/block_senders/" + id),
    };

    public static TheoryData<string, int, bool> Rows()
    {
        var rows = new TheoryData<string, int, bool>();
        foreach (var operation in Operations.Keys)
        {
            foreach (var status in new[] { 301, 302, 307, 308 })
            {
                rows.Add(operation, status, true);
                rows.Add(operation, status, false);
            }
        }

        rows.Add("read", 303, true);
        rows.Add("read", 303, false);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_redirect_is_followed_only_on_the_APIs_own_origin_and_a_change_only_after_307_or_308(
        string operation,
        int status,
        bool sameOrigin)
    {
        var shape = Operations[operation];
        var (session, account) = ConnectedWith(null);
        var before = session.Run("Get-EsBlockedSender").Objects<BlockedSender>();
        var entry = before.First();
        var vars = Vars(("id", entry.Id));
        account.ClearRequests();
        var location = sameOrigin ? "{target}" : $"http://localhost:{Emulator.ApiBaseUri.Port}{{target}}";
        account.SetFaults(new FaultRule("redirect") { Method = shape.Method, Path = shape.PathOf(entry.Id!),
            Status = status, Location = location });

        var result = session.Run(shape.Script, vars);

        var requests = account.Requests();
        Assert.All(requests, r => Assert.Equal("Bearer " + Token, r.Authorization));
        var followed = sameOrigin && (shape.Method == "GET" || status is 307 or 308);
        if (followed)
        {
            result.ShouldSucceed();
            Assert.Equal(new[] { shape.Method, shape.Method }, requests.Select(r => r.Method));
            Assert.Equal(new[] { status, 200 }, requests.Select(r => r.Status));
            Assert.Equal(requests[0].Body, requests[1].Body);
        }
        else
        {
            var error = Assert.Single(result.Errors);
            Assert.StartsWith("EsApiRedirected,", error.FullyQualifiedErrorId);
            Assert.Contains($"The API answered {status} ", error.Exception.Message);
            Assert.Contains(sameOrigin ? "a change is not sent again after a" : "which is not the API's address",
                error.Exception.Message);
            if (shape.Method != "GET")
            {
                Assert.Contains("The change was not carried out.", error.Exception.Message);
            }

            Assert.Contains("Connect-EsAccount -BaseUri", error.ErrorDetails.RecommendedAction);
            Assert.Single(requests);
        }

        var after = session.Run("Get-EsBlockedSender").Objects<BlockedSender>();
        var applied = followed && shape.Method != "GET";
        switch (operation)
        {
            case "create":
                Assert.Equal(applied ? 1 : 0, after.Count(b => b.Pattern == NewPattern));
                Assert.Equal(before.Length + (applied ? 1 : 0), after.Length);
                break;
            case "update":
                Assert.Equal(applied ? "after the redirect" : entry.Comments,
                    after.Single(b => b.Id == entry.Id).Comments);
                break;
            case "delete":
                Assert.Equal(applied ? 0 : 1, after.Count(b => b.Id == entry.Id));
                break;
            default:
                Assert.Equal(before.Select(b => b.Id), after.Select(b => b.Id));
                if (followed)
                {
                    Assert.Equal(before.Select(b => b.Id), result.Objects<BlockedSender>().Select(b => b.Id));
                }

                break;
        }
    }
}
