using System.Text.Json;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Tests.Core;

/// <summary>
/// A field of an unexpected JSON type never rejects the answer it is in: what can be read is read, what cannot is
/// kept in AdditionalFields with one warning, and an answer of the wrong shape altogether is reported as a shape
/// problem, never as "not valid JSON".
/// </summary>
public sealed class TolerantReadingTests
{
    private readonly ScriptedNetwork network = new();
    private readonly RecordingObserver observer = new();
    private readonly EsApiClient client;

    public TolerantReadingTests()
    {
        client = network.Client(observer);
    }

    private async Task<T> Read<T>(string result)
    {
        network.Answer(200, ScriptedNetwork.Envelope(result));
        return (await client.SendAsync<T>(ApiCatalog.CollectionOf<AllowPolicy>().List.Request(),
            CancellationToken.None)).Result;
    }

    [Fact]
    public async Task An_id_sent_as_a_number_is_read_as_its_text_without_a_warning()
    {
        var policy =
            await Read<AllowPolicy>("{\"id\":4711,\"pattern\":\"contoso.example\",\"is_trusted_sender\":true}");

        Assert.Equal("4711", policy.Id);
        Assert.Equal("contoso.example", policy.Pattern);
        Assert.True(policy.IsTrustedSender);
        Assert.Null(policy.AdditionalFields);
        Assert.Empty(observer.Warnings);
        Assert.Contains("GET /settings/allow_policies: 'id' of AllowPolicy is a number where text was expected; read " +
            "as text.", observer.Verbose);
    }

    [Fact]
    public async Task A_flag_that_is_not_true_or_false_is_kept_in_AdditionalFields_with_one_warning_and_the_rest_is_read()
    {
        var policies = await Read<List<AllowPolicy>>(
            "[{\"id\":\"a\",\"is_trusted_sender\":\"yes\",\"is_regex\":\"TRUE\"},{\"id\":\"b\",\"is_trusted_sender\":\"no\"},{\"id\":\"c\",\"is_trusted_sender\":false}]");

        Assert.Equal(new[] { "a", "b", "c" }, policies.Select(p => p.Id));
        Assert.Null(policies[0].IsTrustedSender);
        Assert.True(policies[0].IsRegex);
        Assert.Equal("yes", policies[0].AdditionalFields!["is_trusted_sender"]);
        Assert.Equal("no", policies[1].AdditionalFields!["is_trusted_sender"]);
        Assert.False(policies[2].IsTrustedSender);
        Assert.Null(policies[2].AdditionalFields);
        Assert.Equal(
            "GET /settings/allow_policies: 'is_trusted_sender' of AllowPolicy is text (\"yes\") where true or false " +
            "was expected (2 times in this answer); kept as sent in AdditionalFields, the property left empty.",
            Assert.Single(observer.Warnings));
    }

    [Fact]
    public async Task A_single_value_where_a_list_is_expected_is_a_list_of_one_and_null_is_no_list()
    {
        var message = await Read<Message>(
            "{\"id\":\"m\",\"to\":\"ceo@contoso.example\",\"detection_reasons\":null,\"delivery_status\":[\"delivered\",7]}");

        Assert.Equal(new[] { "ceo@contoso.example" }, message.To);
        Assert.Null(message.DetectionReasons);
        Assert.Equal(new[] { "delivered", "7" }, message.DeliveryStatus);
        Assert.Null(message.AdditionalFields);
        Assert.Empty(observer.Warnings);
    }

    [Fact]
    public async Task Values_of_a_shape_that_cannot_be_read_are_kept_at_every_depth()
    {
        var detection = await Read<MessageDetection>(
            "{\"final_disposition\":{\"level\":5},\"validation\":\"pass\",\"links\":[{\"href\":\"https://x.example\"},\"https://y.example\"]," +
            "\"threat_categories\":[{\"id\":\"12\",\"name\":[\"a\"]}]}");

        Assert.Null(detection.FinalDisposition);
        Assert.Null(detection.Validation);
        Assert.Null(detection.Links);
        var fields = detection.AdditionalFields!;
        Assert.Equal(5L, Assert.IsType<ApiFields>(fields["final_disposition"])["level"]);
        Assert.Equal("pass", fields["validation"]);
        Assert.Equal(2, Assert.IsType<ApiList<object?>>(fields["links"]).Count);
        Assert.Equal(JsonValueKind.Object, fields.Json["final_disposition"].ValueKind);
        Assert.Contains("final_disposition={\"level\":5}; validation=\"pass\"", fields.ToString());
        fields["validation"] = "changed since";
        Assert.Contains("validation=\"changed since\"", fields.ToString());
        Assert.False(fields.Json.ContainsKey("validation"));
        var category = Assert.Single(detection.ThreatCategories!);
        Assert.Equal(12, category.Id);
        Assert.Null(category.Name);
        Assert.Equal(["a"], Assert.IsType<ApiList<object?>>(category.AdditionalFields!["name"]));
        Assert.Equal(4, observer.Warnings.Count);
        Assert.Contains(observer.Warnings, w => w.Contains("'links' of MessageDetection is a list " +
            "([{\"href\":\"https://x.example\"},\"https://y...) where a list of MessageLink was expected"));
        Assert.Contains(observer.Warnings, w => w.Contains(
            "'validation' of MessageDetection is text (\"pass\") where an object (MessageValidation) was expected"));
    }

    [Fact]
    public async Task An_unreadable_date_is_kept_and_an_unreadable_field_of_an_object_without_AdditionalFields_is_left_out()
    {
        network.Answer(200,
            "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[{\"id\":\"m\",\"scanned_at\":\"yesterday\"}],\"result_info\":{\"count\":\"many\",\"next\":null}}");

        var answer =
            await client.SendAsync<List<Message>>(ApiCatalog.Investigate.List.Request(), CancellationToken.None);

        var message = Assert.Single(answer.Result);
        Assert.Null(message.ScannedAt);
        Assert.Equal("yesterday", message.AdditionalFields!["scanned_at"]);
        Assert.Null(answer.Info!.Count);
        Assert.Contains(observer.Warnings,
            w => w.Contains("'count' of result_info is text (\"many\") where a whole number was expected; left out."));
    }

    [Fact]
    public async Task A_problem_repeated_on_every_page_of_a_list_is_reported_once()
    {
        for (var page = 1; page <= 3; page++)
        {
            network.Answer(200, ScriptedNetwork.Envelope($"[{{\"id\":\"p{page}\",\"is_regex\":\"maybe\"}}]",
                $"{{\"page\":{page},\"per_page\":1,\"total_count\":3}}"));
        }

        var pages = new List<ApiPage<AllowPolicy>>();
        await foreach (var page in client.PagesAsync<AllowPolicy>(ApiCatalog.CollectionOf<AllowPolicy>().List.Request(),
            1, CancellationToken.None))
        {
            pages.Add(page);
        }

        Assert.Equal(3, pages.Count);
        Assert.Single(observer.Warnings);
    }

    [Theory]
    [InlineData("{\"success\":true,\"errors\":[],\"result\":{\"id\":\"m\"}}",
        "at $.result, an object where a list of Message was expected")]
    [InlineData("{\"success\":true,\"errors\":[],\"result\":[{\"id\":\"m\"},42]}",
        "at $.result[1], a number where an object (Message) was expected")]
    [InlineData("[{\"id\":\"m\"}]", "at $, a list where an object (the API's answer envelope) was expected")]
    public async Task An_answer_of_the_wrong_shape_is_a_shape_problem_not_invalid_JSON(string body, string problem)
    {
        network.Answer(200, body);

        var error = await Assert.ThrowsAsync<EsApiException>(
            () => client.SendAsync<List<Message>>(ApiCatalog.Investigate.List.Request(), CancellationToken.None));

        Assert.Equal(EsFailureKind.BadResponse, error.Kind);
        Assert.StartsWith($"The API answered HTTP 200 with JSON of an unexpected shape: {problem}. [GET " +
            "/investigate, HTTP 200", error.Message);
        Assert.DoesNotContain("not valid JSON", error.Message);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_still_reported_as_such()
    {
        network.Answer(200, "{\"success\":true,\"result\":[{\"id\":");

        var error = await Assert.ThrowsAsync<EsApiException>(
            () => client.SendAsync<List<Message>>(ApiCatalog.Investigate.List.Request(), CancellationToken.None));

        Assert.Contains("with a body that is not valid JSON", error.Message);
    }

    [Fact]
    public void Request_bodies_are_written_as_before()
    {
        Assert.Equal(
            "{\"id\":\"x\",\"created_at\":\"2026-11-24T12:00:00.000Z\",\"is_regex\":true,\"to\":[\"a\"]}",
            JsonSerializer.Serialize(new Written { Id = "x", CreatedAt = new DateTimeOffset(2026, 11, 24, 12, 0, 0,
                TimeSpan.Zero), IsRegex = true, To = ["a"] }, ApiJson.Options));
    }

    private sealed class Written
    {
        [System.Text.Json.Serialization.JsonPropertyName("id")]
        public string? Id { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("created_at")]
        public DateTimeOffset? CreatedAt { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("is_regex")]
        public bool? IsRegex { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("to")]
        public string[]? To { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("comments")]
        public string? Comments { get; set; }
    }
}
