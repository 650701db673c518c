using System.Diagnostics;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Reliability;

/// <summary>
/// Each fault the emulator can inject, against each kind of read: a cursor-paged search, a read by id and a
/// page-numbered settings list. A read is idempotent, so 429s, 5xx answers, timeouts and broken bodies are retried
/// (within the budget of 4 retries); answers that arrived but cannot be used are clear errors. Every row checks the
/// outcome and the exact number of requests the emulator saw.
/// </summary>
[Collection("Emulator")]
public sealed class ReadFaultMatrixTests : ReliabilityTest
{
    private const int SearchMessages = 150;
    private const int SearchPageSize = 100;

    public ReadFaultMatrixTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    /// <summary>
    /// What a row expects: success with all the data, or one error whose FullyQualifiedErrorId starts with ErrorId.
    /// </summary>
    public sealed record Expectation(
        string? ErrorId,
        Func<int, int> Requests,
        bool NeedsShortTimeout = false,
        string? ErrorText = null);

    /// <param name="ApiVersion">The API version the account plays; the emulator's default (seed) when null.</param>
    /// <param name="Messages">The account's messages (its PhishGuard reports follow from them).</param>
    private sealed record Read(
        string Script,
        Func<string, string> PathOf,
        int CleanRequests,
        string? ApiVersion = null,
        int Messages = SearchMessages);

    private static readonly Dictionary<string, Read> Reads = new()
    {
        // 150 messages in pages of 100: two requests when nothing goes wrong.
        ["search"] = new Read($"Get-EsMessage -PageSize {SearchPageSize}", _ => "/investigate", 2),
        ["by id"] = new Read("Get-EsMessage -Id $id", id => "/investigate/" + id, 1),
        ["settings list"] = new Read("Get-EsBlockedSender", _ => "/settings/block_senders", 1),

        // The one read whose shape differs by version: 2026-10 pages PhishGuard reports. The clean run learns the paged
        // shape on the connection, so the faulted run asks for one page of 1,000.
        ["PhishGuard reports, paged (2026-10)"] =
            new Read("Get-EsPhishGuardReport", _ => "/phishguard/reports", 1, ApiVersionNames.V2026_10, Messages: 600),
    };

    private static readonly Dictionary<string, (Func<string, FaultRule[]> Rules, Expectation Expect)> Faults = new()
    {
        ["429 three times, Retry-After 0"] = (p => [new FaultRule("status") { Method = "GET", Path = p, Status = 429,
            RetryAfter = "0", Times = 3 }], new(null, clean => clean + 3)),
        ["429 storm longer than the retry budget"] = (p => [new FaultRule("status") { Method = "GET", Path = p,
            Status = 429, RetryAfter = "0", Times = 0 }], new("EsApiRateLimited", _ => 5)),
        ["500 twice"] = (p => [Server(p, 500)], new(null, clean => clean + 2)),
        ["502 twice"] = (p => [Server(p, 502)], new(null, clean => clean + 2)),
        ["503 twice"] = (p => [Server(p, 503)], new(null, clean => clean + 2)),
        ["504 twice"] = (p => [Server(p, 504)], new(null, clean => clean + 2)),
        ["429 with an absurd Retry-After"] = (
            p => [new FaultRule("status") { Method = "GET", Path = p, Status = 429, RetryAfter = "99999999999",
                Times = 1 }], new("EsApiRateLimited", _ => 1, ErrorText: "(Retry-After: 99999999999), longer than " +
                    "the 300 s this module waits for one answer; not retried")),
        ["5xx storm longer than the retry budget"] = (p => [new FaultRule("status") { Method = "GET", Path = p,
            Status = 503, RetryAfter = "0", Times = 0 }], new("EsApiServerError", _ => 5)),
        ["attempt timed out"] = (p => [new FaultRule("delay") { Method = "GET", Path = p, DelayMs = 2500, Times = 1 }],
            new(null, clean => clean + 1, NeedsShortTimeout: true)),
        ["connection dropped mid-body"] = (p => [new FaultRule("dropMidBody") { Method = "GET", Path = p, Times = 1 }],
            new(null, clean => clean + 1)),
        ["malformed JSON"] = (p => [new FaultRule("malformed") { Method = "GET", Path = p, Times = 1 }],
            new("EsApiBadResponse", _ => 1, ErrorText: "not valid JSON")),
        ["fields of unexpected JSON types"] = (
            p => [new FaultRule("retypedFields") { Method = "GET", Path = p, Times = 0,
                Fields = new() { ["to"] = "x@contoso.example", ["is_quarantined"] = "yes", ["subject"] =
                    new { odd = true }, ["is_regex"] = "TRUE", ["comments"] = 42 } }], new(null, clean => clean)),
        ["success false with HTTP 200"] = (
            p => [new FaultRule("successFalse") { Method = "GET", Path = p, Times = 1, ErrorCode = 1001, ErrorMessage =
                "Simulated refusal" }], new("EsApiRequestFailed", _ => 1, ErrorText: "Simulated refusal (code 1001)")),
        ["202 Accepted, answer after two polls"] = (p => [new FaultRule("accepted") { Method = "GET", Path = p,
            Times = 1, PollCount = 2 }], new(null, clean => clean + 2)),
        ["empty page with a next cursor"] = (p => [new FaultRule("emptyPageWithNext") { Method = "GET", Path = p,
            Times = 1 }], new(null, clean => clean + 1)),
        ["the cursor of an earlier page again"] = (p => [new FaultRule("staleCursor") { Method = "GET", Path = p,
            Skip = 1, Times = 0 }], new("EsApiPagingLoop", _ => 2)),
        ["a cursor back to the first page"] = (p => [new FaultRule("staleCursor") { Method = "GET", Path = p, Times =
            0 }], new("EsApiPagingLoop", _ => 2, ErrorText: "holds exactly the results of a page already read")),
    };

    private static FaultRule Server(string path, int status) =>
        new("status") { Method = "GET", Path = path, Status = status, RetryAfter = "0", Times = 2 };

    public static TheoryData<string, string> Rows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var read in Reads.Keys)
        {
            foreach (var fault in Faults.Keys)
            {
                var cursorOnly = fault is "empty page with a next cursor" or "the cursor of an earlier " +
                    "page again" or "a cursor back to the first page";
                if (!cursorOnly || read == "search")
                {
                    rows.Add(read, fault);
                }
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_read_meeting_a_fault_is_retried_or_fails_clearly_with_the_exact_number_of_requests(
        string read,
        string fault)
    {
        var (rules, expect) = Faults[fault];
        var shape = Reads[read];
        var (session, account) =
            ConnectedWith(expect.NeedsShortTimeout ? 1 : null, messages: shape.Messages, apiVersion: shape.ApiVersion);
        var id = session.Run("Get-EsMessage -First 1").Objects<Message>().Single().Id;
        var vars = Vars(("id", id));
        var clean = session.Run(shape.Script, vars);
        clean.ShouldSucceed();
        var expected = Keys(clean);
        Assert.NotEmpty(expected);
        if (shape.ApiVersion is null)
        {
            Assert.Equal(shape.CleanRequests + 1, account.Requests().Count);
        }
        else
        {
            // The first read of the connection may take more requests while it learns the shape.
            Assert.All(account.Requests(), r => Assert.Equal(200, r.Status));
        }

        account.ClearRequests();
        account.SetFaults(rules(shape.PathOf(id)));

        var clock = Stopwatch.StartNew();
        var result = session.Run(shape.Script, vars);
        clock.Stop();

        var requests = account.Requests();
        Assert.True(shape.ApiVersion is null || requests[0].QueryParameters.GetValueOrDefault("per_page") == "1000",
            "the connection learned the paged shape in its first read");
        Assert.True(expect.Requests(shape.CleanRequests) == requests.Count,
            $"expected {expect.Requests(shape.CleanRequests)} requests, the emulator saw {requests.Count}: " +
            string.Join(", ", requests.Select(r => $"{r.Method} {r.Path} {r.Status} {r.Outcome}")));
        Assert.Null(result.Terminating);
        if (expect.ErrorId is null)
        {
            result.ShouldSucceed();
            Assert.Equal(expected, Keys(result));
        }
        else
        {
            var error = Assert.Single(result.Errors);
            Assert.StartsWith(expect.ErrorId, error.FullyQualifiedErrorId, StringComparison.Ordinal);
            if (expect.ErrorText is not null)
            {
                Assert.Contains(expect.ErrorText, error.ToString());
            }

            Assert.Equal(Keys(result), Keys(result).Distinct());
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"the read took {clock.Elapsed}");
    }

    /// <summary>
    /// What a read produced, in order: message ids, or blocked sender ids; null output shows as "(null)".
    /// </summary>
    private static List<string> Keys(EngineResult result) =>
        result.Output.Select(o => o?.BaseObject switch
        {
            Message m => "message " + m.Id,
            BlockedSender b => "blocked sender " + b.Id,
            PhishGuardReport r => "report " + r.Id,
            null => "(null)",
            var other => other.GetType().Name + " " + other,
        }).ToList();
}
