using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Reliability;

/// <summary>
/// Each fault the emulator can inject, against the second of three bulk requests of Move-EsMessage and
/// Unblock-EsMessage (five piped ids, batches of 2, 2 and 1). A change is not idempotent: only a 429 (the API says it
/// did not process the request) is sent again; after anything else the ids of that batch are reported as errors that
/// name them, and the other batches go on. Every row checks every piped id, the exact number of POSTs and that no
/// batch was sent twice after an ambiguous failure.
/// </summary>
[Collection("Emulator")]
public sealed class BulkChangeFaultMatrixTests : ReliabilityTest
{
    private const int Piped = 5;
    private const int BatchSize = 2;
    private const int CleanPosts = 3;

    public BulkChangeFaultMatrixTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    /// <param name="ErrorId">Null when every id succeeds; else the FullyQualifiedErrorId prefix of the errors for the second batch.</param>
    /// <param name="Ambiguous">The errors must say the change may have been carried out.</param>
    public sealed record Expectation(string? ErrorId, int Posts, bool Ambiguous = false, bool NeedsShortTimeout = false);

    private sealed record Change(string Script, string Path, string PickIds);

    private static readonly Dictionary<string, Change> Changes = new()
    {
        ["move"] = new Change(
            $"$ids | Move-EsMessage -Destination JunkEmail -BatchSize {BatchSize} -Confirm:$false",
            "/investigate/move",
            $"Get-EsMessage -First {Piped} | ForEach-Object Id"),
        ["release"] = new Change(
            $"$ids | Unblock-EsMessage -BatchSize {BatchSize} -Confirm:$false",
            "/investigate/release",
            $"Get-EsMessage | Where-Object IsQuarantined | ForEach-Object Id"),
    };

    private static readonly Dictionary<string, (Func<string, FaultRule> Rule, Expectation Expect)> Faults = new()
    {
        ["429 three times, Retry-After 0"] = (p => Second(p, "status", 429, times: 3), new(null, CleanPosts + 3)),
        ["429 storm longer than the retry budget"] = (p => Second(p, "status", 429, times: 5), new("EsApiRateLimited", CleanPosts + 4)),
        ["500 after processing"] = (p => Second(p, "statusAfterProcessing", 500), new("EsApiServerError", CleanPosts, Ambiguous: true)),
        ["502 before processing"] = (p => Second(p, "status", 502), new("EsApiServerError", CleanPosts, Ambiguous: true)),
        ["503 after processing"] = (p => Second(p, "statusAfterProcessing", 503), new("EsApiServerError", CleanPosts, Ambiguous: true)),
        ["504 before processing"] = (p => Second(p, "status", 504), new("EsApiServerError", CleanPosts, Ambiguous: true)),
        ["attempt timed out"] = (p => Second(p, "delay", null) with { DelayMs = 2500 }, new("EsApiNoAnswer", CleanPosts, Ambiguous: true, NeedsShortTimeout: true)),
        ["connection dropped after processing"] = (p => Second(p, "dropAfterProcessing", null), new("EsApiNoAnswer", CleanPosts, Ambiguous: true)),
        ["connection dropped mid-body"] = (p => Second(p, "dropMidBody", null), new("EsApiNoAnswer", CleanPosts, Ambiguous: true)),
        ["malformed JSON"] = (p => Second(p, "malformed", null), new("EsApiBadResponse", CleanPosts)),
        ["success false with HTTP 200"] = (p => Second(p, "successFalse", null), new("EsApiRequestFailed", CleanPosts)),
    };

    /// <summary>A rule for the second POST to <paramref name="path"/> (and the ones after it, <paramref name="times"/> in all).</summary>
    private static FaultRule Second(string path, string kind, int? status, int times = 1) =>
        new(kind) { Method = "POST", Path = path, Skip = 1, Times = times, Status = status, RetryAfter = status == 429 ? "0" : null };

    public static TheoryData<string, string> Rows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var change in Changes.Keys)
        {
            foreach (var fault in Faults.Keys)
            {
                rows.Add(change, fault);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Every_piped_id_is_accounted_for_and_no_batch_is_sent_twice_after_an_ambiguous_failure(string change, string fault)
    {
        var (rule, expect) = Faults[fault];
        var shape = Changes[change];
        var (session, account) = ConnectedWith(expect.NeedsShortTimeout ? 1 : null, messages: 200);
        var ids = session.Run(shape.PickIds).Output.Select(o => o.ToString()).Take(Piped).ToList();
        Assert.Equal(Piped, ids.Count);
        account.ClearRequests();
        account.SetFaults(rule(shape.Path));

        var result = session.Run(shape.Script, Vars(("ids", ids.ToArray())));

        var requests = account.Requests();
        var posts = requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(posts.Count, requests.Count);
        Assert.All(posts, p => Assert.Equal(shape.Path, p.Path));
        Assert.True(expect.Posts == posts.Count,
            $"expected {expect.Posts} POSTs, the emulator saw {posts.Count}: " + string.Join(", ", posts.Select(p => $"#{p.Seq} {p.Status} {p.Outcome}")));
        AssertNoIdSentTwiceUnlessRateLimited(posts);
        var distinctBatches = posts.Select(p => string.Join(",", IdsSentBy(p))).Distinct().ToList();
        Assert.Equal(new[] { ids[0] + "," + ids[1], ids[2] + "," + ids[3], ids[4] }, distinctBatches);

        var errors = AssertEveryIdAccountedForOnce(ids, result);
        if (expect.ErrorId is null)
        {
            Assert.Empty(errors);
            Assert.Equal(ids.ToHashSet(), SucceededIds(result));
            return;
        }

        Assert.Equal(new[] { ids[2], ids[3] }.ToHashSet(), errors.Keys.ToHashSet());
        Assert.All(errors.Values, e =>
        {
            Assert.StartsWith(expect.ErrorId, e.FullyQualifiedErrorId, StringComparison.Ordinal);
            if (expect.Ambiguous)
            {
                Assert.Contains("may have been carried out", e.ToString());
            }
        });
        Assert.Equal(new[] { ids[0], ids[1], ids[4] }.ToHashSet(), SucceededIds(result));
    }

    [Fact]
    public void Bulk_moves_against_a_rate_limited_account_keep_within_the_limit_or_wait_as_told_and_move_every_id_once()
    {
        // The module keeps one request budget per credential for the whole process and learns it from the Ratelimit
        // headers: a token of this test's own keeps what it learns here away from every other test.
        var (session, account) = ConnectedWith(null, messages: 200, token: "es-ratelimit-" + Guid.NewGuid().ToString("N"));
        var ids = session.Run("Get-EsMessage -First 60 | ForEach-Object Id").Output.Select(o => o.ToString()).ToList();
        account.ClearRequests();
        // 12 bulk POSTs against 5 requests per second: the module has to pace itself or be refused.
        account.SetRateLimit(5, 1);

        var result = session.Run("$ids | Move-EsMessage -Destination DeletedItems -BatchSize 5 -Confirm:$false -Verbose", Vars(("ids", ids.ToArray())));

        account.ClearRateLimit();
        result.ShouldSucceed();
        AssertEveryIdAccountedForOnce(ids, result);
        Assert.Equal(ids.ToHashSet(), SucceededIds(result));
        var posts = account.Requests().Where(r => r.Method == "POST").ToList();
        Assert.All(posts, p => Assert.True(p.Status is 200 or 429, $"#{p.Seq} {p.Status} {p.Outcome}"));
        Assert.Equal(12, posts.Count(p => p.Status == 200));
        AssertNoIdSentTwiceUnlessRateLimited(posts);
        Assert.Contains(result.Verbose, v => v.Message.Contains("Rate budget") || v.Message.Contains("rate limited (429)"));
    }
}
