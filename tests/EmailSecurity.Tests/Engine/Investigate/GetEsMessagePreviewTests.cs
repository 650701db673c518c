using System.Text.Json;
using EmailSecurity.Models;
using EmailSecurity.Tests.Emulator;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine.Investigate;

[Collection("Emulator")]
public sealed class GetEsMessagePreviewTests : ModuleTest, IDisposable
{
    private static readonly byte[] PngSignature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

    private readonly TempFolder folder = new();

    public GetEsMessagePreviewTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public async Task A_piped_message_gets_its_preview_by_investigate_id()
    {
        var (session, account) = Connected();
        var id = session.Run("Get-EsMessage -Disposition MALICIOUS -First 1").Objects<Message>().Single().Id;
        account.ClearRequests();

        var result = session.Run("Get-EsMessage -Disposition MALICIOUS -First 1 | Get-EsMessagePreview");

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests(), r => r.Path != "/investigate");
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/investigate/{id}/preview", request.Path);
        var preview = Assert.Single(result.Objects<MessagePreview>());
        Assert.Equal(id, preview.MessageId);
        Assert.Null(preview.PostfixId);
        var json =
            (await new AccountApi(Emulator, account).Get($"/investigate/{Uri.EscapeDataString(id)}/preview")).Result;
        Assert.Equal(json.GetProperty("screenshot").GetString(), preview.Screenshot);
        Assert.Equal(PngSignature, preview.GetImageBytes().Take(8));
        Assert.Equal("120x80", preview.Dimensions);
    }

    [Fact]
    public void PostfixId_posts_the_postfix_id_and_marks_the_result_with_it()
    {
        var (session, account) = Connected();
        var message = session.Run("Get-EsMessage -Disposition NONE -First 1").Objects<Message>().Single();
        account.ClearRequests();

        var result = session.Run("Get-EsMessagePreview -PostfixId $p", new Dictionary<string, object?> { ["p"] =
            message.PostfixId });

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests());
        Assert.Equal("POST", request.Method);
        Assert.Equal("/investigate/preview", request.Path);
        var body = JsonDocument.Parse(request.Body!).RootElement;
        Assert.Equal(message.PostfixId, body.GetProperty("postfix_id").GetString());
        Assert.Single(body.EnumerateObject());
        var preview = Assert.Single(result.Objects<MessagePreview>());
        Assert.Equal(message.PostfixId, preview.PostfixId);
        Assert.Null(preview.MessageId);
        Assert.Equal(PngSignature, preview.GetImageBytes().Take(8));
    }

    [Fact]
    public void OutFile_writes_the_png_and_outputs_the_file()
    {
        var (session, _) = Connected();
        var path = folder.File("suspect.png");

        var result = session.Run("Get-EsMessage -Disposition MALICIOUS -First 1 | Get-EsMessagePreview -OutFile $path",
            new Dictionary<string, object?> { ["path"] = path });

        result.ShouldSucceed();
        Assert.Equal(PngSignature, File.ReadAllBytes(path).Take(8));
        Assert.Equal(path, Assert.Single(result.Objects<FileInfo>()).FullName);
        Assert.Empty(result.Objects<MessagePreview>());
    }

    [Fact]
    public void OutFile_as_a_directory_writes_one_png_per_message_named_after_its_id()
    {
        var (session, _) = Connected();
        var ids =
            session.Run("Get-EsMessage -Disposition MALICIOUS -First 3").Objects<Message>().Select(m => m.Id).ToList();

        var result = session.Run("Get-EsMessage -Disposition MALICIOUS -First 3 | Get-EsMessagePreview -OutFile $dir",
            new Dictionary<string, object?> { ["dir"] = folder.Path });

        result.ShouldSucceed();
        var expected = ids.Select(id => folder.File(id.Replace(':', '_') + ".png")).ToList();
        Assert.Equal(expected, result.Objects<FileInfo>().Select(f => f.FullName));
        Assert.All(expected, file => Assert.Equal(PngSignature, File.ReadAllBytes(file).Take(8)));
    }

    [Fact]
    public void OutFile_with_WhatIf_requests_nothing_and_writes_nothing()
    {
        var (session, account) = Connected();
        var id = session.Run("Get-EsMessage -First 1").Objects<Message>().Single().Id;
        var path = folder.File("x.png");
        account.ClearRequests();

        var result = session.Run("Get-EsMessagePreview -Id $id -OutFile $path -WhatIf",
            new Dictionary<string, object?> { ["id"] = id, ["path"] = path });

        result.ShouldSucceed();
        Assert.Empty(account.Requests());
        Assert.False(File.Exists(path));
        Assert.Contains($"What if: Performing the operation \"Save the preview of message {id}\" on target \"{path}\".",
            result.HostText);
    }

    [Fact]
    public void Several_ids_and_one_file_are_refused_before_any_request()
    {
        var (session, account) = Connected();

        var result = session.Run("Get-EsMessagePreview -Id a, b -OutFile $path",
            new Dictionary<string, object?> { ["path"] = folder.File("one.png") });

        Assert.Contains(result.Errors,
            e => e.FullyQualifiedErrorId.StartsWith("EsOutFileIsOneFile", StringComparison.Ordinal));
        Assert.Empty(account.Requests());
    }

    [Fact]
    public void Piped_messages_after_the_first_are_refused_when_OutFile_is_one_file()
    {
        var (session, account) = Connected();
        var ids =
            session.Run("Get-EsMessage -Disposition MALICIOUS -First 2").Objects<Message>().Select(m => m.Id).ToList();
        var path = folder.File("one.png");
        account.ClearRequests();

        var result = session.Run("$ids | Get-EsMessagePreview -OutFile $path",
            new Dictionary<string, object?> { ["ids"] = ids.ToArray(), ["path"] = path });

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsOutFileIsOneFile", error.FullyQualifiedErrorId);
        Assert.Equal(ids[1], error.TargetObject);
        Assert.Equal($"/investigate/{ids[0]}/preview", Assert.Single(account.Requests()).Path);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void The_table_view_shows_the_image_size()
    {
        var (session, _) = Connected();

        var result = session.RunFormatted("Get-EsMessage -Disposition MALICIOUS -First 2 | Get-EsMessagePreview");

        result.ShouldSucceed();
        Assert.Contains("Dimensions", result.HostText);
        Assert.Contains("120x80", result.HostText);
        Assert.All(result.HostText.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 120, line));
    }

    public new void Dispose()
    {
        folder.Dispose();
        base.Dispose();
    }
}
