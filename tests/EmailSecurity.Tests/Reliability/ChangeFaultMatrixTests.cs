using System.Management.Automation;
using System.Text.Json;
using EmailSecurity.Models;
using EmailSecurity.Tests.Emulator;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Reliability;

/// <summary>
/// Each fault the emulator can inject, against each kind of change: the bulk moves and releases (the second of three
/// requests: five piped ids in batches of 2, 2 and 1), and the changes made one request per target (reclassify,
/// create, edit, delete). A change is not idempotent: only a 429 (the API says it did not process the request) is sent
/// again, and a DELETE, which is. Every row checks what the user is told (the error id, a message that names the target
/// and says whether the change failed or may have been applied, and an advice that never says to run the command
/// again after a change that may have been applied), the exact number of requests, and the emulator's own data: every
/// change applied at most once, and applied exactly when the fault let the API process it.
/// </summary>
[Collection("Emulator")]
public sealed class ChangeFaultMatrixTests : ReliabilityTest
{
    private const int Piped = 5;
    private const int BatchSize = 2;
    private const int CleanPosts = 3;
    private const string Unknown = "EsChangeOutcomeUnknown";

    public ChangeFaultMatrixTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    /// <param name="ErrorId">Null when every id succeeds; else the FullyQualifiedErrorId prefix of the errors for the
    /// second batch.</param>
    /// <param name="Processed">Whether the API carried out the second batch; null when the test cannot know (a timeout:
    /// the emulator may still be working).</param>
    /// <param name="LeftOut">Only the ids of the second batch the answer left out are errors.</param>
    public sealed record Expectation(
        string? ErrorId,
        int Posts,
        bool? Processed,
        string? Cause = null,
        bool NeedsShortTimeout = false,
        bool LeftOut = false);

    /// <param name="Applied">The emulator's trace line that each application of the change adds to a message.</param>
    private sealed record BulkChange(string Script, string Path, string PickIds, string Action, string Applied);

    private static readonly Dictionary<string, BulkChange> BulkChanges = new()
    {
        ["move"] = new BulkChange(
            $"$ids | Move-EsMessage -Destination JunkEmail -BatchSize {BatchSize} -Confirm:$false",
            "/investigate/move",
            $"Get-EsMessage -First {Piped} | ForEach-Object Id",
            "Move to JunkEmail",
            "Moved to JunkEmail by API"),
        ["release"] = new BulkChange(
            $"$ids | Unblock-EsMessage -BatchSize {BatchSize} -Confirm:$false",
            "/investigate/release",
            "Get-EsMessage | Where-Object IsQuarantined | ForEach-Object Id",
            "Release from quarantine",
            "Released from quarantine by API"),
    };

    private static readonly Dictionary<string, (Func<string, FaultRule> Rule, Expectation Expect)> BulkFaults = new()
    {
        ["429 three times, Retry-After 0"] = (p => Second(p, "status", 429, times: 3), new(null, CleanPosts + 3, true)),
        ["429 storm longer than the retry budget"] =
            (p => Second(p, "status", 429, times: 5), new("EsApiRateLimited", CleanPosts + 4, false)),
        ["400 refused"] = (p => Second(p, "status", 400), new("EsApiBadRequest", CleanPosts, false, "HTTP 400")),
        ["500 after processing"] =
            (p => Second(p, "statusAfterProcessing", 500), new(Unknown, CleanPosts, true, "HTTP 500")),
        ["502 before processing"] = (p => Second(p, "status", 502), new(Unknown, CleanPosts, false, "HTTP 502")),
        ["503 after processing"] =
            (p => Second(p, "statusAfterProcessing", 503), new(Unknown, CleanPosts, true, "HTTP 503")),
        ["504 before processing"] = (p => Second(p, "status", 504), new(Unknown, CleanPosts, false, "HTTP 504")),
        ["attempt timed out"] = (p => Second(p, "delay", null) with { DelayMs = 2500 },
            new(Unknown, CleanPosts, null, "No answer from the API", NeedsShortTimeout: true)),
        ["connection dropped before processing"] =
            (p => Second(p, "drop", null), new(Unknown, CleanPosts, false, "No answer from the API")),
        ["connection dropped after processing"] =
            (p => Second(p, "dropAfterProcessing", null), new(Unknown, CleanPosts, true, "No answer from the API")),
        ["connection dropped mid-body"] =
            (p => Second(p, "dropMidBody", null), new(Unknown, CleanPosts, true, "No answer from the API")),
        ["200 with a truncated body"] =
            (p => Second(p, "malformed", null), new(Unknown, CleanPosts, true, "not valid JSON")),
        ["200 with JSON of the wrong shape"] =
            (p => Second(p, "wrongShape", null), new(Unknown, CleanPosts, true, "HTTP 200 with")),
        ["200 whose results leave ids out"] = (p => Second(p, "partialResults", null),
            new(Unknown, CleanPosts, true, "reported nothing for this message", LeftOut: true)),
        ["success false with HTTP 200"] =
            (p => Second(p, "successFalse", null), new("EsApiRequestFailed", CleanPosts, false, "Simulated failure")),
    };

    /// <summary>
    /// A rule for the second POST to <paramref name="path"/> (and the ones after it, <paramref name="times"/> in all).
    /// </summary>
    private static FaultRule Second(string path, string kind, int? status, int times = 1) =>
        new(kind) { Method = "POST", Path = path, Skip = 1, Times = times, Status = status,
            RetryAfter = status == 429 ? "0" : null };

    /// <summary>
    /// Every bulk change with every fault in the seed API; the release also in 2026-10, whose request shape differs:
    /// there the connection's first release is refused in the seed's shape and sent again in the one 2026-10 takes,
    /// before the fault meets the second batch. The move is sent alike in both versions, so it runs once.
    /// </summary>
    public static TheoryData<string, string, string> BulkRows()
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var (change, version) in new[] { ("move", ApiVersionNames.Seed), ("release", ApiVersionNames.Seed),
            ("release", ApiVersionNames.V2026_10) })
        {
            foreach (var fault in BulkFaults.Keys)
            {
                rows.Add(change, fault, version);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(BulkRows))]
    public void A_bulk_change_meeting_a_fault_accounts_for_every_id_says_what_is_known_and_is_applied_at_most_once(
        string change,
        string fault,
        string version)
    {
        var (rule, expect) = BulkFaults[fault];
        var shape = BulkChanges[change];
        var (session, account) = ConnectedWith(expect.NeedsShortTimeout ? 1 : null, messages: 200, apiVersion: version);
        var api = new AccountApi(Emulator, account);
        var ids = session.Run(shape.PickIds).Output.Select(o => o.ToString()!).Take(Piped).ToList();
        Assert.Equal(Piped, ids.Count);
        var appliedBefore = ids.ToDictionary(id => id, id => api.TraceLines(id, shape.Applied));
        account.ClearRequests();
        var refusedShapes = change == "release" && version == ApiVersionNames.V2026_10 ? 1 : 0;
        var faultRule = rule(shape.Path);
        account.SetFaults(faultRule with { Skip = faultRule.Skip + refusedShapes });

        var result = session.Run(shape.Script, Vars(("ids", ids.ToArray())));

        var requests = account.Requests();
        var posts = requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(posts.Count, requests.Count);

        // A shape refusal (400 from the API itself, nothing done) comes first, at most once; the rest are the batches.
        var refusals = posts.Where(p => p.Status == 400 && p.Outcome == "ok").ToList();
        Assert.Equal(refusedShapes, refusals.Count);
        Assert.True(refusals.All(r => r.Seq == posts[0].Seq),
            "only the connection's first release is refused for its shape");
        posts = posts.Except(refusals).ToList();
        Assert.All(posts, p => Assert.Equal(shape.Path, p.Path));
        Assert.True(expect.Posts == posts.Count,
            $"expected {expect.Posts} POSTs, the emulator saw {posts.Count}: " +
            string.Join(", ", posts.Select(p => $"#{p.Seq} {p.Status} {p.Outcome}")));
        AssertNoIdSentTwiceUnlessRateLimited(posts);
        var distinctBatches = posts.Select(p => string.Join(",", IdsSentBy(p))).Distinct().ToList();
        Assert.Equal(new[] { ids[0] + "," + ids[1], ids[2] + "," + ids[3], ids[4] }, distinctBatches);

        // What the emulator did: every id applied once, except the second batch when the API did not process it.
        var applied = ids.ToDictionary(id => id, id => api.TraceLines(id, shape.Applied) - appliedBefore[id]);
        Assert.All(ids, id => Assert.InRange(applied[id], 0, 1));
        Assert.All(new[] { ids[0], ids[1], ids[4] }, id => Assert.Equal(1, applied[id]));
        if (expect.Processed is bool processed)
        {
            Assert.All(new[] { ids[2], ids[3] }, id => Assert.Equal(processed ? 1 : 0, applied[id]));
        }

        // What the user was told.
        var errors = AssertEveryIdAccountedForOnce(ids, result);
        if (expect.ErrorId is null)
        {
            Assert.Empty(errors);
            Assert.Equal(ids.ToHashSet(), SucceededIds(result));
            return;
        }

        var erring = expect.LeftOut
            ? new[] { ids[2], ids[3] }.Where(id => !SucceededIds(result).Contains(id)).ToHashSet()
            : new[] { ids[2], ids[3] }.ToHashSet();
        Assert.NotEmpty(erring);
        Assert.Equal(erring, errors.Keys.ToHashSet());
        Assert.Equal(ids.Except(erring).ToHashSet(), SucceededIds(result));
        var outcome = expect.ErrorId == Unknown ? ChangeOutcome.Unknown : ChangeOutcome.Failed;
        Assert.All(errors, pair => AssertToldAbout(pair.Value, pair.Key, shape.Action, "message",
            $"Get-EsMessage -Id '{pair.Key}'", outcome, expect));
        var outcomes =
            ((EsChangeException)errors.Values.First().Exception).Outcomes.ToDictionary(o => o.Target, o => o.Outcome);
        Assert.Equal(ids.ToDictionary(id => id, id => erring.Contains(id) ? outcome : ChangeOutcome.Applied), outcomes);
    }

    /// <summary>
    /// A change made with one request per target, its target and how the emulator's data shows it applied.
    /// </summary>
    /// <param name="Applied">How many times the emulator's data shows the change (a count, or 1/0 for an edit or a
    /// delete), from the target.</param>
    private sealed record SingleChange(
        string Script,
        string Method,
        string Path,
        string Action,
        string Noun,
        Func<EngineSession, AccountApi, string> PickTarget,
        Func<AccountApi, string, int> Applied,
        Func<string, string> Check);

    private const string NewPattern = "faults.example";
    private const string EditedComment = "edited under faults";

    private static readonly Dictionary<string, SingleChange> SingleChanges = new()
    {
        ["reclassify"] = new SingleChange(
            "Submit-EsReclassification -Id $target -ExpectedDisposition NONE -Confirm:$false", "POST", "/reclassify",
            "Submit for reclassification as NONE", "message",
            (session, _) => session.Run("Get-EsMessage -First 1").Objects<Message>().Single().Id,
            (api, _) => api.TotalCount("/submissions").GetAwaiter().GetResult(),
            target => $"Get-EsMessage -Id '{target}'"),
        ["create"] = new SingleChange(
            $"New-EsAllowPolicy -Pattern '{NewPattern}' -PatternType DOMAIN -Confirm:$false", "POST",
            "/settings/allow_policies",
            "Create allow policy", "allow policy",
            (_, _) => NewPattern,
            (api, _) => Entries(api, "allow_policies").Count(p => p.GetProperty("pattern").GetString() == NewPattern),
            _ => $"Get-EsAllowPolicy -Pattern '{NewPattern}'"),
        ["edit"] = new SingleChange(
            $"Set-EsBlockedSender -Id $target -Comments '{EditedComment}' -Confirm:$false", "PATCH",
            "/settings/block_senders/",
            "Update blocked sender: set comments", "blocked sender",
            (_, api) => Entries(api, "block_senders").First().GetProperty("id").GetString()!,
            (api, id) => Entries(api, "block_senders").Count(
                e => e.GetProperty("id").GetString() == id && e.GetProperty("comments").GetString() == EditedComment),
            target => $"Get-EsBlockedSender -Id '{target}'"),
        ["delete"] = new SingleChange(
            "Remove-EsTrustedDomain -Id $target -Confirm:$false", "DELETE", "/settings/trusted_domains/",
            "Remove trusted domain", "trusted domain",
            (_, api) => Entries(api, "trusted_domains").First().GetProperty("id").GetString()!,
            (api, id) => Entries(api, "trusted_domains").Any(e => e.GetProperty("id").GetString() == id) ? 0 : 1,
            target => $"Get-EsTrustedDomain -Id '{target}'"),
    };

    /// <summary>
    /// The fault on the change's first request; a DELETE is retried, so the faults it must not get past are given for
    /// every attempt.
    /// </summary>
    private static readonly Dictionary<string, (Func<string, string, FaultRule> Rule, Expectation Expect, Expectation? Delete)> SingleFaults =
        new()
    {
        ["429 three times, Retry-After 0"] =
            ((m, p) => First(m, p, "status", 429, times: 3), new(null, 4, true), new(null, 4, true)),
        ["429 storm longer than the retry budget"] = ((m, p) => First(m, p, "status", 429, times: 0),
            new("EsApiRateLimited", 5, false), new("EsApiRateLimited", 5, false)),
        ["400 refused"] = ((m, p) => First(m, p, "status", 400), new("EsApiBadRequest", 1, false, "HTTP 400"),
            new("EsApiBadRequest", 1, false, "HTTP 400")),
        ["500 after processing"] = ((m, p) => First(m, p, "statusAfterProcessing", 500, times: m == "DELETE" ? 0 : 1),
            new(Unknown, 1, true, "HTTP 500"), new(Unknown, 5, true, "HTTP 500")),
        ["502 before processing"] = ((m, p) => First(m, p, "status", 502, times: m == "DELETE" ? 0 : 1),
            new(Unknown, 1, false, "HTTP 502"), new(Unknown, 5, false, "HTTP 502")),
        ["attempt timed out"] = ((m, p) => First(m, p, "delay", null) with { DelayMs = 2500 },
            new(Unknown, 1, null, "No answer from the API", NeedsShortTimeout: true), null),
        ["connection dropped before processing"] =
            ((m, p) => First(m, p, "drop", null), new(Unknown, 1, false, "No answer from the API"), new(null, 2, true)),
        ["connection dropped after processing"] =
            ((m, p) => First(m, p, "dropAfterProcessing", null), new(Unknown, 1, true, "No answer from the API"), null),
        ["connection dropped mid-body"] =
            ((m, p) => First(m, p, "dropMidBody", null), new(Unknown, 1, true, "No answer from the API"), null),
        ["200 with a truncated body"] = ((m, p) => First(m, p, "malformed", null),
            new(Unknown, 1, true, "not valid JSON"), new(Unknown, 1, true, "not valid JSON")),
        ["200 with JSON of the wrong shape"] = ((m, p) => First(m, p, "wrongShape", null),
            new(Unknown, 1, true, "HTTP 200 with"), new(Unknown, 1, true, "HTTP 200 with")),
        ["success false with HTTP 200"] = ((m, p) => First(m, p, "successFalse", null), new("EsApiRequestFailed", 1,
            false, "Simulated failure"), new("EsApiRequestFailed", 1, false, "Simulated failure")),
    };

    private static FaultRule First(string method, string path, string kind, int? status, int times = 1) =>
        new(kind) { Method = method, Path = path, Times = times, Status = status,
            RetryAfter = status is 429 or >= 500 ? "0" : null };

    public static TheoryData<string, string> SingleRows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var change in SingleChanges)
        {
            foreach (var fault in SingleFaults.Where(
                f => change.Value.Method != "DELETE" || f.Value.Delete is not null))
            {
                rows.Add(change.Key, fault.Key);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(SingleRows))]
    public void A_one_request_change_meeting_a_fault_says_what_is_known_of_its_target_and_is_applied_at_most_once(
        string change,
        string fault)
    {
        var shape = SingleChanges[change];
        var (rule, bodyExpect, deleteExpect) = SingleFaults[fault];
        var expect = shape.Method == "DELETE" ? deleteExpect! : bodyExpect;
        var (session, account) = ConnectedWith(expect.NeedsShortTimeout ? 1 : null);
        var api = new AccountApi(Emulator, account);
        var target = shape.PickTarget(session, api);
        var appliedBefore = shape.Applied(api, target);
        account.ClearRequests();
        account.SetFaults(rule(shape.Method, shape.Path));

        var result = session.Run(shape.Script, Vars(("target", target)));

        var changes = account.Requests().Where(r => r.Method != "GET").ToList();
        Assert.True(expect.Posts == changes.Count,
            $"expected {expect.Posts} requests, the emulator saw {changes.Count}: " +
            string.Join(", ", changes.Select(p => $"#{p.Seq} {p.Method} {p.Path} {p.Status} {p.Outcome}")));
        Assert.All(changes, r => Assert.Equal(shape.Method, r.Method));
        account.ClearFaults();
        var applied = shape.Applied(api, target) - appliedBefore;
        Assert.InRange(applied, 0, 1);
        if (expect.Processed is bool processed)
        {
            Assert.Equal(processed ? 1 : 0, applied);
        }

        Assert.Null(result.Terminating);
        if (expect.ErrorId is null)
        {
            result.ShouldSucceed();
            return;
        }

        var error = Assert.Single(result.Errors);
        Assert.Equal(target, error.TargetObject);
        var outcome = expect.ErrorId == Unknown ? ChangeOutcome.Unknown : ChangeOutcome.Failed;
        AssertToldAbout(error, target, shape.Action, shape.Noun, shape.Check(target), outcome, expect);
        var known = Assert.Single(((EsChangeException)error.Exception).Outcomes);
        Assert.Equal((target, outcome), (known.Target, known.Outcome));
    }

    /// <summary>
    /// The error names the target and its outcome; an unknown outcome says it may have been applied and how to check,
    /// never to run the command again.
    /// </summary>
    private static void AssertToldAbout(
        ErrorRecord error,
        string target,
        string action,
        string noun,
        string check,
        ChangeOutcome outcome,
        Expectation expect)
    {
        Assert.StartsWith(expect.ErrorId!, error.FullyQualifiedErrorId, StringComparison.Ordinal);
        var exception = Assert.IsType<EsChangeException>(error.Exception);
        Assert.Equal((target, outcome, action), (exception.Target, exception.Outcome, exception.Action));
        var advice = error.ErrorDetails.RecommendedAction;
        if (expect.Cause is not null)
        {
            Assert.Contains(expect.Cause, error.ToString(), StringComparison.Ordinal);
        }

        if (outcome == ChangeOutcome.Unknown)
        {
            Assert.StartsWith($"The outcome of '{action}' for {noun} '{target}' is unknown: it may have been applied.",
                error.ToString(), StringComparison.Ordinal);
            Assert.StartsWith($"Check with {check} whether it was applied. It was not sent again", advice,
                StringComparison.Ordinal);
            Assert.DoesNotContain("command again", advice, StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            Assert.StartsWith($"'{action}' failed for {noun} '{target}': ", error.ToString(), StringComparison.Ordinal);
        }
    }

    private static List<JsonElement> Entries(AccountApi api, string resource)
    {
        var answer = api.Get($"/settings/{resource}?per_page=1000").GetAwaiter().GetResult();
        answer.ShouldSucceed();
        return answer.Result.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    [Fact]
    public void Bulk_moves_against_a_rate_limited_account_keep_within_the_limit_or_wait_as_told_and_move_every_id_once()
    {
        // The module keeps one request budget per credential for the whole process and learns it from the Ratelimit
        // headers: a token of this test's own keeps what it learns here away from every other test.
        var (session, account) =
            ConnectedWith(null, messages: 200, token: "es-ratelimit-" + Guid.NewGuid().ToString("N"));
        var ids = session.Run("Get-EsMessage -First 60 | ForEach-Object Id").Output.Select(o => o.ToString()).ToList();
        account.ClearRequests();
        // 12 bulk POSTs against 5 requests per second: the module has to pace itself or be refused.
        account.SetRateLimit(5, 1);

        var result = session.Run("$ids | Move-EsMessage -Destination DeletedItems -BatchSize 5 -Confirm:$false " +
            "-Verbose", Vars(("ids", ids.ToArray())));

        account.ClearRateLimit();
        result.ShouldSucceed();
        AssertEveryIdAccountedForOnce(ids!, result);
        Assert.Equal(ids.ToHashSet(), SucceededIds(result));
        var posts = account.Requests().Where(r => r.Method == "POST").ToList();
        Assert.All(posts, p => Assert.True(p.Status is 200 or 429, $"#{p.Seq} {p.Status} {p.Outcome}"));
        Assert.Equal(12, posts.Count(p => p.Status == 200));
        AssertNoIdSentTwiceUnlessRateLimited(posts);
        Assert.Contains(result.Verbose,
            v => v.Message.Contains("Rate budget") || v.Message.Contains("rate limited (429)"));
    }
}
