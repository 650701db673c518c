using System.Diagnostics;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EmailSecurity.Tests.Reliability;

/// <summary>
/// Ten thousand piped ids through Move-EsMessage while about a fifth of the bulk requests fail at random (seeded, so
/// every run meets the same faults): every id must come out exactly once, as moved or as an error naming it, the
/// emulator's state must agree with what was reported, and nothing may be moved twice except after a 429.
/// </summary>
[Collection("Emulator")]
public sealed class ChaosMoveTests : ReliabilityTest
{
    private const int Messages = 10_000;
    private readonly ITestOutputHelper output;

    public ChaosMoveTests(EmulatorFixture emulator, ITestOutputHelper output)
        : base(emulator)
    {
        this.output = output;
    }

    /// <summary>
    /// Five independent seeded rules on the bulk move endpoint: 1 - 0.94 * 0.96^4, about 20% of POSTs fail.
    /// </summary>
    private static FaultRule[] ChaosRules()
    {
        FaultRule Random(string kind, double probability, int seed) =>
            new(kind) { Method = "POST", Path = "/investigate/move", Times = 0, Probability = probability, Seed =
                seed };

        return
        [
            Random("status", 0.06, 11) with { Status = 429, RetryAfter = "0" },
            Random("statusAfterProcessing", 0.04, 12) with { Status = 503, RetryAfter = "0" },
            Random("dropAfterProcessing", 0.04, 13),
            Random("malformed", 0.04, 14),
            Random("successFalse", 0.04, 15),
        ];
    }

    /// <summary>Error ids after which the API certainly did not carry out the move.</summary>
    private static readonly string[] NotProcessed = ["EsApiRateLimited", "EsApiRequestFailed"];

    /// <summary>Error ids after which the emulator (in these faults) did carry it out: the ambiguous cases.</summary>
    private static readonly string[] Processed = ["EsChangeOutcomeUnknown"];

    [Fact]
    public void Ten_thousand_piped_ids_under_random_faults_are_each_accounted_for_once_and_agree_with_the_emulator()
    {
        var (session, account) = ConnectedWith(null, messages: Messages, seed: 5);
        var before = session.Run("Get-EsMessage").Objects<Message>();
        Assert.Equal(Messages, before.Length);
        var ids = before.Select(m => m.Id).ToList();
        var movedBefore =
            before.Where(m => m.PostDeliveryOperations?.Contains("MOVE") == true).Select(m => m.Id).ToHashSet();
        account.ClearRequests();
        account.SetFaults(ChaosRules());

        var clock = Stopwatch.StartNew();
        var result = session.Run("$ids | Move-EsMessage -Destination JunkEmail -BatchSize 100 -Confirm:$false",
            Vars(("ids", ids.ToArray())));
        clock.Stop();

        account.ClearFaults();
        var posts = account.Requests().Where(r => r.Method == "POST").ToList();
        var errors = AssertEveryIdAccountedForOnce(ids, result);
        var succeeded = SucceededIds(result);
        AssertNoIdSentTwiceUnlessRateLimited(posts);

        // About a fifth of the POSTs met a fault, and every kind of fault happened.
        var faulted = posts.Count(p => p.Outcome != "ok");
        output.WriteLine($"{ids.Count} ids, {posts.Count} POSTs ({faulted} faulted: " +
            $"{string.Join(", ", posts.Where(p => p.Outcome != "ok").GroupBy(p => p.Outcome).Select(g => $"{g.Key} {g.Count()}"))}), " +
            $"{succeeded.Count} moved, {errors.Count} errors " +
            $"({string.Join(", ", errors.Values.GroupBy(e => e.FullyQualifiedErrorId.Split(',')[0]).Select(g => $"{g.Key} {g.Count()}"))}), " +
            $"move took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.InRange(faulted, posts.Count / 10, posts.Count * 35 / 100);
        Assert.Equal(5, posts.Where(p => p.Outcome != "ok").Select(p => p.Outcome).Distinct().Count());
        Assert.All(errors.Values,
            e => Assert.Contains(e.FullyQualifiedErrorId.Split(',')[0], NotProcessed.Concat(Processed)));

        // A batch that failed without a 429 left its ids in errors, and was never sent again.
        var failedBatches = posts.Where(
            p => p.Status != 200 && p.Status != 429 || p.Outcome is "fault:malformed" or "fault:successFalse").ToList();
        Assert.All(failedBatches, p => Assert.All(IdsSentBy(p),
            id => Assert.True(errors.ContainsKey(id), $"{id} of failed POST #{p.Seq} ({p.Outcome}) is not reported")));

        // The emulator agrees: whatever was reported moved, or was sent and possibly carried out, shows the move;
        // whatever the API certainly refused does not (unless the demo data had moved it before).
        var after = session.Run("Get-EsMessage").Objects<Message>().ToDictionary(m => m.Id);
        bool Moved(string id) => after[id].PostDeliveryOperations?.Contains("MOVE") == true;
        Assert.All(succeeded, id => Assert.True(Moved(id), $"{id} was reported moved but the emulator shows no move"));
        Assert.All(errors.Where(
            e => Processed.Any(p => e.Value.FullyQualifiedErrorId.StartsWith(p, StringComparison.Ordinal))),
            e => Assert.True(Moved(e.Key),
                $"{e.Key} ({e.Value.FullyQualifiedErrorId}) was processed by the emulator but shows no move"));
        Assert.All(errors.Where(e => NotProcessed.Any(p => e.Value.FullyQualifiedErrorId.StartsWith(p,
            StringComparison.Ordinal)) && !movedBefore.Contains(e.Key)),
            e => Assert.False(Moved(e.Key),
                $"{e.Key} ({e.Value.FullyQualifiedErrorId}) was refused by the API yet shows a move"));

        // And one by one through Get-EsMessage -Id, for a sample of each outcome.
        var sample = succeeded.Take(5).Concat(errors.Keys.Take(5)).ToArray();
        var detail = session.Run("Get-EsMessage -Id $sample", Vars(("sample", sample)));
        detail.ShouldSucceed();
        Assert.Equal(sample.ToHashSet(), detail.Objects<Message>().Select(m => m.Id).ToHashSet());
        Assert.All(detail.Objects<Message>(),
            m => Assert.Equal(Moved(m.Id), m.PostDeliveryOperations?.Contains("MOVE") == true));
    }
}
