using System.Management.Automation;
using System.Text.Json;
using EmailSecurity.Client.Http;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;
using Xunit.Sdk;

namespace EmailSecurity.Tests.Reliability;

/// <summary>
/// What the reliability tests share: connecting with a short attempt time limit, and accounting for ids.
/// </summary>
public abstract class ReliabilityTest : ModuleTest
{
    protected ReliabilityTest(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    /// <summary>
    /// A fresh account and a session connected to it; <paramref name="timeoutSec"/> and <paramref name="maxWaitSec"/>
    /// are passed as -TimeoutSec and -MaxWaitSec when given.
    /// </summary>
    protected (EngineSession Session, EmulatorAccount Account) ConnectedWith(
        int? timeoutSec,
        int messages = 60,
        int seed = 1,
        string token = Token,
        int? maxWaitSec = null,
        string? apiVersion = null)
    {
        var account = Emulator.NewAccount(messages, seed, apiVersion);
        var session = NewSession();
        session.SetVariable("t", Secure(token));
        var timeout = timeoutSec is int seconds ? $" -TimeoutSec {seconds}" : string.Empty;
        var maxWait = maxWaitSec is int limit ? $" -MaxWaitSec {limit}" : string.Empty;
        session.Run($"Connect-EsAccount -AccountId '{account.Id}' -ApiToken $t -BaseUri " +
            $"'{Emulator.ApiBaseUri}'{timeout}{maxWait}").ShouldSucceed();
        return (session, account);
    }

    /// <summary>
    /// A credential no other test uses: the rate budget is kept per credential for the whole process, so a test that
    /// counts waits must not share one with tests that spend or learn a budget at the same time.
    /// </summary>
    protected static string OwnToken() => "own-token-" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// Gives the session's connection an HTTP pipeline of its own whose waits (Retry-After, back-off, rate budget,
    /// polling) are recorded instead of spent; everything else, the network included, is the real thing.
    /// </summary>
    protected static List<TimeSpan> RecordWaits(EngineSession session)
    {
        var connection = (EsConnection)session.Run("Get-EsConnection").Output.Single().BaseObject;
        var waits = new List<TimeSpan>();
        connection.Pipeline = new HttpPipeline(new RetryPolicy
        {
            Delay = (delay, _) =>
            {
                lock (waits)
                {
                    waits.Add(delay);
                }

                return Task.CompletedTask;
            },
        }, null);
        return waits;
    }

    protected static Dictionary<string, object?> Vars(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    /// <summary>
    /// The ids a bulk POST carried: {"ids":[...]} for a move, a bare array for a release; the id in the path for a
    /// single move.
    /// </summary>
    protected static IReadOnlyList<string> IdsSentBy(RecordedRequest request)
    {
        if (request.Body is null)
        {
            return [];
        }

        var root = JsonDocument.Parse(request.Body).RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root.EnumerateArray().Select(e => e.GetString()!).ToList();
        }

        if (root.TryGetProperty("ids", out var ids) && ids.ValueKind == JsonValueKind.Array)
        {
            return ids.EnumerateArray().Select(e => e.GetString()!).ToList();
        }

        var segments = request.Path.Split('/');
        return segments is ["", "investigate", var id, "move"] ? [id] : [];
    }

    /// <summary>Ids that came back as a successful outcome (a move that succeeded, a release result).</summary>
    protected static HashSet<string> SucceededIds(EngineResult result) =>
        result.Objects<MessageMoveResult>().Where(r => r.Success).Select(r => r.MessageId!)
            .Concat(result.Objects<ReleaseResult>().Where(r => r.Failed is not { Length: > 0 }).Select(r => r.Id!))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Every piped id is in a success result or in exactly one error record whose TargetObject is that id, never both
    /// and never neither; no error names anything else. Returns the errors by id.
    /// </summary>
    protected static Dictionary<string, ErrorRecord> AssertEveryIdAccountedForOnce(
        IReadOnlyCollection<string> piped,
        EngineResult result)
    {
        if (result.Terminating is not null)
        {
            throw new XunitException($"The run stopped: {result.Terminating}");
        }

        var succeeded = SucceededIds(result);
        var errorTargets = result.Errors.Select(e => e.TargetObject as string).ToList();
        var stray = result.Errors.Where(e => e.TargetObject is not string id || !piped.Contains(id)).ToList();
        Assert.True(stray.Count == 0, "errors that name no piped id: " +
            string.Join(" | ", stray.Select(e => $"{e.FullyQualifiedErrorId} {e.TargetObject}: {e}")));
        var twice = errorTargets.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "ids reported in more than one error: " + string.Join(", ", twice.Take(10)));
        var both = succeeded.Intersect(errorTargets!).ToList();
        Assert.True(both.Count == 0, "ids reported as both done and failed: " + string.Join(", ", both.Take(10)));
        var lost = piped.Where(id => !succeeded.Contains(id) && !errorTargets.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} ids silently lost, e.g. " + string.Join(", ", lost.Take(10)));
        return result.Errors.ToDictionary(e => (string)e.TargetObject, e => e);
    }

    /// <summary>
    /// No id went out in two POSTs unless every earlier one was answered 429 (the API said it did not process it).
    /// </summary>
    protected static void AssertNoIdSentTwiceUnlessRateLimited(IEnumerable<RecordedRequest> posts)
    {
        var byId = new Dictionary<string, List<RecordedRequest>>(StringComparer.Ordinal);
        foreach (var post in posts.OrderBy(p => p.Seq))
        {
            foreach (var id in IdsSentBy(post))
            {
                if (!byId.TryGetValue(id, out var list))
                {
                    byId[id] = list = new List<RecordedRequest>();
                }

                list.Add(post);
            }
        }

        var resent = byId.Where(pair => pair.Value.SkipLast(1).Any(p => p.Status != 429)).ToList();
        Assert.True(resent.Count == 0, "ids sent again after an answer other than 429: " + string.Join("; ",
            resent.Take(5).Select(pair => pair.Key + " in " +
                string.Join(", ", pair.Value.Select(p => $"#{p.Seq} {p.Status} {p.Outcome}")))));
    }
}
