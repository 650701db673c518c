using EmailSecurity.Models;
using EmailSecurity.Tests.Emulator;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine.Investigate;

[Collection("Emulator")]
public sealed class GetEsMessageTraceTests : ModuleTest
{
    public GetEsMessageTraceTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public async Task A_trace_carries_every_line_with_its_direction_and_time()
    {
        var (session, account) = Connected();
        var id = session.Run("Get-EsMessage -First 1").Objects<Message>().Single().Id;
        account.ClearRequests();

        var result = session.Run("Get-EsMessage -First 1 | Get-EsMessageTrace");

        result.ShouldSucceed();
        var request = Assert.Single(account.Requests(), r => r.Path != "/investigate");
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/investigate/{id}/trace", request.Path);
        var trace = Assert.Single(result.Objects<MessageTrace>());
        Assert.Equal(id, trace.MessageId);

        var json =
            (await new AccountApi(Emulator, account).Get($"/investigate/{Uri.EscapeDataString(id)}/trace")).Result;
        var inbound = json.GetProperty("inbound").GetProperty("lines").EnumerateArray().ToList();
        Assert.NotEmpty(inbound);
        Assert.Equal(inbound.Select(l => l.GetProperty("message").GetString()),
            trace.Inbound!.Lines!.Select(l => l.Message));
        Assert.Equal(inbound.Select(l => l.GetProperty("lineno").GetInt64()),
            trace.Inbound.Lines!.Select(l => l.LineNumber!.Value));
        Assert.Equal(inbound.Select(l => l.GetProperty("logged_at").GetDateTimeOffset()),
            trace.Inbound.Lines!.Select(l => l.LoggedAt!.Value));
        Assert.Equal(json.GetProperty("outbound").GetProperty("lines").GetArrayLength(), trace.Outbound!.Lines!.Length);
        Assert.False(trace.Pending);

        Assert.Equal(inbound.Count + trace.Outbound.Lines.Length, trace.Lines.Length);
        Assert.All(trace.Inbound.Lines!, l => Assert.Equal("Inbound", l.Direction));
        Assert.All(trace.Lines, l => Assert.Equal(id, l.MessageId));
        Assert.Equal(trace.Lines.Select(l => l.LoggedAt).Order(), trace.Lines.Select(l => l.LoggedAt));
    }

    [Fact]
    public void A_release_shows_up_in_the_trace()
    {
        var (session, _) = Connected(messages: 200);
        var id = session.Run("Get-EsMessage | Where-Object IsQuarantined").Objects<Message>().First().Id;
        var vars = new Dictionary<string, object?> { ["id"] = id };

        session.Run("Unblock-EsMessage -Id $id -Confirm:$false", vars).ShouldSucceed();
        var result = session.Run("(Get-EsMessageTrace -Id $id).Lines", vars);

        result.ShouldSucceed();
        var lines = result.Objects<MessageTraceLine>();
        Assert.Contains(lines, l => l.Message!.StartsWith("Released from quarantine", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Message!.StartsWith("Delivered to", StringComparison.Ordinal));
    }

    [Fact]
    public void The_lines_show_as_a_table_grouped_by_message()
    {
        var (session, _) = Connected();
        var ids = session.Run("Get-EsMessage -First 2").Objects<Message>().Select(m => m.Id).ToList();

        var result = session.RunFormatted("Get-EsMessage -First 2 | Get-EsMessageTrace | ForEach-Object { $_.Lines }");

        result.ShouldSucceed();
        Assert.Contains("Direction", result.HostText);
        Assert.Contains("Inbound", result.HostText);
        Assert.All(ids, id => Assert.Contains("Message: " + id, result.HostText));
        Assert.All(result.HostText.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 120, line));
    }

    [Fact]
    public void The_trace_table_shows_the_last_line()
    {
        var (session, _) = Connected();

        var result = session.RunFormatted("Get-EsMessage -First 2 | Get-EsMessageTrace");

        result.ShouldSucceed();
        Assert.Contains("LastLine", result.HostText);
        Assert.All(result.HostText.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 120, line));
    }
}
