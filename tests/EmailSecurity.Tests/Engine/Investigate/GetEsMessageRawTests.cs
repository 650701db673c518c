using System.Text;
using EmailSecurity.Models;
using EmailSecurity.Tests.Emulator;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine.Investigate;

[Collection("Emulator")]
public sealed class GetEsMessageRawTests : ModuleTest, IDisposable
{
    private readonly TempFolder folder = new();

    public GetEsMessageRawTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public async Task A_message_comes_back_as_its_eml_text_with_its_headers_readable()
    {
        var (session, account) = Connected();
        var message = session.Run("Get-EsMessage -Disposition MALICIOUS -First 1").Objects<Message>().Single();
        account.ClearRequests();

        var result = session.Run("Get-EsMessageRaw -Id $id", new Dictionary<string, object?> { ["id"] = message.Id });

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/investigate/{message.Id}/raw", request.Path);
        var raw = Assert.Single(result.Objects<MessageRaw>());
        Assert.Equal(message.Id, raw.MessageId);
        var json = (await new AccountApi(Emulator, account).Get(
            $"/investigate/{Uri.EscapeDataString(message.Id)}/raw")).Result;
        Assert.Equal(json.GetProperty("raw").GetString(), raw.Raw);
        Assert.Equal(message.Subject, raw.GetHeader("subject"));
        Assert.Equal(message.MessageId, raw.GetHeader("Message-ID"));
        Assert.Equal(Encoding.UTF8.GetByteCount(raw.Raw!), raw.Length);
        Assert.Null(raw.GetHeader("X-Not-There"));
    }

    [Fact]
    public async Task OutFile_writes_the_eml_as_utf8_without_a_byte_order_mark()
    {
        var (session, account) = Connected();
        var id = session.Run("Get-EsMessage -First 1").Objects<Message>().Single().Id;
        var path = folder.File("x.eml");

        var result = session.Run("Get-EsMessage -First 1 | Get-EsMessageRaw -OutFile $path",
            new Dictionary<string, object?> { ["path"] = path });

        result.ShouldSucceed();
        Assert.Equal(path, Assert.Single(result.Objects<FileInfo>()).FullName);
        var bytes = File.ReadAllBytes(path);
        Assert.StartsWith("Received: ", Encoding.ASCII.GetString(bytes, 0, 10), StringComparison.Ordinal);
        var json = (await new AccountApi(Emulator, account).Get($"/investigate/{Uri.EscapeDataString(id)}/raw")).Result;
        Assert.Equal(Encoding.UTF8.GetBytes(json.GetProperty("raw").GetString()!), bytes);
    }

    [Fact]
    public void OutFile_as_a_directory_writes_one_eml_per_message()
    {
        var (session, _) = Connected();
        var ids = session.Run("Get-EsMessage -First 5").Objects<Message>().Select(m => m.Id).ToList();

        var result = session.Run("Get-EsMessage -First 5 | Get-EsMessageRaw -OutFile $dir -ThrottleLimit 2",
            new Dictionary<string, object?> { ["dir"] = folder.Path });

        result.ShouldSucceed();
        var expected = ids.Select(id => folder.File(id.Replace(':', '_') + ".eml")).ToList();
        Assert.Equal(expected, result.Objects<FileInfo>().Select(f => f.FullName));
        Assert.All(expected, file => Assert.Contains("\r\nSubject: ", File.ReadAllText(file)));
    }

    [Fact]
    public void A_file_that_cannot_be_written_is_an_error_naming_the_path()
    {
        var (session, _) = Connected();
        var path = Path.Combine(folder.Path, "no-such-directory", "x.eml");

        var result = session.Run("Get-EsMessage -First 1 | Get-EsMessageRaw -OutFile $path",
            new Dictionary<string, object?> { ["path"] = path });

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsOutFileNotWritten", error.FullyQualifiedErrorId);
        Assert.Equal(path, error.TargetObject);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void The_table_view_shows_sender_and_subject_from_the_headers()
    {
        var (session, _) = Connected();
        var message = session.Run("Get-EsMessage -First 1").Objects<Message>().Single();

        var result = session.RunFormatted("Get-EsMessage -First 1 | Get-EsMessageRaw");

        result.ShouldSucceed();
        Assert.Contains("Subject", result.HostText);
        var subject = message.Subject!;
        Assert.Contains(subject[..Math.Min(20, subject.Length)], result.HostText);
        Assert.All(result.HostText.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 120, line));
    }

    public new void Dispose()
    {
        folder.Dispose();
        base.Dispose();
    }
}
