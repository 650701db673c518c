using System.Net.Http;
using System.Text;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Tests.Core;

/// <summary>
/// A 200 answer is parsed as it arrives, inside the attempt that received it: never buffered whole, a body broken
/// off mid-page is that attempt's failure (the page is read again, nothing of the broken one kept), and the digest
/// that catches a repeated page is the same however the network splits the body.
/// </summary>
public sealed class StreamedReadingTests
{
    private static readonly string Page = ScriptedNetwork.Envelope(
        "[" + string.Join(",", Enumerable.Range(0, 300)
            .Select(i => $"{{\"id\":\"m{i}\",\"subject\":\"Invoice {i} \\\"overdue\\\" \\\\ paid\"}}")) + "]",
        "{\"count\":300,\"per_page\":300,\"total_count\":900,\"next\":\"c2\"}");

    private readonly ScriptedNetwork network = new();

    [Fact]
    public async Task A_200_answer_is_parsed_from_the_network_as_it_arrives_never_buffered_whole()
    {
        network.Answer(200, new ChunkedContent(Page, chunk: 97, refuseBuffering: true));

        var answer = await network.Client()
            .SendAsync<List<Message>>(ApiCatalog.Investigate.List.Request(), CancellationToken.None);

        Assert.Equal(300, answer.Result.Count);
        Assert.Equal("Invoice 299 \"overdue\" \\ paid", answer.Result[299].Subject);
        Assert.Equal("c2", answer.Info!.Next);
    }

    [Fact]
    public async Task A_page_broken_off_midway_is_read_again_and_nothing_of_the_broken_one_is_kept()
    {
        network.Answer(200, new BrokenOffContent(Page));
        network.Answer(200, ScriptedNetwork.Envelope("[{\"id\":\"whole\"}]"));

        var answer = await network.Client()
            .SendAsync<List<Message>>(ApiCatalog.Investigate.List.Request(), CancellationToken.None);

        Assert.Equal("whole", Assert.Single(answer.Result).Id);
        Assert.Equal(2, network.Requests.Count);
    }

    [Fact]
    public async Task The_digest_of_a_page_is_the_same_however_the_network_splits_it()
    {
        var digests = new HashSet<ulong?>();
        foreach (var chunk in new[] { 1, 2, 3, 7, 8, 9, 64, 4096 })
        {
            digests.Add(await DigestOf(Page, chunk));
        }

        var other = Page.Replace("\"m150\"", "\"m151\"", StringComparison.Ordinal);
        var sameItemsOtherCursor = Page.Replace("\"next\":\"c2\"", "\"next\":\"c3\"", StringComparison.Ordinal);

        var digest = Assert.Single(digests);
        Assert.NotNull(digest);
        Assert.NotEqual(digest, await DigestOf(other, 5));
        Assert.Equal(digest, await DigestOf(sameItemsOtherCursor, 5));
    }

    private static async Task<ulong?> DigestOf(string body, int chunk)
    {
        using var scanned = new ScannedBody(new ChunkedStream(Encoding.UTF8.GetBytes(body), chunk));
        var buffer = new byte[4096];
        while (await scanned.ReadAsync(buffer, 0, buffer.Length) > 0)
        {
        }

        return scanned.ResultDigest;
    }

    /// <summary>
    /// A body that arrives a few bytes at a time; with refuseBuffering, loading it whole fails the test.
    /// </summary>
    private sealed class ChunkedContent(string body, int chunk, bool refuseBuffering) : HttpContent
    {
        private readonly byte[] bytes = Encoding.UTF8.GetBytes(body);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            if (refuseBuffering)
            {
                throw new InvalidOperationException("The body was buffered instead of parsed as it arrived.");
            }

            await stream.WriteAsync(bytes);
        }

        protected override Task<Stream> CreateContentReadStreamAsync() =>
            Task.FromResult<Stream>(new ChunkedStream(bytes, chunk));

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }

    private sealed class ChunkedStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            base.Read(buffer, offset, Math.Min(count, chunk));

        public override Task<int> ReadAsync(
            byte[] buffer,
            int offset,
            int count,
            CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, chunk), cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}

/// <summary>A 200 whose body breaks off halfway: the connection dropped mid-page.</summary>
internal sealed class BrokenOffContent(string body) : HttpContent
{
    private readonly byte[] bytes = Encoding.UTF8.GetBytes(body);

    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
    {
        await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
        throw new IOException("The response ended prematurely.");
    }

    protected override Task<Stream> CreateContentReadStreamAsync() =>
        Task.FromResult<Stream>(new BrokenOffStream(bytes));

    protected override bool TryComputeLength(out long length)
    {
        length = bytes.Length;
        return true;
    }

    private sealed class BrokenOffStream(byte[] bytes) : MemoryStream(bytes, 0, bytes.Length / 2)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            return read > 0 ? read : throw new IOException("The response ended prematurely.");
        }

        public override async ValueTask<int> ReadAsync(
            Memory<byte> buffer,
            CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw new IOException("The response ended prematurely.");
        }

        public override Task<int> ReadAsync(
            byte[] buffer,
            int offset,
            int count,
            CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
