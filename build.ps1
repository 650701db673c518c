#requires -Version 7.0
<#
.SYNOPSIS
    Builds, tests or packages the EmailSecurity module. A thin wrapper over dotnet: the same commands work without pwsh.
.EXAMPLE
    ./build.ps1                 # dotnet build EsPowerShell.sln  -> out/EmailSecurity
.EXAMPLE
    ./build.ps1 -Task Test      # dotnet test EsPowerShell.sln
.EXAMPLE
    ./build.ps1 -Task Package   # out/package/EmailSecurity/<version> and EmailSecurity-<version>.zip
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

switch ($Task) {
    'Build'   { Invoke-Dotnet build EsPowerShell.sln -c $Configuration }
    'Test'    { Invoke-Dotnet test EsPowerShell.sln -c $Configuration }
    'Package' { Invoke-Dotnet build src/EmailSecurity/EmailSecurity.csproj -c $Configuration -t:PackageModule }
}
