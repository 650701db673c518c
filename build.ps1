#requires -Version 7.0
<#
.SYNOPSIS
    Builds, tests or packages the EmailSecurity module. A thin wrapper over dotnet: the same commands work without pwsh.
.EXAMPLE
    ./build.ps1                 # dotnet build $solution  -> out/EmailSecurity
.EXAMPLE
    ./build.ps1 -Task Test      # dotnet test $solution
.EXAMPLE
    ./build.ps1 -Task Package   # out/package/EmailSecurity/<version> and EmailSecurity-<version>.zip
.EXAMPLE
    ./build.ps1 -Task Package -ProjectUri https://... -LicenseUri https://...   # the same, with the gallery links in the packaged manifest
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

    # Gallery links stamped into the packaged manifest (PrivateData.PSData); the source manifest does not carry them.
    [string] $ProjectUri,
    [string] $LicenseUri
)

$ErrorActionPreference = 'Stop'
# Paths from the script's folder, so it runs from anywhere and leaves the caller's location alone.
$solution = "$PSScriptRoot/EsPowerShell.sln"
$moduleProject = "$PSScriptRoot/src/EmailSecurity/EmailSecurity.csproj"

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

switch ($Task) {
    'Build'   { Invoke-Dotnet build $solution -c $Configuration }
    'Test'    { Invoke-Dotnet test $solution -c $Configuration }
    'Package' {
        $galleryLinks = @()
        if ($ProjectUri) { $galleryLinks += "-p:ModuleProjectUri=$ProjectUri" }
        if ($LicenseUri) { $galleryLinks += "-p:ModuleLicenseUri=$LicenseUri" }
        # Quoted: unquoted, PowerShell would read -t: as a parameter name and pass PackageModule as a separate argument.
        Invoke-Dotnet build $moduleProject -c $Configuration '-t:PackageModule' @galleryLinks
    }
}
