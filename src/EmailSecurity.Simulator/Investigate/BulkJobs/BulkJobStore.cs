using System;
using System.Collections.Generic;
using System.Linq;
using EmailSecurity.Simulator.Accounts;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Investigate.BulkJobs
{
    /// <summary>An account's bulk action jobs, oldest first, and how they are moved on.</summary>
    internal sealed class BulkJobStore
    {
        private readonly List<BulkJob> _jobs = new List<BulkJob>();

        public BulkJobStore(int messagesPerStep, bool advanceOnGet)
        {
            MessagesPerStep = messagesPerStep;
            AdvanceOnGet = advanceOnGet;
        }

        public int MessagesPerStep { get; }
        public bool AdvanceOnGet { get; }
        public IReadOnlyList<BulkJob> All => _jobs;

        public void Add(BulkJob job) => _jobs.Add(job);

        public void Remove(BulkJob job) => _jobs.Remove(job);

        public BulkJob Get(string jobId) =>
            _jobs.FirstOrDefault(j => j.JobId == jobId) ?? throw ApiException.NotFound("Bulk action job");

        public void Step(BulkJob job, AccountState account, DateTimeOffset now) =>
            job.Step(account, MessagesPerStep, now);

        /// <summary>Each unfinished job <paramref name="steps"/> steps on, or until finished when null.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> AdvanceAll(
            AccountState account,
            int? steps,
            DateTimeOffset now)
        {
            foreach (BulkJob job in _jobs)
            {
                for (int i = 0; !job.IsFinished && (steps == null || i < steps); i++)
                {
                    Step(job, account, now);
                }
            }
            return _jobs.Select(j => new KeyValuePair<string, string>(j.JobId, j.Status)).ToList();
        }
    }
}
