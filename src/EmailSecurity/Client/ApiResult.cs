using System;
using System.Collections.Generic;

namespace EmailSecurity.Client
{
    /// <summary>
    /// A successful answer: the envelope's result with its paging information and informational messages.
    /// </summary>
    internal sealed class ApiResult<T>
    {
        public ApiResult(
            T result,
            ResultInfo? info,
            IReadOnlyList<ApiMessage> messages,
            bool alreadyDone = false,
            ulong? resultFingerprint = null,
            DateTimeOffset? answeredAt = null)
        {
            AnsweredAt = answeredAt;
            Result = result;
            Info = info;
            Messages = messages;
            AlreadyDone = alreadyDone;
            ResultFingerprint = resultFingerprint;
        }

        /// <summary>When the API answered, by its own clock (the Date header), when it said.</summary>
        public DateTimeOffset? AnsweredAt { get; }

        /// <summary>
        /// The <see cref="ScannedBody.ResultDigest"/> of a list answer: equal for two pages holding the same items.
        /// </summary>
        public ulong? ResultFingerprint { get; }

        /// <summary>
        /// The change was found already made rather than made by this answer: a DELETE answered 404 when sent again
        /// after an attempt whose outcome was unknown (5xx, lost answer), which therefore removed it. No result.
        /// </summary>
        public bool AlreadyDone { get; }

        public T Result { get; }

        public ResultInfo? Info { get; }

        public IReadOnlyList<ApiMessage> Messages { get; }

        /// <summary>The shape the request went out in when the API took it.</summary>
        public RequestShape? SentIn { get; internal set; }
    }

    /// <summary>One page of a list, in the order the API returned it.</summary>
    internal sealed class ApiPage<T>
    {
        public ApiPage(int number, IReadOnlyList<T> items, ResultInfo? info, long? total)
        {
            Number = number;
            Items = items;
            Info = info;
            Total = total;
        }

        /// <summary>1 for the first page fetched in this run, whichever paging style the endpoint uses.</summary>
        public int Number { get; }

        public IReadOnlyList<T> Items { get; }

        /// <summary>
        /// The answer's own paging information (of its time window, when a search is read in several).
        /// </summary>
        public ResultInfo? Info { get; }

        /// <summary>How many results the whole list has, as the API said (on the first page, for a search).</summary>
        public long? Total { get; }
    }
}
