namespace EmailSecurity.Client
{
    /// <summary>How the API pages a list: declared by each operation's request shape.</summary>
    internal enum PagingStyle
    {
        /// <summary><c>cursor</c> and <c>result_info.next</c> (message search).</summary>
        Cursor,

        /// <summary>
        /// <c>page</c> and <c>per_page</c> with <c>result_info.total_count</c> (settings, submissions).
        /// </summary>
        PageNumber,
    }
}
