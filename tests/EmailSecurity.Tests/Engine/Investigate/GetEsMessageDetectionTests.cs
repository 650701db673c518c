using System.Text.Json;
using EmailSecurity.Models;
using EmailSecurity.Tests.Emulator;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine.Investigate;

[Collection("Emulator")]
public sealed class GetEsMessageDetectionTests : ModuleTest
{
    public GetEsMessageDetectionTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public async Task Piped_messages_each_get_their_detections_in_the_order_they_arrived()
    {
        var (session, account) = Connected();
        var ids =
            session.Run("Get-EsMessage -Disposition MALICIOUS -First 6").Objects<Message>().Select(m => m.Id).ToList();
        account.ClearRequests();

        var result =
            session.Run("Get-EsMessage -Disposition MALICIOUS -First 6 | Get-EsMessageDetection -ThrottleLimit 4");

        result.ShouldSucceed();
        var reads = account.Requests().Where(r => r.Path.EndsWith("/detections", StringComparison.Ordinal)).ToList();
        Assert.Equal(ids.Select(id => $"/investigate/{id}/detections").Order(), reads.Select(r => r.Path).Order());
        Assert.All(reads, r => Assert.Equal("GET", r.Method));
        Assert.All(reads, r => Assert.True(string.IsNullOrEmpty(r.Query)));
        Assert.Equal(ids, result.Objects<MessageDetection>().Select(d => d.MessageId));

        var api = new AccountApi(Emulator, account);
        foreach (var detection in result.Objects<MessageDetection>())
        {
            var json = (await api.Get($"/investigate/{Uri.EscapeDataString(detection.MessageId!)}/detections")).Result;
            Assert.Equal(json.GetProperty("final_disposition").GetString(), detection.FinalDisposition);
            Assert.Equal(json.GetProperty("action").GetString(), detection.Action);
            Assert.Equal(Strings(json, "threat_categories", "name"), detection.ThreatCategories!.Select(c => c.Name));
            Assert.Equal(json.GetProperty("threat_categories").EnumerateArray()
                .Select(c => c.GetProperty("id").GetInt64()), detection.ThreatCategories!.Select(c => c.Id!.Value));
            Assert.Equal(Strings(json, "findings", "name"), detection.Findings!.Select(f => f.Name));
            Assert.Equal(json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("score").GetDouble()),
                detection.Findings!.Select(f => f.Score!.Value));
            Assert.Equal(Strings(json, "attachments", "sha256"), detection.Attachments!.Select(a => a.Sha256));
            Assert.Equal(json.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("size").GetInt64()),
                detection.Attachments!.Select(a => a.Size));
            Assert.Equal(Strings(json, "links", "href"), detection.Links!.Select(l => l.Href));
            Assert.Equal(Strings(json, "headers", "name"), detection.Headers!.Select(h => h.Name));
            Assert.Equal(Strings(json, "headers", "value"), detection.Headers!.Select(h => h.Value));
            var sender = json.GetProperty("sender_info");
            Assert.Equal(sender.GetProperty("ip").GetString(), detection.SenderInfo!.Ip);
            Assert.Equal(sender.GetProperty("as_number").GetInt64(), detection.SenderInfo.AsNumber);
            Assert.Equal(sender.GetProperty("as_name").GetString(), detection.SenderInfo.AsName);
            Assert.Equal(sender.GetProperty("geo").GetString(), detection.SenderInfo.Geo);
            Assert.Equal(sender.GetProperty("pld").GetString(), detection.SenderInfo.Pld);
            Assert.Equal(json.GetProperty("validation").GetProperty("dmarc").GetString(), detection.Validation!.Dmarc);
            Assert.Null(detection.AdditionalFields);
        }

        Assert.Contains(result.Objects<MessageDetection>(),
            d => d.Findings!.Length > 0 && d.ThreatCategories!.Length > 0);
    }

    [Fact]
    public void An_unknown_id_is_an_error_naming_it_and_the_other_ids_are_still_read()
    {
        var (session, _) = Connected();
        var id = session.Run("Get-EsMessage -Disposition MALICIOUS -First 1").Objects<Message>().Single().Id;

        var result = session.Run("'no-such-message', $id | Get-EsMessageDetection",
            new Dictionary<string, object?> { ["id"] = id });

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsApiNotFound", error.FullyQualifiedErrorId);
        Assert.Equal("no-such-message", error.TargetObject);
        Assert.Equal(id, Assert.Single(result.Objects<MessageDetection>()).MessageId);
    }

    [Fact]
    public void Ids_keep_their_order_across_several_throttled_groups()
    {
        var (session, account) = Connected();
        var ids = session.Run("Get-EsMessage -First 7").Objects<Message>().Select(m => m.Id).ToList();
        account.ClearRequests();

        var result = session.Run("Get-EsMessageDetection -Id $ids -ThrottleLimit 3",
            new Dictionary<string, object?> { ["ids"] = ids.ToArray() });

        result.ShouldSucceed();
        Assert.Equal(ids, result.Objects<MessageDetection>().Select(d => d.MessageId));
        Assert.Equal(7, account.Requests().Count);
    }

    [Fact]
    public void A_throttle_limit_out_of_range_is_a_parameter_error_and_sends_nothing()
    {
        var (session, account) = Connected();

        var result = session.Run("Get-EsMessageDetection -Id abc -ThrottleLimit 0");

        Assert.Contains(result.Errors,
            e => e.FullyQualifiedErrorId.StartsWith("ParameterArgumentValidationError", StringComparison.Ordinal));
        Assert.Empty(account.Requests());
    }

    [Fact]
    public void The_table_view_fits_120_columns_and_names_the_threats()
    {
        var (session, _) = Connected();

        var result = session.RunFormatted("Get-EsMessage -Disposition MALICIOUS -First 3 | Get-EsMessageDetection");

        result.ShouldSucceed();
        Assert.Contains("Disposition", result.HostText);
        Assert.Contains("Threats", result.HostText);
        Assert.Contains("MALICIOUS", result.HostText);
        Assert.All(result.HostText.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 120, line));
    }

    private static IEnumerable<string?> Strings(JsonElement json, string array, string property) =>
        json.GetProperty(array).EnumerateArray()
            .Select(e => e.TryGetProperty(property, out var value) ? value.GetString() : null);
}
