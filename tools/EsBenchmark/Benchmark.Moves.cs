using System.Diagnostics;

namespace EsBenchmark;

/// <summary>Bulk moves against one call per id.</summary>
internal sealed partial class Benchmark
{
    private const string BulkScript = "$ids | Move-EsMessage -Destination JunkEmail -Confirm:$false";
    private const string PerIdScript = "$ids | ForEach-Object { Move-EsMessage -Id $_ -Destination JunkEmail " +
        "-Confirm:$false }";

    /// <summary>
    /// Fresh data for the move account (setup at latency 0, not measured), then the latency under test.
    /// </summary>
    private string[] PrepareMoveAccount(int messages, int latency)
    {
        Emulator.SetLatency(moveAccount, 0);
        Emulator.Reset(moveAccount, messages, Seed + 1);
        var ids = Plain.Ids(moveAccount, messages);
        Emulator.SetLatency(moveAccount, latency);
        return ids;
    }

    private MoveRun MeasureMove(string[] ids, string script)
    {
        using var session = ModuleSession.Open(options.ModulePath).Connect(Emulator.ApiBaseUri, moveAccount);
        session.SetVariable("ids", ids);
        Emulator.ClearRequests(moveAccount);
        var clock = new Stopwatch();
        var output = new CountingOutput(clock,
            isSuccess: o => moveSuccess!.DeclaringType!.IsInstanceOfType(o) && moveSuccess.GetValue(o) is true);
        Settle();
        GC.Collect();
        var cpu0 = Cpu();
        clock.Start();
        session.Run(script, output);
        clock.Stop();
        var cpu1 = Cpu();
        var requests = Emulator.Requests(moveAccount);

        var endpoints = string.Join(" + ", requests
            .GroupBy(r => $"{r.Method} {(SingleMovePath.IsMatch(r.Path) ? "/investigate/{id}/move" : r.Path)}")
            .Select(g => $"{Show.Count(g.Count())} × {g.Key}"));
        Expect(output.Succeeded >= ids.Length,
            $"'{script}' over {ids.Length} ids reported {output.Succeeded} successful results of {output.Received}.");
        return new MoveRun(clock.Elapsed, ids.Length, output.Received, output.Succeeded, requests.Count,
            requests.Count(r => r.Status != 200), endpoints,
            cpu1.Client - cpu0.Client, cpu1.Emulator - cpu0.Emulator, Others(cpu0, cpu1));
    }
}
