using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EmailSecurity.Models;

namespace EmailSecurity.Client
{
    /// <summary>
    /// Reads bulk action jobs again and again until each has ended (COMPLETED, FAILED or CANCELLED) or the time is up.
    /// The first read is at once; the pause between rounds grows from a quarter of a second to five seconds, so a short
    /// job is seen to end quickly and a long one costs few requests.
    /// </summary>
    internal static class BulkActionPolling
    {
        private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(250);
        private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(5);

        /// <summary>
        /// Polls the jobs with these ids. <paramref name="onRead"/> gets every state read (for progress),
        /// <paramref name="onFinished"/> each job once it has ended, <paramref name="onFailed"/> a job that could not
        /// be read (it is not read again). Returns the last state of the jobs that had not ended when
        /// <paramref name="timeout"/> (null: no limit) ran out.
        /// </summary>
        public static async Task<IReadOnlyList<BulkAction>> WaitAsync(
            EsApiClient client,
            IReadOnlyList<string> ids,
            TimeSpan? timeout,
            Action<BulkAction> onRead,
            Action<BulkAction> onFinished,
            Action<string, Exception> onFailed,
            CancellationToken token)
        {
            var deadline = timeout.HasValue ? DateTimeOffset.UtcNow + timeout.Value : (DateTimeOffset?)null;
            var waiting = ids.Distinct(StringComparer.Ordinal)
                .ToDictionary(id => id, id => (BulkAction?)null, StringComparer.Ordinal);
            var pause = FirstPause;
            while (true)
            {
                foreach (var id in waiting.Keys.ToList())
                {
                    BulkAction job;
                    try
                    {
                        job = (await client.SendAsync<BulkAction>(ApiCatalog.CollectionOf<BulkAction>().Get.Request(id),
                            token).ConfigureAwait(false)).Result;
                    }
                    catch (EsApiException error)
                    {
                        waiting.Remove(id);
                        onFailed(id, error);
                        continue;
                    }

                    onRead(job);
                    if (job.IsFinished)
                    {
                        waiting.Remove(id);
                        onFinished(job);
                    }
                    else
                    {
                        waiting[id] = job;
                    }
                }

                if (waiting.Count == 0)
                {
                    return Array.Empty<BulkAction>();
                }

                var left = deadline - DateTimeOffset.UtcNow;
                if (left.HasValue && left.Value <= TimeSpan.Zero)
                {
                    return waiting.Values.Select(job => job!).ToList();
                }

                await Task.Delay(left.HasValue && left.Value < pause ? left.Value : pause, token).ConfigureAwait(false);
                pause = TimeSpan.FromTicks(Math.Min(LongestPause.Ticks, pause.Ticks * 3 / 2));
            }
        }
    }
}
