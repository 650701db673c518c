using System.Text.Json;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine.Investigate;

[Collection("Emulator")]
public sealed class SubmitEsReclassificationTests : ModuleTest, IDisposable
{
    private readonly TempFolder folder = new();

    public SubmitEsReclassificationTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void The_body_carries_the_disposition_in_capitals_and_the_escalated_submission()
    {
        var (session, account) = Connected();
        var id = session.Run("Get-EsMessage -First 1").Objects<Message>().Single().Id;
        account.ClearRequests();

        var result = session.Run("Submit-EsReclassification -Id $id -ExpectedDisposition spam -EscalatedSubmissionId " +
            "sub-42 -Confirm:$false", new Dictionary<string, object?> { ["id"] = id });

        result.ShouldSucceed();
        Assert.Empty(result.Output);
        var request = Assert.Single(account.Requests());
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/investigate/{id}/reclassify", request.Path);
        var body = JsonDocument.Parse(request.Body!).RootElement;
        Assert.Equal("SPAM", body.GetProperty("expected_disposition").GetString());
        Assert.Equal("sub-42", body.GetProperty("escalated_submission_id").GetString());
        Assert.False(body.TryGetProperty("eml_content", out _));
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("2026-10")]
    public void Reclassify_warns_once_that_the_API_deprecates_it_and_still_sends_it(string version)
    {
        var (session, account) = Connected(apiVersion: version);
        var ids = session.Run("Get-EsMessage -First 3").Objects<Message>().Select(m => m.Id).ToArray();
        account.ClearRequests();

        var whatIf = session.Run("$ids | Submit-EsReclassification -ExpectedDisposition SPAM -WhatIf",
            new Dictionary<string, object?> { ["ids"] = ids });
        var result = session.Run("$ids | Submit-EsReclassification -ExpectedDisposition SPAM -Confirm:$false",
            new Dictionary<string, object?> { ["ids"] = ids });

        Assert.Empty(whatIf.Warnings);
        result.ShouldSucceed();
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("deprecates reclassify", warning.Message, StringComparison.Ordinal);
        Assert.Equal(3, account.Requests().Count(r => r.Method == "POST" && r.Status == 200));
    }

    [Fact]
    public void EmlPath_sends_the_file_base64_encoded()
    {
        var (session, account) = Connected();
        var id = session.Run("Get-EsMessage -First 1").Objects<Message>().Single().Id;
        var path = folder.File("reported.eml");
        session.Run("Get-EsMessageRaw -Id $id -OutFile $path",
            new Dictionary<string, object?> { ["id"] = id, ["path"] = path }).ShouldSucceed();
        account.ClearRequests();

        var result = session.Run("Submit-EsReclassification $id NONE -EmlPath $path -PassThru -Confirm:$false",
            new Dictionary<string, object?> { ["id"] = id, ["path"] = path });

        result.ShouldSucceed();
        var body = JsonDocument.Parse(Assert.Single(account.Requests()).Body!).RootElement;
        Assert.Equal(Convert.ToBase64String(File.ReadAllBytes(path)), body.GetProperty("eml_content").GetString());
        Assert.Equal("NONE", body.GetProperty("expected_disposition").GetString());
        var sent = Assert.Single(result.Objects<ReclassificationRequest>());
        Assert.Equal(id, sent.MessageId);
        Assert.Equal("NONE", sent.ExpectedDisposition);
        Assert.True(sent.EmlIncluded);
        Assert.Equal(TimeSpan.Zero, sent.SubmittedAt.Offset);
    }

    [Fact]
    public void EmlContent_is_sent_as_given()
    {
        var (session, account) = Connected();
        var id = session.Run("Get-EsMessage -First 1").Objects<Message>().Single().Id;
        var eml = Convert.ToBase64String("From: a@b.test\r\n\r\nhello\r\n"u8.ToArray());
        account.ClearRequests();

        session.Run("Submit-EsReclassification -Id $id -ExpectedDisposition MALICIOUS -EmlContent $eml -Confirm:$false",
            new Dictionary<string, object?> { ["id"] = id, ["eml"] = eml }).ShouldSucceed();

        var body = JsonDocument.Parse(Assert.Single(account.Requests()).Body!).RootElement;
        Assert.Equal(eml, body.GetProperty("eml_content").GetString());
    }

    [Fact]
    public void A_submission_shows_up_in_Get_EsSubmission()
    {
        var (session, _) = Connected();
        var message = session.Run("Get-EsMessage -Disposition MALICIOUS -First 1").Objects<Message>().Single();

        session.Run("$m | Submit-EsReclassification -ExpectedDisposition NONE -Confirm:$false",
            new Dictionary<string, object?> { ["m"] = message }).ShouldSucceed();
        var submissions = session.Run("Get-EsSubmission -Query $p -Type TEAM -RequestedDisposition NONE",
            new Dictionary<string, object?> { ["p"] = message.PostfixId }).Objects<Submission>();

        var submission = Assert.Single(submissions, s => s.RequestedBy == "API");
        Assert.Equal(message.PostfixId, submission.OriginalPostfixId);
        Assert.Equal("MALICIOUS", submission.OriginalDisposition);
        Assert.Equal("Team", submission.Type);
    }

    [Fact]
    public void Piped_ids_are_each_submitted_once()
    {
        var (session, account) = Connected();
        var ids = session.Run("Get-EsMessage -First 3").Objects<Message>().Select(m => m.Id).ToList();
        account.ClearRequests();

        var result = session.Run("$ids + $ids | Submit-EsReclassification -ExpectedDisposition BULK -PassThru " +
            "-Confirm:$false", new Dictionary<string, object?> { ["ids"] = ids.ToArray() });

        result.ShouldSucceed();
        Assert.Equal(ids.Select(id => $"/investigate/{id}/reclassify"), account.Requests().Select(r => r.Path));
        Assert.Equal(ids, result.Objects<ReclassificationRequest>().Select(r => r.MessageId));
    }

    [Fact]
    public void WhatIf_sends_nothing_and_names_the_disposition()
    {
        var (session, account) = Connected();
        var id = session.Run("Get-EsMessage -First 1").Objects<Message>().Single().Id;
        account.ClearRequests();

        var result = session.Run("Submit-EsReclassification -Id $id -ExpectedDisposition suspicious -WhatIf",
            new Dictionary<string, object?> { ["id"] = id });

        result.ShouldSucceed();
        Assert.Empty(account.Requests());
        Assert.Contains("What if: Performing the operation \"Submit for reclassification as SUSPICIOUS\" on target " +
            $"\"{id}\".", result.HostText);
    }

    [Theory]
    [InlineData("-ExpectedDisposition EVIL")]
    [InlineData("-ExpectedDisposition NONE -EmlContent 'not base64!'")]
    public void Bad_values_are_parameter_errors_and_send_nothing(string parameters)
    {
        var (session, account) = Connected();

        var result = session.Run($"Submit-EsReclassification -Id abc {parameters} -Confirm:$false");

        Assert.Contains(result.Errors,
            e => e.FullyQualifiedErrorId.StartsWith("ParameterArgumentValidationError", StringComparison.Ordinal));
        Assert.Empty(account.Requests());
    }

    [Fact]
    public void An_eml_file_that_cannot_be_read_stops_before_any_request()
    {
        var (session, account) = Connected();

        var result = session.Run("Submit-EsReclassification -Id abc -ExpectedDisposition NONE -EmlPath $path " +
            "-Confirm:$false", new Dictionary<string, object?> { ["path"] = folder.File("missing.eml") });

        Assert.Contains(result.Errors,
            e => e.FullyQualifiedErrorId.StartsWith("EsEmlFileNotRead", StringComparison.Ordinal));
        Assert.Empty(account.Requests());
    }

    [Fact]
    public void A_server_error_is_not_sent_again()
    {
        var (session, account) = Connected();
        var id = session.Run("Get-EsMessage -First 1").Objects<Message>().Single().Id;
        account.SetFaults(new FaultRule("statusAfterProcessing") { Method = "POST", Status = 502 });
        account.ClearRequests();

        var result = session.Run("Submit-EsReclassification -Id $id -ExpectedDisposition NONE -Confirm:$false",
            new Dictionary<string, object?> { ["id"] = id });

        Assert.Single(account.Requests());
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EsChangeOutcomeUnknown", error.FullyQualifiedErrorId);
        Assert.Equal(id, error.TargetObject);
        Assert.StartsWith($"The outcome of 'Submit for reclassification as NONE' for message '{id}' is unknown: it " +
            "may have been applied.", error.ToString());
        Assert.StartsWith($"Check with Get-EsMessage -Id '{id}' whether it was applied.",
            error.ErrorDetails.RecommendedAction);
    }

    public new void Dispose()
    {
        folder.Dispose();
        base.Dispose();
    }
}
