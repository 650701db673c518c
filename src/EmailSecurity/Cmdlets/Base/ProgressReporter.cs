using System.Management.Automation;

namespace EmailSecurity.Cmdlets
{
    /// <summary>
    /// Write-Progress for long work (paging, batches): counts, and a percentage when the API says how many there
    /// are. Called on the pipeline thread only; the host decides whether and how to show it.
    /// </summary>
    internal sealed class ProgressReporter
    {
        private static int nextActivityId = 0x45530000;

        private readonly Cmdlet cmdlet;
        private readonly string activity;
        private readonly int activityId = System.Threading.Interlocked.Increment(ref nextActivityId);
        private bool started;

        public ProgressReporter(Cmdlet cmdlet, string activity)
        {
            this.cmdlet = cmdlet;
            this.activity = activity;
        }

        public void Report(ulong done, ulong? total, string? currentOperation = null)
        {
            var status = total.HasValue ? $"{done:N0} of {total.Value:N0}" : $"{done:N0} so far";
            var record = new ProgressRecord(activityId, activity, status)
            {
                CurrentOperation = currentOperation,
                PercentComplete = total.HasValue && total.Value > 0
                    ? (int)System.Math.Min(100, done * 100 / total.Value)
                    : -1,
            };
            started = true;
            cmdlet.WriteProgress(record);
        }

        /// <summary>A status without counts, for waits whose length is not known.</summary>
        public void Report(string status)
        {
            started = true;
            cmdlet.WriteProgress(new ProgressRecord(activityId, activity, status));
        }

        public void Complete()
        {
            if (!started)
            {
                return;
            }

            cmdlet.WriteProgress(new ProgressRecord(activityId, activity, "Done") { RecordType =
                ProgressRecordType.Completed });
            started = false;
        }
    }
}
