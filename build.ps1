#requires -Version 7.0
<#
.SYNOPSIS
    Builds, tests or packages the EmailSecurity module. A thin wrapper over dotnet: the same commands work without pwsh.
.EXAMPLE
    ./build.ps1                 # dotnet build $solution  -> out/EmailSecurity
.EXAMPLE
    ./build.ps1 -Task Test      # dotnet test $solution
.EXAMPLE
    ./build.ps1 -Task Package   # Release: out/package/EmailSecurity/<version> and out/package/EmailSecurity.zip
.EXAMPLE
    ./build.ps1 -Task Package -ProjectUri https://... -LicenseUri https://...   # the same, with the gallery links in the packaged manifest
.EXAMPLE
    ./build.ps1 -Task Package -OutputPath ./drop   # the package in ./drop instead of out/package
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package')]
    [string] $Task = 'Build',

    # Debug for Build and Test, Release for Package unless given.
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration,

    # Gallery links stamped into the packaged manifest (PrivateData.PSData); the source manifest does not carry them.
    [string] $ProjectUri,
    [string] $LicenseUri,

    # Package: the folder that receives EmailSecurity/<version> and EmailSecurity.zip (default out/package).
    [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
# Paths from the script's folder, so it runs from anywhere and leaves the caller's location alone.
$solution = "$PSScriptRoot/EsPowerShell.sln"
$moduleProject = "$PSScriptRoot/src/EmailSecurity/EmailSecurity.csproj"
if (-not $Configuration) { $Configuration = if ($Task -eq 'Package') { 'Release' } else { 'Debug' } }

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

switch ($Task) {
    'Build'   { Invoke-Dotnet build $solution -c $Configuration }
    'Test'    { Invoke-Dotnet test $solution -c $Configuration }
    'Package' {
        $packageProperties = @()
        if ($ProjectUri) { $packageProperties += "-p:ModuleProjectUri=$ProjectUri" }
        if ($LicenseUri) { $packageProperties += "-p:ModuleLicenseUri=$LicenseUri" }
        # MSBuild wants the folder with a trailing separator; relative paths are taken from the caller's location.
        if ($OutputPath) { $packageProperties += '-p:PackageRoot=' + [IO.Path]::TrimEndingDirectorySeparator($PSCmdlet.GetUnresolvedProviderPathFromPSPath($OutputPath)) + '/' }
        # Quoted: unquoted, PowerShell would read -t: as a parameter name and pass PackageModule as a separate argument.
        Invoke-Dotnet build $moduleProject -c $Configuration '-t:PackageModule' @packageProperties
    }
}
