using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EmailSecurity.Client.Http
{
    /// <summary>
    /// Parses a 200 answer's body while it arrives, inside the attempt that received it (<see cref="RetryHandler"/>):
    /// a connection dropped mid-body is that attempt's failure, and the body is never held whole.
    /// </summary>
    internal interface IAnswerReader
    {
        /// <summary>
        /// Reads <paramref name="body"/> to its end, or until the JSON cannot go on; only transport failures throw.
        /// </summary>
        Task ReadAsync(HttpResponseMessage response, Stream body, CancellationToken cancellationToken);
    }
}
