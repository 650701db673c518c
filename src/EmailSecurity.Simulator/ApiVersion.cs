using System;
using System.Collections.Generic;
using System.Linq;

namespace EmailSecurity.Simulator
{
    /// <summary>Which Email Security API the simulator plays. Later versions compare greater.</summary>
    public enum ApiVersion
    {
        /// <summary>
        /// "seed": the API as the seed reference (email-security-api.md, 37 operations) describes it.
        /// </summary>
        Seed = 0,

        /// <summary>
        /// "2026-10": the API as Cloudflare's TypeScript SDK 7.3.0 (October 2026) models it, 66 operations.
        /// </summary>
        V2026_10 = 1,
    }

    /// <summary>
    /// The names of <see cref="ApiVersion"/> values as the emulator's control API and options spell them.
    /// </summary>
    public static class ApiVersions
    {
        private static readonly Dictionary<ApiVersion, string> NamesByVersion = new Dictionary<ApiVersion, string>
        {
            [ApiVersion.Seed] = "seed",
            [ApiVersion.V2026_10] = "2026-10",
        };

        /// <summary>"seed", "2026-10".</summary>
        public static IReadOnlyList<string> Names { get; } = NamesByVersion.Values.ToList();

        public static string Name(ApiVersion version) => NamesByVersion[version];

        /// <summary>Exact names only; null for anything else.</summary>
        public static ApiVersion? Parse(string? name)
        {
            foreach (KeyValuePair<ApiVersion, string> pair in NamesByVersion)
            {
                if (string.Equals(pair.Value, name, StringComparison.Ordinal))
                {
                    return pair.Key;
                }
            }
            return null;
        }
    }
}
