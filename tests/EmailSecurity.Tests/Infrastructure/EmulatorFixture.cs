using System.Collections.Concurrent;
using System.Reflection;
using EmailSecurity.Tests.Emulator;
using EsEmulator.Launcher;
using Xunit;

namespace EmailSecurity.Tests.Infrastructure;

[CollectionDefinition("Emulator")]
public class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
}

/// <summary>
/// The emulator (tools/EsEmulator) in a child process, started once per test run and shared by every collection and
/// class that uses this fixture. Tests isolate themselves by taking their own account from <see cref="NewAccount"/>.
/// </summary>
public sealed class EmulatorFixture : IDisposable
{
    private static readonly string EmulatorDll =
        typeof(EmulatorFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "EmulatorDll").Value ?? "";

    private static readonly Lazy<RunningEmulator> Shared = new(
        () => RunningEmulator.Start(EmulatorDll, TimeSpan.FromSeconds(30)),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public EmulatorFixture()
    {
        ApiBaseUri = Shared.Value.ApiBaseUri;
        ControlUri = Shared.Value.ControlUri;
    }

    /// <summary>http://127.0.0.1:port/client/v4</summary>
    public Uri ApiBaseUri { get; }

    /// <summary>http://127.0.0.1:port/_emulator/</summary>
    public Uri ControlUri { get; }

    /// <summary>
    /// A fresh account (32 lowercase hex characters) whose data has been generated from <paramref name="seed"/>,
    /// playing
    /// <paramref name="apiVersion"/> (<see cref="ApiVersionNames"/>; the emulator's default, the seed API, when null).
    /// </summary>
    public EmulatorAccount NewAccount(int messages = 60, int seed = 1, string? apiVersion = null)
    {
        var account = new EmulatorAccount(Guid.NewGuid().ToString("N"), ControlUri);
        account.Reset(messages, seed, apiVersion: apiVersion);
        return account;
    }

    private static readonly ConcurrentDictionary<string, string> VersionsServing = new(StringComparer.Ordinal);

    /// <summary>
    /// The oldest API version (<see cref="ApiVersionNames.All"/>) whose emulator serves <paramref name="route"/>, such
    /// as a settings list's: the seed API for the lists the module was built on, 2026-10 for those it added. A test of
    /// a list runs on an account of that version, so a new list needs no row saying where it exists.
    /// </summary>
    public string FirstVersionServing(string route) => VersionsServing.GetOrAdd(route, _ =>
        ApiVersionNames.All.FirstOrDefault(version =>
            new AccountApi(this, NewAccount(messages: 1, apiVersion: version)).Get(route + "?per_page=1").GetAwaiter()
                .GetResult().Status == 200)
        ?? throw new InvalidOperationException($"No API version of the emulator serves {route}."));

    private static readonly ConcurrentDictionary<string, string> VersionsServingOperation = new(StringComparer.Ordinal);

    /// <summary>
    /// The oldest API version whose emulator serves <paramref name="operation"/>: its method on its route (each
    /// placeholder a made-up id, a body of {} for a change) is answered as anything but an unknown route. The account
    /// asked is a throwaway one, so a change the probe makes touches nothing.
    /// </summary>
    internal string FirstVersionServing(EmailSecurity.Client.ApiOperation operation) =>
        VersionsServingOperation.GetOrAdd(operation.Name, _ =>
        ApiVersionNames.All.FirstOrDefault(version =>
        {
            var path = string.Join("/", operation.Route.Split('/').Select(s => s.StartsWith('{') ? "probe-id" : s));
            var method = operation.Method;
            var body = method == HttpMethod.Get || method == HttpMethod.Delete ? null : "{}";
            var answer = new AccountApi(this, NewAccount(messages: 1, apiVersion: version)).Send(method, path, body)
                .GetAwaiter().GetResult();
            return answer.Status != 405 && !(answer.Status == 404 && answer.ErrorCode == UnknownRouteCode);
        })
        ?? throw new InvalidOperationException($"No API version of the emulator serves {operation}."));

    /// <summary>
    /// The error code of the emulator's answer to a method and path no route of the account's version has.
    /// </summary>
    public const int UnknownRouteCode = 7003;

    /// <summary>
    /// Nothing to do: the process outlives every fixture instance and is killed when the test run exits.
    /// </summary>
    public void Dispose()
    {
    }

    /// <summary>
    /// Another emulator process, started with <paramref name="arguments"/> after --urls (e.g. "--api-version",
    /// "2026-10"), for tests of the command line; killed on dispose. The shared one is for everything else.
    /// </summary>
    internal static RunningEmulator StartSeparate(params string[] arguments) =>
        RunningEmulator.Start(EmulatorDll, TimeSpan.FromSeconds(30), arguments);
}
