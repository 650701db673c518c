using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace EmailSecurity
{
    /// <summary>
    /// The current connection of each runspace. Keyed by runspace, not static, so parallel runspaces
    /// (ForEach-Object -Parallel, runbook jobs, hosted pools) each keep their own account and secret.
    /// </summary>
    internal static class EsSession
    {
        private static readonly ConditionalWeakTable<Runspace, StrongBox<EsConnection?>> Connections =
            new ConditionalWeakTable<Runspace, StrongBox<EsConnection?>>();

        private static readonly StrongBox<EsConnection?> NoRunspace = new StrongBox<EsConnection?>();

        public static EsConnection? Current
        {
            get => Slot().Value;
            set => Slot().Value = value;
        }

        private static StrongBox<EsConnection?> Slot()
        {
            var runspace = Runspace.DefaultRunspace;
            return runspace == null ? NoRunspace : Connections.GetValue(runspace, _ => new StrongBox<EsConnection?>());
        }
    }
}
