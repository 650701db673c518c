using System;
using System.Collections.Generic;
using EmailSecurity.Simulator.Core;
using EmailSecurity.Simulator.Investigate;
using EmailSecurity.Simulator.Investigate.BulkJobs;
using EmailSecurity.Simulator.PhishGuard;
using EmailSecurity.Simulator.Settings;
using EmailSecurity.Simulator.Submissions;

namespace EmailSecurity.Simulator.Accounts
{
    /// <summary>
    /// Everything one account holds. Each area draws from its own random stream, so changing the message
    /// count does not reshuffle the settings. Callers lock <see cref="Gate"/> around any use.
    /// </summary>
    internal sealed class AccountState
    {
        public AccountState(AccountSeed seed, ApiVersion version, DateTimeOffset now)
        {
            Version = version;
            var messages = MessageGenerator.Generate(new DemoRandom(seed.Seed, 1), Math.Max(0, seed.Messages), now,
                seed.SpanSeconds, seed.TimeProfile);
            Submissions = SubmissionGenerator.Generate(new DemoRandom(seed.Seed, 2), messages, now);
            Reports = ReportGenerator.Generate(new DemoRandom(seed.Seed, 3), messages, now);
            Messages = new MessageStore(messages);
            Settings = new SettingsStore(SettingsCatalog.All, seed.Seed, now);
            Runtime = new DemoRandom(seed.Seed, 4);
            MaxPerPage = seed.MaxPerPage;
            BulkJobs = new BulkJobStore(Math.Max(1, seed.BulkJobMessagesPerStep), seed.BulkJobsAdvanceOnGet);
        }

        /// <summary>
        /// The API version the account plays; the control API may switch it without touching the data.
        /// </summary>
        public ApiVersion Version { get; set; }

        public object Gate { get; } = new object();
        public MessageStore Messages { get; }
        public List<Submission> Submissions { get; }
        public List<PhishGuardReport> Reports { get; }
        public SettingsStore Settings { get; }
        public BulkJobStore BulkJobs { get; }

        /// <summary>For ids minted by requests (new settings entries, submissions).</summary>
        public DemoRandom Runtime { get; }

        public int MaxPerPage { get; }
    }
}
