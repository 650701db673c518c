@{
    RootModule           = 'EmailSecurity.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5d3c8e1a-7b42-4f0e-9a61-2c8f0d4b7e19'
    Author               = 'EmailSecurity contributors'
    CompanyName          = 'EmailSecurity contributors'
    Copyright            = '(c) EmailSecurity contributors.'
    Description          = 'Run Cloudflare Email Security from PowerShell: search messages across the tenant, move or release them in bulk, and keep allow and block lists and protected domains in order. Works interactively and in unattended runbooks (Azure Automation) on Windows PowerShell 5.1 and PowerShell 7.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('formats/EmailSecurity.Format.ps1xml', 'formats/Investigate.Format.ps1xml', 'formats/Settings.Format.ps1xml')
    CmdletsToExport      = @(
        'Connect-EsAccount'
        'Disconnect-EsAccount'
        'Get-EsConnection'
        'Get-EsMessage'
        'Move-EsMessage'
        'Get-EsMessageDetection'
        'Get-EsMessagePreview'
        'Get-EsMessageRaw'
        'Get-EsMessageTrace'
        'Submit-EsReclassification'
        'Unblock-EsMessage'
        'Get-EsSubmission'
        'Get-EsPhishGuardReport'
        'Get-EsBlockedSender'
        'New-EsBlockedSender'
        'Set-EsBlockedSender'
        'Remove-EsBlockedSender'
        'Get-EsAllowPolicy'
        'New-EsAllowPolicy'
        'Set-EsAllowPolicy'
        'Remove-EsAllowPolicy'
        'Get-EsDomain'
        'Set-EsDomain'
        'Remove-EsDomain'
        'Get-EsImpersonationRegistryEntry'
        'New-EsImpersonationRegistryEntry'
        'Set-EsImpersonationRegistryEntry'
        'Remove-EsImpersonationRegistryEntry'
        'Get-EsTrustedDomain'
        'New-EsTrustedDomain'
        'Set-EsTrustedDomain'
        'Remove-EsTrustedDomain'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @('Release-EsMessage')
    PrivateData          = @{
        PSData = @{
            Tags         = @('Cloudflare', 'EmailSecurity', 'Email', 'Security', 'Phishing', 'Exchange', 'M365', 'Office365', 'Quarantine', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ReleaseNotes = 'First release: every operation of the Email Security API as a cmdlet: message search, details, raw, preview, trace, bulk moves and releases, reclassification, submissions, PhishGuard reports, and allow/block lists, protected domains, impersonation registry and trusted domains; with an in-memory sandbox.'
        }
    }
}
