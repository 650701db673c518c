namespace EmailSecurity.Tests.Infrastructure;

/// <summary>The API versions the emulator plays (tools/EsEmulator/README.md, "API versions").</summary>
public static class ApiVersionNames
{
    /// <summary>
    /// The API of the seed reference, 37 operations: what the module was built on. The emulator's default.
    /// </summary>
    public const string Seed = "seed";

    /// <summary>
    /// The API as Cloudflare's TypeScript SDK 7.3.0 (October 2026) models it: 66 operations, changed shapes.
    /// </summary>
    public const string V2026_10 = "2026-10";

    public static readonly string[] All = { Seed, V2026_10 };
}
