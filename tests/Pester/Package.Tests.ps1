# build.ps1 run for real in this pwsh, and the package installed the way admins install modules: published to a
# PSResourceGet repository (a folder), installed from it by name, imported by name.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1"
    # The version lives in Directory.Build.props; the source manifest holds none (the build writes it).
    $version = ([xml](Get-Content -Raw (Join-Path (Get-RepoRoot) 'Directory.Build.props'))).Project.PropertyGroup.Version |
        Where-Object { $_ } | Select-Object -First 1
    $drop = Join-Path $TestDrive 'package'

    # A Release build in its own folders (bin/Release, out/Release), so it touches nothing the running tests load.
    $env:MSBUILDDISABLENODEREUSE = '1'
    try {
        & (Join-Path (Get-RepoRoot) 'build.ps1') -Task Package -OutputPath $drop *>&1 | Out-String | Set-Variable buildLog
    }
    finally {
        Remove-Item Env:MSBUILDDISABLENODEREUSE
    }
}

Describe 'build.ps1 -Task Package' {
    It 'builds Release and writes the versioned module folder and EmailSecurity.zip' {
        $buildLog | Should -Match 'Packaged EmailSecurity .* \(Release\)'
        Join-Path $drop "EmailSecurity/$version/EmailSecurity.psd1" | Should -Exist
        Join-Path $drop "EmailSecurity/$version/LICENSE" | Should -Exist
        Join-Path $drop 'EmailSecurity.zip' | Should -Exist
    }

    It 'zips the EmailSecurity folder, named as Azure Automation wants: zip, folder and manifest alike' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead((Join-Path $drop 'EmailSecurity.zip'))
        try { $entries = $zip.Entries.FullName -replace '\\', '/' } finally { $zip.Dispose() }
        $entries | Should -Contain 'EmailSecurity/EmailSecurity.psd1'
        $entries | Should -Contain 'EmailSecurity/LICENSE'
        $entries | ForEach-Object { $_ | Should -BeLike 'EmailSecurity/*' }
    }
}

# On Windows the current-user module folder is Documents\PowerShell\Modules, which no environment variable moves.
Describe 'Publish-PSResource, Install-PSResource and Import-Module by name' -Skip:$IsWindows {
    It 'installs the package from a folder repository in a fresh pwsh and imports it by name' {
        $userHome = Join-Path $TestDrive 'home'
        $repository = Join-Path $TestDrive 'repository'
        # .NET gives no user data folder (and PSResourceGet then writes beside the working directory) unless it exists.
        New-Item -ItemType Directory -Path "$userHome/.local/share", "$userHome/.config", "$userHome/.cache", $repository | Out-Null
        $install = {
            param($Repository, $ModuleFolder)
            $ErrorActionPreference = 'Stop'
            Register-PSResourceRepository -Name LocalModules -Uri $Repository -Trusted
            Publish-PSResource -Path $ModuleFolder -Repository LocalModules
            Install-PSResource -Name EmailSecurity -Repository LocalModules
            Import-Module EmailSecurity
            Connect-EsAccount -Sandbox
            [pscustomobject]@{
                ModuleBase = (Get-Module EmailSecurity).ModuleBase
                Messages   = @(Get-EsMessage -First 2).Count
                Published  = @(Get-ChildItem -Path $Repository -Name)
            }
        }

        # The child pwsh keeps its user folders (repository registrations, installed modules) under $userHome, and
        # finds modules only where a fresh pwsh looks.
        $saved = @{}
        $childEnvironment = @{
            HOME = $userHome; XDG_DATA_HOME = "$userHome/.local/share"; XDG_CONFIG_HOME = "$userHome/.config"
            XDG_CACHE_HOME = "$userHome/.cache"; PSModulePath = $null
        }
        foreach ($name in $childEnvironment.Keys) {
            $saved[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $childEnvironment[$name])
        }
        Push-Location -Path $TestDrive
        try {
            $pwsh = @(Get-PwshCommand)
            $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $install -args $repository, (Join-Path $drop "EmailSecurity/$version") 2>&1
        }
        finally {
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
            Pop-Location
        }

        $LASTEXITCODE | Should -Be 0 -Because ($output | Out-String)
        $result = $output | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] }
        $result.Published | Should -Be "EmailSecurity.$version.nupkg"
        Join-Path $userHome '.local/share/PSResourceGet/PSResourceRepository.xml' | Should -Exist
        $result.ModuleBase | Should -Be (Join-Path $userHome ".local/share/powershell/Modules/EmailSecurity/$version")
        $result.Messages | Should -Be 2
    }
}
