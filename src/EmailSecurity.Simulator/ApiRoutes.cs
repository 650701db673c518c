using EmailSecurity.Simulator.Core;
using EmailSecurity.Simulator.Investigate;
using EmailSecurity.Simulator.PhishGuard;
using EmailSecurity.Simulator.Settings;
using EmailSecurity.Simulator.Submissions;

namespace EmailSecurity.Simulator
{
    /// <summary>All 37 endpoints below /accounts/{account_id}/email-security.</summary>
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
