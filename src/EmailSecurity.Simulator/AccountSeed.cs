namespace EmailSecurity.Simulator
{
    /// <summary>How much demo data an account gets, from which random seed, and which API version it plays.</summary>
    public sealed class AccountSeed
    {
        public int Messages { get; set; } = 60;
        public int Seed { get; set; } = 1;

        /// <summary>The most items a list puts on one page, whatever per_page asks (per_page above 1000 is still
        /// refused). The reference says 1000; a lower value plays an API that caps lower without saying so.</summary>
        public int MaxPerPage { get; set; } = 1000;

        /// <summary>
        /// The API version the account plays; null for the <see cref="EmailSecurityApi.DefaultVersion"/>.
        /// </summary>
        public ApiVersion? ApiVersion { get; set; }

        /// <summary>How many job messages (message and recipient) one step of a bulk action job acts on.</summary>
        public int BulkJobMessagesPerStep { get; set; } = 25;

        /// <summary>
        /// When true, each GET of a bulk action job moves it one step on before answering (so a client that polls
        /// sees it progress); when false, only <see cref="EmailSecurityApi.AdvanceBulkJobs"/> does.
        /// </summary>
        public bool BulkJobsAdvanceOnGet { get; set; } = true;

        /// <summary>How far back before now the messages' scan times reach, in seconds (29 days by default). A short
        /// span puts many messages in each second, so a search meets results exactly on any whole-second
        /// boundary.</summary>
        public int SpanSeconds { get; set; } = 29 * 24 * 3600;

        /// <summary>How scan times spread over the span: <c>uniform</c> (the default), or <c>workday</c>, as mail
        /// arrives: most of it in office hours (08:00-18:00 UTC) on weekdays, a little at night, less at
        /// weekends.</summary>
        public string TimeProfile { get; set; } = UniformTime;

        public const string UniformTime = "uniform";
        public const string WorkdayTime = "workday";
    }
}
