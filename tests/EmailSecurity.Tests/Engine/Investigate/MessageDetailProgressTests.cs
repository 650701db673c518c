using System.Management.Automation;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine.Investigate;

/// <summary>Reads of one document per message show progress for many ids, as moves do, and none for one id.</summary>
[Collection("Emulator")]
public sealed class MessageDetailProgressTests : ModuleTest
{
    public MessageDetailProgressTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Theory]
    [InlineData("Get-EsMessageTrace")]
    [InlineData("Get-EsMessageRaw")]
    [InlineData("Get-EsMessageDetection")]
    [InlineData("Get-EsMessagePreview")]
    public void Reading_many_messages_counts_each_one_read_and_completes(string cmdlet)
    {
        var (session, _) = Connected();

        var result = session.Run($"Get-EsMessage -First 6 | {cmdlet} -ThrottleLimit 4");

        result.ShouldSucceed();
        var progress =
            result.ProgressRecords.Where(p => p.Activity.StartsWith(cmdlet + ":", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, 6).Select(n => $"{n} so far"),
            progress.Where(p => p.RecordType == ProgressRecordType.Processing).Select(p => p.StatusDescription));
        Assert.All(progress.Where(p => p.RecordType == ProgressRecordType.Processing),
            p => Assert.False(string.IsNullOrEmpty(p.CurrentOperation)));
        Assert.Equal(ProgressRecordType.Completed, progress.Last().RecordType);
    }

    [Fact]
    public void Reading_one_message_shows_no_progress()
    {
        var (session, _) = Connected();

        var result = session.Run("Get-EsMessage -First 1 | Get-EsMessageTrace");

        result.ShouldSucceed();
        Assert.DoesNotContain(result.ProgressRecords,
            p => p.Activity.StartsWith("Get-EsMessageTrace", StringComparison.Ordinal));
    }
}
