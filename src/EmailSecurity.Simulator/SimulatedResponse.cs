using System.Collections.Generic;

namespace EmailSecurity.Simulator
{
    /// <summary>The answer to a <see cref="SimulatedRequest"/>: status, JSON body and headers.</summary>
    public sealed class SimulatedResponse
    {
        private static readonly IReadOnlyDictionary<string, string> JsonHeaders =
            new Dictionary<string, string> { ["Content-Type"] = "application/json" };

        public SimulatedResponse(
            int statusCode,
            string body,
            IReadOnlyDictionary<string, string>? headers = null,
            string? pageCursor = null)
        {
            StatusCode = statusCode;
            Body = body;
            Headers = headers ?? JsonHeaders;
            PageCursor = pageCursor;
        }

        public int StatusCode { get; }
        public string Body { get; }
        public IReadOnlyDictionary<string, string> Headers { get; }

        /// <summary>
        /// On cursor-paged lists only: a cursor that fetches this same page again. Not part of the API;
        /// it lets a fault injector hand out stale or repeated cursors that the simulator still accepts.
        /// </summary>
        public string? PageCursor { get; }
    }
}
