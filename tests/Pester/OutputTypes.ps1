# For each output type of the module (see Get-EsOutputType), a command that makes a few real objects of it in a
# sandbox session (the 2026-10 API, which has every list): these, and each settings list's Get cmdlet, found from the
# cmdlet types. OutputTypes.Tests.ps1 checks that this list and the cmdlets' OutputType agree.
$producers = @{
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
    'EmailSecurity.Models.BulkAction'                   = { Start-EsBulkAction Move -Destination JunkEmail -DetectionsOnly -Wait -Force }
    'EmailSecurity.Models.BulkActionMessage'            = {
        Start-EsBulkAction Move -Destination JunkEmail -DetectionsOnly -Wait -Force | Get-EsBulkActionMessage -First 5
    }
    'EmailSecurity.Models.SettingsSyncResult'           = {
        Get-EsTrustedDomain | ForEach-Object { $_.Comments = 'Synced'; $_ } | Sync-EsTrustedDomain -Force
    }
}
Get-Command -Module EmailSecurity -Verb Get | Where-Object { $_.ImplementingType.Namespace -eq 'EmailSecurity.Cmdlets.Settings' } |
    ForEach-Object { $producers[$_.OutputType[0].Name] = [scriptblock]::Create($_.Name) }
$producers
