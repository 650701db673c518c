namespace EmailSecurity.Client
{
    /// <summary>The API's enumerated values, as the seed reference lists them. Sent as these exact strings.</summary>
    internal static class ApiValues
    {
        public const int MaxPageSize = 1000;

        /// <summary>
        /// Dispositions a search can filter by (the API knows more in results: MALICIOUS-BEC, ENCRYPTED, ...).
        /// </summary>
        public static class SearchDisposition
        {
            public const string Malicious = "MALICIOUS";
            public const string Suspicious = "SUSPICIOUS";
            public const string Spoof = "SPOOF";
            public const string Spam = "SPAM";
            public const string Bulk = "BULK";
            public const string None = "NONE";
        }

        public static class MessageAction
        {
            public const string Preview = "PREVIEW";
            public const string QuarantineReleased = "QUARANTINE_RELEASED";
            public const string Moved = "MOVED";
        }

        /// <summary>
        /// Where a message stands in delivery; the search filter of the newer API takes one of these.
        /// </summary>
        public static class DeliveryStatus
        {
            public const string Delivered = "delivered";
            public const string Moved = "moved";
            public const string Quarantined = "quarantined";
            public const string Rejected = "rejected";
            public const string Deferred = "deferred";
            public const string Bounced = "bounced";
            public const string Queued = "queued";

            /// <summary>A bulk action job could not move the message (newer API).</summary>
            public const string MoveFailed = "move_failed";
        }

        public static class PatternType
        {
            public const string Email = "EMAIL";
            public const string Domain = "DOMAIN";
            public const string Ip = "IP";

            /// <summary>Returned for old entries; the API refuses it on create and update.</summary>
            public const string Unknown = "UNKNOWN";
        }

        /// <summary>How mail of a protected domain reaches Email Security.</summary>
        public static class DeliveryMode
        {
            public const string Direct = "DIRECT";
            public const string Bcc = "BCC";
            public const string Journal = "JOURNAL";
            public const string Api = "API";
            public const string RetroScan = "RETRO_SCAN";
        }

        /// <summary>Every disposition a protected domain can drop.</summary>
        public static class DropDisposition
        {
            public const string Malicious = "MALICIOUS";
            public const string MaliciousBec = "MALICIOUS-BEC";
            public const string Suspicious = "SUSPICIOUS";
            public const string Spoof = "SPOOF";
            public const string Spam = "SPAM";
            public const string Bulk = "BULK";
            public const string Encrypted = "ENCRYPTED";
            public const string External = "EXTERNAL";
            public const string Unknown = "UNKNOWN";
            public const string None = "NONE";
        }

        /// <summary>Which mailbox folders of a protected domain are scanned.</summary>
        public static class DomainFolder
        {
            public const string AllItems = "AllItems";
            public const string Inbox = "Inbox";
        }

        public static class DomainStatus
        {
            public const string Pending = "pending";
            public const string Active = "active";
            public const string Failed = "failed";
            public const string Timeout = "timeout";
        }

        /// <summary>Where a protected domain's mail is processed.</summary>
        public static class Region
        {
            public const string Global = "GLOBAL";
            public const string Au = "AU";
            public const string De = "DE";
            public const string In = "IN";
            public const string Us = "US";
        }

        /// <summary>
        /// Where an impersonation registry entry came from: added by hand, or synced from a directory.
        /// </summary>
        public static class Provenance
        {
            public const string Internal = "A1S_INTERNAL";
            public const string CasbOffice365 = "SNOOPY-CASB_OFFICE_365";
            public const string Office365 = "SNOOPY-OFFICE_365";
            public const string GoogleDirectory = "SNOOPY-GOOGLE_DIRECTORY";
        }

        /// <summary>
        /// Who made a submission, as the submissions filter takes it (results spell it Team and User).
        /// </summary>
        public static class SubmissionType
        {
            public const string Team = "TEAM";
            public const string User = "USER";
        }

        public static class Folder
        {
            public const string Inbox = "Inbox";
            public const string JunkEmail = "JunkEmail";
            public const string DeletedItems = "DeletedItems";
            public const string RecoverableItemsDeletions = "RecoverableItemsDeletions";
            public const string RecoverableItemsPurges = "RecoverableItemsPurges";
        }

        /// <summary>Bulk action jobs (2026-10): what a job does, its status and that of each of its messages.</summary>
        public static class BulkAction
        {
            public const string Move = "MOVE";
            public const string Release = "RELEASE";

            public const string Pending = "PENDING";
            public const string Discovering = "DISCOVERING";
            public const string Processing = "PROCESSING";
            public const string Completed = "COMPLETED";
            public const string Failed = "FAILED";
            public const string Cancelled = "CANCELLED";

            /// <summary>A message the job cannot act on (a message's status only).</summary>
            public const string Skipped = "SKIPPED";

            /// <summary>The statuses a job ends in.</summary>
            public static readonly string[] Finished = { Completed, Failed, Cancelled };
        }
    }
}
