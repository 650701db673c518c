namespace EmailSecurity.Client
{
    /// <summary>The API's enumerated values, as the seed reference lists them. Sent as these exact strings.</summary>
    internal static class ApiValues
    {
        public const int MaxPageSize = 1000;

        /// <summary>Dispositions a search can filter by (the API knows more in results: MALICIOUS-BEC, ENCRYPTED, ...).</summary>
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

        public static class PatternType
        {
            public const string Email = "EMAIL";
            public const string Domain = "DOMAIN";
            public const string Ip = "IP";

            /// <summary>Returned for old entries; the API refuses it on create and update.</summary>
            public const string Unknown = "UNKNOWN";
        }

        public static class Folder
        {
            public const string Inbox = "Inbox";
            public const string JunkEmail = "JunkEmail";
            public const string DeletedItems = "DeletedItems";
            public const string RecoverableItemsDeletions = "RecoverableItemsDeletions";
            public const string RecoverableItemsPurges = "RecoverableItemsPurges";
        }
    }
}
