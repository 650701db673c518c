using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Tests.Core;

/// <summary>
/// Paging guards the emulator cannot provoke: an API that ignores the page number and sends no result_info.
/// </summary>
public sealed class PagingGuardTests
{
    private readonly ScriptedNetwork network = new();
    private readonly RecordingObserver observer = new();
    private readonly EsApiClient client;

    public PagingGuardTests()
    {
        client = network.Client(observer);
    }

    [Fact]
    public async Task Page_numbers_the_API_ignores_stop_at_the_first_repeated_page_before_it_is_handed_out()
    {
        for (var i = 0; i < 3; i++)
        {
            network.Answer(200, ScriptedNetwork.Envelope("[{\"id\":\"a\"},{\"id\":\"b\"}]"));
        }

        var ids = new List<string?>();
        var error = await Assert.ThrowsAsync<EsApiException>(async () =>
        {
            await foreach (var page in client.PagesAsync<AllowPolicy>(
                ApiCatalog.CollectionOf<AllowPolicy>().List.Request(), 2, CancellationToken.None))
            {
                ids.AddRange(page.Items.Select(p => p.Id));
            }
        });

        Assert.Equal(new[] { "a", "b" }, ids);
        Assert.Equal(EsFailureKind.PagingLoop, error.Kind);
        Assert.Equal(2, network.Requests.Count);
    }

    [Fact]
    public async Task Empty_pages_are_not_taken_for_repeats()
    {
        network.Answer(200, ScriptedNetwork.Envelope("[]", "{\"next\":\"c2\"}"));
        network.Answer(200, ScriptedNetwork.Envelope("[]", "{\"next\":\"c3\"}"));
        network.Answer(200, ScriptedNetwork.Envelope("[{\"id\":\"m\"}]", "{\"next\":null}"));

        var ids = new List<string>();
        await foreach (var page in client.PagesAsync<Message>(ApiCatalog.Investigate.List.Request(), 10,
            CancellationToken.None))
        {
            ids.AddRange(page.Items.Select(m => m.Id));
        }

        Assert.Equal(new[] { "m" }, ids);
        Assert.Empty(observer.Warnings);
    }
}
