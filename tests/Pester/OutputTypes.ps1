# For each output type of the module (see Get-EsOutputType), a command that makes a few real objects of it in a
# sandbox session. OutputTypes.Tests.ps1 checks that this list and the cmdlets' OutputType agree.
@{
    'EmailSecurity.EsConnection'                        = { Get-EsConnection }
    'EmailSecurity.Models.Message'                      = { Get-EsMessage -First 5 }
    'EmailSecurity.Models.MessageDetection'             = { Get-EsMessage -Disposition MALICIOUS -First 2 | Get-EsMessageDetection }
    'EmailSecurity.Models.MessagePreview'               = { Get-EsMessage -Disposition MALICIOUS -First 2 | Get-EsMessagePreview }
    'EmailSecurity.Models.MessageRaw'                   = { Get-EsMessage -First 2 | Get-EsMessageRaw }
    'EmailSecurity.Models.MessageTrace'                 = { Get-EsMessage -First 2 | Get-EsMessageTrace }
    'EmailSecurity.Models.MessageMoveResult'            = { Get-EsMessage -First 2 | Move-EsMessage -Destination JunkEmail -Confirm:$false }
    'EmailSecurity.Models.ReleaseResult'                = { Get-EsMessage | Where-Object IsQuarantined | Select-Object -First 2 | Unblock-EsMessage -Confirm:$false }
    'EmailSecurity.Models.ReclassificationRequest'      = { Get-EsMessage -First 2 | Submit-EsReclassification -ExpectedDisposition MALICIOUS -PassThru -Confirm:$false }
    'EmailSecurity.Models.Submission'                   = { Get-EsSubmission -First 5 }
    'EmailSecurity.Models.PhishGuardReport'             = { Get-EsPhishGuardReport }
    'EmailSecurity.Models.AllowPolicy'                  = { Get-EsAllowPolicy }
    'EmailSecurity.Models.BlockedSender'                = { Get-EsBlockedSender }
    'EmailSecurity.Models.EmailDomain'                  = { Get-EsDomain }
    'EmailSecurity.Models.ImpersonationRegistryEntry'   = { Get-EsImpersonationRegistryEntry }
    'EmailSecurity.Models.TrustedDomain'                = { Get-EsTrustedDomain }
}
