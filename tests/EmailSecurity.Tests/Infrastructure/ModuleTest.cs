using System.Security;

namespace EmailSecurity.Tests.Infrastructure;

/// <summary>
/// Base of the engine tests that run the module against the emulator: each test gets its own account (its own
/// data, faults and request log) and its own runspace, so tests run in parallel against one emulator process.
/// </summary>
public abstract class ModuleTest : IDisposable
{
    public const string Token = "es-test-token-7f3a9c2e51d84b06";

    private readonly List<EngineSession> sessions = new();

    protected ModuleTest(EmulatorFixture emulator)
    {
        Emulator = emulator;
    }

    protected EmulatorFixture Emulator { get; }

    /// <summary>
    /// A runspace with the module imported and connected to a fresh emulator account, playing
    /// <paramref name="apiVersion"/> (<see cref="ApiVersionNames"/>; the emulator's default when null).
    /// </summary>
    protected (EngineSession Session, EmulatorAccount Account) Connected(
        int messages = 60, int seed = 1, Action<EngineSessionOptions>? configure = null, string? apiVersion = null)
    {
        var account = Emulator.NewAccount(messages, seed, apiVersion);
        var session = NewSession(configure);
        session.SetVariable("EsTestToken", Secure(Token));
        session.Run($"Connect-EsAccount -AccountId '{account.Id}' -ApiToken $EsTestToken -BaseUri " +
            $"'{Emulator.ApiBaseUri}'").ShouldSucceed();
        return (session, account);
    }

    /// <summary>
    /// The same, on an account of the oldest API version that has the settings list (the one under test).
    /// </summary>
    protected (EngineSession Session, EmulatorAccount Account) Connected(
        SettingsNoun noun,
        int messages = 60,
        Action<EngineSessionOptions>? configure = null) =>
        Connected(messages, configure: configure, apiVersion: Emulator.FirstVersionServing(noun.Collection.Route));

    protected EngineSession NewSession(Action<EngineSessionOptions>? configure = null)
    {
        var session = EngineSession.Create(configure);
        sessions.Add(session);
        return session;
    }

    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }

    public void Dispose()
    {
        foreach (var session in sessions)
        {
            session.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
