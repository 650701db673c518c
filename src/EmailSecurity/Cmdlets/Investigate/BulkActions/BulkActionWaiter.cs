using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>
    /// Waits for bulk action jobs on behalf of a cmdlet (Wait-EsBulkAction, Start-EsBulkAction -Wait): a progress bar
    /// per job, each job written as it ends, and for each job still running when the time is up an error that says so.
    /// </summary>
    internal static class BulkActionWaiter
    {
        public const string TimeoutErrorId = "EsBulkActionWaitTimeout";

        /// <param name="jobs">Each job with the connection of the account it runs in.</param>
        /// <param name="timeout">Null: until every job has ended (Ctrl+C stops waiting, not the jobs); it bounds the
        /// whole wait, the jobs of one account after those of another.</param>
        public static void Wait(
            EsApiCmdlet cmdlet, IReadOnlyList<(EsConnection Connection, string Id)> jobs, TimeSpan? timeout)
        {
            var progress = new Dictionary<string, ProgressReporter>(StringComparer.Ordinal);
            void Show(BulkAction job)
            {
                if (!progress.TryGetValue(job.Id, out var reporter))
                {
                    reporter = progress[job.Id] =
                        new ProgressReporter(cmdlet, $"Bulk action job {job.Id}: {Describe(job)}");
                }

                var total = (ulong)Math.Max(0L, job.TotalMessagesDiscovered);
                reporter.Report(total - (ulong)Math.Max(0L, Math.Min(job.MessagesPending, job.TotalMessagesDiscovered)),
                    total, job.Status);
            }

            void Finish(BulkAction job)
            {
                if (progress.TryGetValue(job.Id, out var reporter))
                {
                    reporter.Complete();
                }

                cmdlet.WriteObject(job);
            }

            var clock = Stopwatch.StartNew();
            foreach (var account in jobs.GroupBy(job => job.Connection))
            {
                var ids = account.Select(job => job.Id).ToList();
                var left = timeout - clock.Elapsed;
                var bound = left < TimeSpan.Zero ? TimeSpan.Zero : left;
                cmdlet.RunApi(async (client, bridge, token) =>
                {
                    var unfinished = await BulkActionPolling.WaitAsync(
                        client,
                        ids,
                        bound,
                        job => bridge.Post(() => Show(job)),
                        job => bridge.Post(() => Finish(job)),
                        (id, error) => bridge.Post(() => cmdlet.WriteError(ErrorRecords.From(error, id))),
                        token).ConfigureAwait(false);
                    foreach (var job in unfinished)
                    {
                        bridge.Post(() =>
                        {
                            progress[job.Id].Complete();
                            cmdlet.WriteError(TimedOut(job, timeout!.Value));
                        });
                    }
                }, null, connection: account.Key);
            }
        }

        /// <summary>"Move to JunkEmail", "Release".</summary>
        public static string Describe(BulkAction job) =>
            job.Destination != null
                ? $"Move to {job.Destination}"
                : string.Equals(job.Action, ApiValues.BulkAction.Release, StringComparison.OrdinalIgnoreCase)
                ? "Release"
                : job.Action ?? "?";

        private static ErrorRecord TimedOut(BulkAction job, TimeSpan timeout)
        {
            var done = job.TotalMessagesDiscovered - job.MessagesPending;
            var message = $"Bulk action job {job.Id} had not ended after {timeout.TotalSeconds:0.#} s: it is "
                + $"{job.Status}, {done} of {job.TotalMessagesDiscovered} message(s) handled so far.";
            return new ErrorRecord(new TimeoutException(message), TimeoutErrorId, ErrorCategory.OperationTimeout, job)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = $"The job goes on by itself. Wait again with Wait-EsBulkAction -Id '{job.Id}' "
                        + $"(a longer -Timeout), see it with Get-EsBulkAction -Id '{job.Id}', or stop it with "
                        + $"Stop-EsBulkAction -Id '{job.Id}'.",
                },
            };
        }
    }
}
