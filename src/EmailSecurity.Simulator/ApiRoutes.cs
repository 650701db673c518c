using EmailSecurity.Simulator.Core;
using EmailSecurity.Simulator.Investigate;
using EmailSecurity.Simulator.PhishGuard;
using EmailSecurity.Simulator.Settings;
using EmailSecurity.Simulator.Submissions;

namespace EmailSecurity.Simulator
{
    /// <summary>
    /// All 66 endpoints below /accounts/{account_id}/email-security: the seed's 37 in every version, the other 29
    /// from 2026-10 (see <see cref="ApiVersion"/>).
    /// </summary>
    internal static class ApiRoutes
    {
        public static Router Build()
        {
            var router = new Router();
            InvestigateEndpoints.Register(router);
            ReportsEndpoint.Register(router);
            SubmissionsEndpoint.Register(router);
            SettingsEndpoints.Register(router, SettingsCatalog.All);
            return router;
        }
    }
}
