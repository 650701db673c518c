# The source of the module's manifest. The build (tools/ManifestBuilder, run by src/EmailSecurity/EmailSecurity.csproj)
# writes out/EmailSecurity/EmailSecurity.psd1 from it with ModuleVersion, CmdletsToExport and AliasesToExport taken
# from the compiled module: its version (Directory.Build.props) and its [Cmdlet] classes and their [Alias] names.
# The values here stand in for them and keep this file a valid manifest; nothing needs adding when a cmdlet is added.
@{
    RootModule           = 'EmailSecurity.dll'
    ModuleVersion        = '0.0.0'
    GUID                 = '5d3c8e1a-7b42-4f0e-9a61-2c8f0d4b7e19'
    Author               = 'EmailSecurity contributors'
    CompanyName          = 'EmailSecurity contributors'
    Copyright            = '(c) EmailSecurity contributors.'
    Description          = 'Run Cloudflare Email Security from PowerShell: search messages across the tenant, move or release them in bulk, and keep allow and block lists and protected domains in order. Works interactively and in unattended runbooks (Azure Automation) on Windows PowerShell 5.1 and PowerShell 7.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    # Both written by the build from the view attributes of the module's types (tools/ViewBuilder).
    FormatsToProcess     = @('EmailSecurity.Format.ps1xml')
    TypesToProcess       = @('EmailSecurity.Types.ps1xml')
    CmdletsToExport      = '*'
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = '*'
    PrivateData          = @{
        PSData = @{
            Tags         = @('Cloudflare', 'EmailSecurity', 'Email', 'Security', 'Phishing', 'Exchange', 'M365', 'Office365', 'Quarantine', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ReleaseNotes = 'First release: every operation of the Email Security API as a cmdlet: message search, details, raw, preview, trace, bulk moves and releases, reclassification, submissions, PhishGuard reports, and allow/block lists, protected domains, impersonation registry and trusted domains; with an in-memory sandbox.'
        }
    }
}
