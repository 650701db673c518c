using EmailSecurity.Tests.Infrastructure;
using Xunit;

namespace EmailSecurity.Tests.Emulator;

/// <summary>
/// All 66 operations: each answers in the versions that have it, and the 29 new ones are unknown routes in the seed
/// API.
/// </summary>
[Collection("Emulator")]
public sealed class OperationCatalogTests
{
    private readonly EmulatorFixture emulator;

    public OperationCatalogTests(EmulatorFixture emulator) => this.emulator = emulator;

    public static TheoryData<string, string> Calls()
    {
        var data = new TheoryData<string, string>();
        foreach (ApiOperations.Operation operation in ApiOperations.All)
        {
            if (operation.InSeed)
            {
                data.Add(operation.Name, ApiVersionNames.Seed);
            }
            data.Add(operation.Name, ApiVersionNames.V2026_10);
        }
        return data;
    }

    public static TheoryData<string> NewOperations() =>
        new(ApiOperations.All.Where(o => !o.InSeed).Select(o => o.Name));

    [Fact]
    public void There_are_66_operations_37_of_them_in_the_seed_API()
    {
        Assert.Equal(66, ApiOperations.All.Count);
        Assert.Equal(66, ApiOperations.All.Select(o => o.Method + " " + o.Path).Distinct().Count());
        Assert.Equal(37, ApiOperations.All.Count(o => o.InSeed));
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task An_operation_succeeds_in_each_version_that_has_it(string name, string version)
    {
        var api = new AccountApi(emulator, emulator.NewAccount(messages: 200, apiVersion: version));

        ApiResult answer = await ApiOperations.Named(name).Call(api, version);

        answer.ShouldSucceed();
    }

    [Theory]
    [MemberData(nameof(NewOperations))]
    public async Task An_operation_the_seed_API_lacks_is_an_unknown_route_there_and_changes_nothing(string name)
    {
        var api = new AccountApi(emulator, emulator.NewAccount(apiVersion: ApiVersionNames.Seed));
        ApiOperations.Operation operation = ApiOperations.Named(name);
        string path = operation.Path.Replace("{id}",
            (await api.Get("/settings/domains")).Result[0].GetProperty("id").GetString())
            .Replace("{job_id}", Guid.NewGuid().ToString());
        string? body = operation.Method is "POST" or "PUT" or "PATCH" ? ApiOperations.EmptyBatch() : null;
        string before = await api.Snapshot();

        ApiResult answer = await api.Send(new HttpMethod(operation.Method), path, body);

        Assert.Equal(404, answer.Status);
        Assert.Equal(7003, answer.ErrorCode);
        Assert.Equal(before, await api.Snapshot());
    }
}
