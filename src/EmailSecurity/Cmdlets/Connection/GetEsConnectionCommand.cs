using System.Management.Automation;

namespace EmailSecurity.Cmdlets.Connection
{
    /// <summary>The session's current connection: account, base URI and kind of credential, never the secret.</summary>
    [Cmdlet(VerbsCommon.Get, "EsConnection")]
    [OutputType(typeof(EsConnection))]
    public sealed class GetEsConnectionCommand : EsCmdlet
    {
        protected override void EndProcessing()
        {
            var connection = EsSession.Current;
            if (connection == null)
            {
                WriteError(ErrorRecords.NotConnected());
                return;
            }

            WriteObject(connection);
        }
    }
}
