namespace EmailSecurity.Tests.Infrastructure;

/// <summary>
/// The environment variables Connect-EsAccount reads, set for the length of one test. They are process-wide: only
/// tests of the "Environment" collection (which runs alone) may use this.
/// </summary>
public static class EnvironmentVariables
{
    private static readonly string[] Cloudflare =
        { "CLOUDFLARE_API_TOKEN", "CLOUDFLARE_API_KEY", "CLOUDFLARE_EMAIL", "CLOUDFLARE_ACCOUNT_ID",
            "CLOUDFLARE_BASE_URL" };

    /// <summary>
    /// Runs <paramref name="test"/> with exactly these CLOUDFLARE_* variables set, then restores them all.
    /// </summary>
    public static void With(Dictionary<string, string> values, Action test)
    {
        var saved = Cloudflare.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var name in Cloudflare)
            {
                Environment.SetEnvironmentVariable(name, values.TryGetValue(name, out var value) ? value : null);
            }

            test();
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
