using System;

namespace EmailSecurity.Client.Http
{
    /// <summary>A request not sent because the wait before it would pass its limit; nothing reached the API.</summary>
    internal sealed class WaitRefusedException : Exception
    {
        public WaitRefusedException(string message)
            : base(message)
        {
        }
    }
}
