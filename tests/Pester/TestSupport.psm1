# Helpers shared by the shell-level suite. Imported once per pwsh (without -Force), so the emulator it may start
# serves every file.

$script:RepoRoot = (Resolve-Path "$PSScriptRoot/../..").Path
$script:Emulator = $null

# The secret the suite connects with; tests look for it in transcripts and streams.
$script:Token = 'es-pester-secret-7Q2v9XkLm3Rw8Tz'

function Get-RepoRoot { $script:RepoRoot }

function Get-TestToken { $script:Token }

<#
.SYNOPSIS
    Puts out/ first on PSModulePath, so EmailSecurity (out/EmailSecurity) is found by name and autoloads in new
    runspaces (ForEach-Object -Parallel, thread jobs) as an installed module does.
#>
function Use-BuiltModule {
    $out = Join-Path $script:RepoRoot 'out'
    if (-not (Test-Path (Join-Path $out 'EmailSecurity/EmailSecurity.psd1'))) {
        throw "The module is not built: run 'dotnet build EsPowerShell.sln' first."
    }
    $separator = [IO.Path]::PathSeparator
    if (($env:PSModulePath -split $separator) -notcontains $out) {
        $env:PSModulePath = $out + $separator + $env:PSModulePath
    }
}

<#
.SYNOPSIS
    The emulator's addresses: the one `dotnet test` runs (ES_TEST_EMULATOR), else one started for this pwsh,
    which stops when pwsh exits (it stops when its stdin closes).
#>
function Get-TestEmulator {
    if (-not $script:Emulator) {
        $root = $env:ES_TEST_EMULATOR
        if (-not $root) {
            $dll = Join-Path $script:RepoRoot 'tools/EsEmulator/bin/Debug/net10.0/EsEmulator.dll'
            if (-not (Test-Path $dll)) { throw "The emulator is not built: $dll" }
            $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
            foreach ($argument in $dll, '--urls', 'http://127.0.0.1:0') { $start.ArgumentList.Add($argument) }
            $start.RedirectStandardOutput = $true
            $start.RedirectStandardInput = $true
            $process = [System.Diagnostics.Process]::Start($start)
            while (($line = $process.StandardOutput.ReadLine()) -ne $null -and -not $line.StartsWith('EMULATOR_LISTENING ')) { }
            if (-not $line) { throw 'The emulator stopped before it was listening.' }
            $root = $line.Substring('EMULATOR_LISTENING '.Length).Trim()
            $script:EmulatorProcess = $process
        }
        $root = $root.TrimEnd('/')
        $script:Emulator = [pscustomobject]@{ ApiBaseUri = "$root/client/v4"; ControlUri = "$root/_emulator" }
    }
    $script:Emulator
}

<#
.SYNOPSIS
    Connects to a new emulator account (its own data, 60 messages) with the suite's token and returns the connection,
    which becomes the session's connection as with any Connect-EsAccount.
#>
function Connect-TestAccount {
    [CmdletBinding()]
    param()
    $emulator = Get-TestEmulator
    $token = ConvertTo-SecureString -String $script:Token -AsPlainText -Force
    Connect-EsAccount -AccountId ([guid]::NewGuid().ToString('N')) -ApiToken $token -BaseUri $emulator.ApiBaseUri -PassThru
}

<#
.SYNOPSIS
    The API requests the emulator recorded for an account, in arrival order.
#>
function Get-TestRequest {
    param([Parameter(Mandatory)] [string] $AccountId)
    # Invoke-RestMethod writes a JSON array as one object; ForEach-Object writes its items.
    Invoke-RestMethod -Uri "$((Get-TestEmulator).ControlUri)/accounts/$AccountId/requests" | ForEach-Object { $_ }
}

<#
.SYNOPSIS
    The command line that starts another pwsh like this one: the dotnet tool runs as `dotnet pwsh.dll`.
#>
function Get-PwshCommand {
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { @($process, (Join-Path $PSHOME 'pwsh.dll')) } else { @($process) }
}

<#
.SYNOPSIS
    The module's output types (every EmailSecurity type a cmdlet declares with OutputType), by full name.
#>
function Get-EsOutputType {
    Get-Command -Module EmailSecurity | ForEach-Object OutputType | ForEach-Object Name |
        Where-Object { $_ -like 'EmailSecurity.*' } | Sort-Object -Unique
}

Export-ModuleMember -Function *
