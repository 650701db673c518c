using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EmailSecurity.Client.Http;

namespace EmailSecurity.Client
{
    /// <summary>
    /// One answer's body read into the v4 envelope: straight from the network as it arrives when the retry handler
    /// runs it inside the attempt (a 200), from the buffered body otherwise (an error answer). What it found stays here
    /// for <see cref="EsApiClient"/> to judge; a new attempt starts it afresh.
    /// </summary>
    internal sealed class AnswerReader<T> : IAnswerReader
    {
        /// <summary>The answer last read; the core reads any other answer's body itself.</summary>
        public HttpResponseMessage? ReadFrom { get; private set; }

        public ApiEnvelope<T>? Envelope { get; private set; }

        /// <summary>Why the body could not be read as the envelope, or null.</summary>
        public JsonException? Unreadable { get; private set; }

        /// <summary>
        /// Where and what the body had instead when it is JSON of another shape ("at $.result, an object ..."), or
        /// null.
        /// </summary>
        public string? ShapeProblem { get; private set; }

        /// <summary>Nothing but whitespace came.</summary>
        public bool Empty { get; private set; }

        /// <summary>The <see cref="ScannedBody.ResultDigest"/> of a list answer.</summary>
        public ulong? ResultDigest { get; private set; }

        public IReadOnlyCollection<ToleratedField> Tolerated { get; private set; } = Array.Empty<ToleratedField>();

        public async Task ReadAsync(HttpResponseMessage response, Stream body, CancellationToken cancellationToken)
        {
            ReadFrom = null;
            Envelope = null;
            Unreadable = null;
            ShapeProblem = null;
            using (var scanned = new ScannedBody(body))
            {
                TolerantReading.Begin();
                try
                {
                    Envelope = await JsonSerializer.DeserializeAsync<ApiEnvelope<T>>(scanned, ApiJson.Options,
                        cancellationToken).ConfigureAwait(false);
                }
                catch (JsonException error)
                {
                    if (scanned.RootKind != null)
                    {
                        Unreadable = error;
                        ShapeProblem = ApiJson.ShapeProblem(error, scanned.KindAt, typeof(T));
                    }
                }

                Empty = scanned.RootKind == null;
                ResultDigest = scanned.ResultDigest;
                Tolerated = TolerantReading.Notes;
            }

            ReadFrom = response;
        }
    }
}
