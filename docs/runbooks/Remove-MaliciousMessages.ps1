#Requires -Modules EmailSecurity
<#
.SYNOPSIS
    Azure Automation runbook: finds the messages Email Security judged malicious in the last hours and moves them
    out of every mailbox, then writes a summary.
.DESCRIPTION
    Runs unattended: no prompt (-Confirm:$false) and no host-dependent output: the summary is the runbook's output
    and each failure a warning record, both of which the Automation job log keeps. Warnings are written with
    $PSCmdlet.WriteWarning so the runbook needs nothing beyond the PowerShell engine's core. Connects with an Automation credential asset whose
    user name is the Cloudflare account id and whose password is an API token with Email Security permissions.
.PARAMETER CredentialName
    The name of the Automation credential asset. Used when -Credential is not given.
.PARAMETER Credential
    The credential itself, for running the runbook outside Azure Automation.
.PARAMETER Hours
    How far back to look. Default: 24.
.PARAMETER Destination
    Where the messages go. Default: DeletedItems.
.PARAMETER BaseUri
    The API endpoint. Leave the default for Cloudflare; tests point it at the emulator.
#>
[CmdletBinding()]
param(
    [string] $CredentialName = 'CloudflareEmailSecurity',

    [System.Management.Automation.PSCredential] $Credential,

    [ValidateRange(1, 720)]
    [int] $Hours = 24,

    [ValidateSet('JunkEmail', 'DeletedItems', 'RecoverableItemsDeletions', 'RecoverableItemsPurges')]
    [string] $Destination = 'DeletedItems',

    [uri] $BaseUri = 'https://api.cloudflare.com/client/v4'
)

$ErrorActionPreference = 'Stop'

if (-not $Credential) {
    $Credential = Get-AutomationPSCredential -Name $CredentialName
}

Connect-EsAccount -Credential $Credential -BaseUri $BaseUri

$since = [datetime]::UtcNow.AddHours(-$Hours)
$found = 0
$moveErrors = @()
$results = Get-EsMessage -Disposition MALICIOUS -Start $since |
    ForEach-Object { $found++; $_ } |
    Move-EsMessage -Destination $Destination -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable +moveErrors

$moved = @($results | Where-Object Success)
$movedIds = [System.Collections.Generic.HashSet[string]]::new()
$moved | ForEach-Object { [void] $movedIds.Add($_.InvestigateId) }

foreach ($failure in $moveErrors) {
    $PSCmdlet.WriteWarning("Not moved: $($failure.TargetObject): $($failure.Exception.Message)")
}

Disconnect-EsAccount

[pscustomobject]@{
    Since            = $since
    MessagesFound    = $found
    MessagesMoved    = $movedIds.Count
    MailboxesCleaned = $moved.Count
    Destination      = $Destination
    Failures         = $moveErrors.Count
}
