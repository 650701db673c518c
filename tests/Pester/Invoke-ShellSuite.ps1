#requires -Version 7.4
<#
.SYNOPSIS
    Runs the shell-level Pester suite (tests/Pester/*.Tests.ps1) in this pwsh.
.DESCRIPTION
    `dotnet test EsPowerShell.sln` runs it in the pwsh pinned in .config/dotnet-tools.json (PesterSuiteTests), with
    the emulator the engine tests use. By hand, after a build (the emulator is started when none is given):

        dotnet tool restore
        dotnet pwsh tests/Pester/Invoke-ShellSuite.ps1

    The suite imports the built module by name from out/ (out/EmailSecurity), as an installed module is imported.
.PARAMETER ResultPath
    A JSON file that receives one row per test, and one per failure outside a test (File, Name, Result, Seconds, Error).
.PARAMETER PesterManifest
    Pester.psd1 to import. Default: the Pester version pinned in Directory.Packages.props, from the NuGet package folder.
.PARAMETER Path
    Test files or folders. Default: this folder.
#>
[CmdletBinding()]
param(
    [string] $ResultPath,
    [string] $PesterManifest,
    [string[]] $Path = $PSScriptRoot
)

$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'

if (-not $PesterManifest) {
    $props = [xml](Get-Content -Raw "$PSScriptRoot/../../Directory.Packages.props")
    $version = $props.Project.PropertyGroup.PesterVersion | Where-Object { $_ } | Select-Object -First 1
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $PesterManifest = Join-Path $packages "pester/$version/tools/Pester.psd1"
    if (-not (Test-Path $PesterManifest)) {
        throw "Pester $version is not in ${packages}: run 'dotnet build EsPowerShell.sln' (the test project downloads it) first."
    }
}
Import-Module $PesterManifest -Force

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
$result = Invoke-Pester -Configuration $configuration

if ($ResultPath) {
    $file = { param($item) if ($item -is [System.IO.FileInfo]) { $item.Name } else { "$item" } }
    $errors = { param($records) ($records | ForEach-Object { "$_`n$($_.ScriptStackTrace)".Trim() }) -join "`n" }
    $rows = @(
        foreach ($test in $result.Tests) {
            [pscustomobject]@{
                File    = & $file $test.Block.BlockContainer.Item
                Name    = $test.ExpandedPath
                Result  = "$($test.Result)"
                Seconds = [math]::Round($test.Duration.TotalSeconds, 3)
                Error   = & $errors $test.ErrorRecord
            }
        }
        # Failures outside any test: a BeforeAll or AfterAll that threw, a file that does not run.
        foreach ($block in $result.FailedBlocks) {
            [pscustomobject]@{ File = & $file $block.BlockContainer.Item; Name = "$($block.ExpandedPath) (setup)"; Result = 'Failed'; Seconds = 0; Error = & $errors $block.ErrorRecord }
        }
        foreach ($container in $result.FailedContainers) {
            [pscustomobject]@{ File = & $file $container.Item; Name = '(the file itself)'; Result = 'Failed'; Seconds = 0; Error = & $errors $container.ErrorRecord }
        }
    )
    ConvertTo-Json -InputObject $rows -Depth 3 | Set-Content -Path $ResultPath -Encoding utf8
}

exit ([int]($result.Result -ne 'Passed'))
