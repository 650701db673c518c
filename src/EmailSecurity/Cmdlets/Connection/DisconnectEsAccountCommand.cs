using System.Management.Automation;

namespace EmailSecurity.Cmdlets.Connection
{
    /// <summary>Forgets the session's connection and disposes of its secret.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "EsAccount")]
    [OutputType(typeof(void))]
    public sealed class DisconnectEsAccountCommand : EsCmdlet
    {
        protected override void EndProcessing()
        {
            var connection = EsSession.Current;
            if (connection == null)
            {
                WriteVerbose("Not connected; nothing to forget.");
                return;
            }

            connection.ForgetSecret();
            EsSession.Current = null;
            WriteVerbose($"Disconnected from account {connection.AccountId}.");
        }
    }
}
