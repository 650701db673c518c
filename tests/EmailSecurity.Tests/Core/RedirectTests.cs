using System.Net.Http;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Tests.Core;

/// <summary>
/// What the engine matrix (RedirectFaultTests) cannot script on the emulator: 303 after a change, and loops.
/// </summary>
public sealed class RedirectTests
{
    private static readonly ApiRequest Move = ScriptedNetwork.MoveToInbox();

    private readonly ScriptedNetwork network = new();
    private readonly EsApiClient client;

    public RedirectTests()
    {
        client = network.Client();
    }

    [Fact]
    public async Task A_303_after_a_change_on_the_same_origin_reads_the_answer_there_with_GET_and_no_body()
    {
        network.Answer(303, string.Empty, ("Location", "/client/v4/results/7"));
        network.Answer(200, ScriptedNetwork.Envelope("[{\"message_id\":\"m1\",\"success\":true}]"));

        var answer = await client.SendAsync<List<MessageMoveResult>>(Move, CancellationToken.None);

        Assert.Equal("m1", Assert.Single(answer.Result).MessageId);
        Assert.Equal(new[] { HttpMethod.Post, HttpMethod.Get }, network.Requests.Select(r => r.Method));
        Assert.Equal("https://api.example.test/client/v4/results/7", network.Requests[1].RequestUri!.AbsoluteUri);
        Assert.Null(network.Requests[1].Content);
        Assert.Equal("Bearer", network.Requests[1].Headers.Authorization!.Scheme);
    }

    [Fact]
    public async Task A_303_after_a_change_to_another_origin_is_not_followed_and_says_the_change_may_have_been_made()
    {
        network.Answer(303, string.Empty, ("Location", "https://elsewhere.example/results/7"));

        var error = await Assert.ThrowsAsync<EsApiException>(
            () => client.SendAsync<List<MessageMoveResult>>(Move, CancellationToken.None));

        Assert.Single(network.Requests);
        Assert.True(error.MayHaveBeenProcessed);
        Assert.Equal(
            "The API answered 303 See Other, redirecting to https://elsewhere.example, which is not the API's " +
            "address (https://api.example.test); neither the credential nor the change was sent there. The change " +
            "may have been carried out. [POST /investigate/move]",
            error.Message);
    }

    [Fact]
    public async Task Redirects_that_go_round_in_a_loop_stop_after_five()
    {
        for (var i = 0; i < 10; i++)
        {
            network.Answer(302, string.Empty, ("Location", "/client/v4/accounts/acct/email-security/investigate"));
        }

        var error = await Assert.ThrowsAsync<EsApiException>(
            () => client.SendAsync<List<Message>>(ApiCatalog.Investigate.List.Request(), CancellationToken.None));

        Assert.Equal(6, network.Requests.Count);
        Assert.Equal(EsFailureKind.Redirected, error.Kind);
        Assert.Contains("more than 5 times", error.Message);
    }
}
