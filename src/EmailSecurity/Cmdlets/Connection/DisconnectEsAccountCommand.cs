using System.Management.Automation;

namespace EmailSecurity.Cmdlets.Connection
{
    /// <summary>Forgets the session's connection (or the ones given) and disposes of its secret.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "EsAccount")]
    [OutputType(typeof(void))]
    public sealed class DisconnectEsAccountCommand : EsCmdlet
    {
        /// <summary>Connections kept from Connect-EsAccount -PassThru; the session's connection when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public EsConnection[]? Connection { get; set; }

        protected override void ProcessRecord()
        {
            if (Connection != null)
            {
                foreach (var connection in Connection)
                {
                    Forget(connection);
                }
            }
        }

        protected override void EndProcessing()
        {
            if (IsBound(nameof(Connection)) || MyInvocation.ExpectingInput)
            {
                return;
            }

            if (EsSession.Current == null)
            {
                WriteVerbose("Not connected; nothing to forget.");
                return;
            }

            Forget(EsSession.Current);
        }

        private void Forget(EsConnection connection)
        {
            connection.ForgetSecret();
            if (ReferenceEquals(connection, EsSession.Current))
            {
                EsSession.Current = null;
            }

            WriteVerbose($"Disconnected from account {connection.AccountId}.");
        }
    }
}
