# Every output type of the module through the Utility cmdlets admins pipe it to: ConvertTo-Json, Export-Csv and
# Format-Table at 80 and 120 columns.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport.psm1"
    Use-BuiltModule
    Import-Module EmailSecurity
    $producers = & "$PSScriptRoot/OutputTypes.ps1"
    $types = foreach ($name in $producers.Keys | Sort-Object) { @{ TypeName = $name; Short = $name.Split('.')[-1] } }
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1"
    Use-BuiltModule
    Import-Module EmailSecurity
    $producers = & "$PSScriptRoot/OutputTypes.ps1"
    # The sandbox plays the 2026-10 API by default, which has every operation and every settings list.
    Connect-EsAccount -Sandbox

    # Real objects of a type, made once per type.
    $made = @{}
    function Get-Sample([string] $TypeName) {
        if (-not $made.ContainsKey($TypeName)) { $made[$TypeName] = @(& $producers[$TypeName]) }
        $made[$TypeName]
    }

    # The table view's column labels of a type, as the format data gives them.
    function Get-TableLabel([string] $TypeName) {
        $view = (Get-FormatData -TypeName $TypeName -PowerShellVersion $PSVersionTable.PSVersion).FormatViewDefinition |
            Where-Object { $_.Control -is [System.Management.Automation.TableControl] } | Select-Object -First 1
        $view.Control.Headers | ForEach-Object { $_.Label }
    }
}

AfterAll {
    Disconnect-EsAccount
}

Describe 'The output types' {
    It 'each have a sample here, and nothing else does' {
        @($producers.Keys | Sort-Object) | Should -Be @(Get-EsOutputType)
    }
}

Describe '<Short>' -ForEach $types {
    BeforeAll {
        $objects = Get-Sample $TypeName
    }

    It 'is made by its sample command' {
        $objects.Count | Should -BeGreaterThan 0
        $objects | ForEach-Object { $_.GetType().FullName | Should -Be $TypeName }
    }

    It 'goes through ConvertTo-Json -Depth 10 and back with every property, lists as JSON arrays' {
        $back = @($objects | ConvertTo-Json -Depth 10 | ConvertFrom-Json)
        $back.Count | Should -Be $objects.Count
        # Differences collected and asserted once: a Should per property costs more than the conversion.
        $differences = for ($i = 0; $i -lt $objects.Count; $i++) {
            foreach ($property in $objects[$i].PSObject.Properties) {
                $value = $property.Value
                $json = $back[$i].PSObject.Properties[$property.Name]
                if (-not $json) { "$($property.Name) is missing"; continue }
                $same = if ($value -is [string] -or $value -is [bool] -or $value -is [int] -or $value -is [long]) { $json.Value -eq $value }
                elseif ($value -is [System.Collections.IList]) { $json.Value -is [array] -and @($json.Value).Count -eq $value.Count }
                elseif ($value -is [datetimeoffset]) { [datetimeoffset] $json.Value -eq $value }
                else { $true }
                if (-not $same) { "$($property.Name): '$value' came back as '$($json.Value)'" }
            }
        }
        $differences | Should -BeNullOrEmpty
    }

    It 'writes one CSV row per object with a column per property' {
        $path = Join-Path $TestDrive "$Short.csv"
        $objects | Export-Csv -Path $path
        $rows = @(Import-Csv -Path $path)
        $rows.Count | Should -Be $objects.Count
        $rows[0].PSObject.Properties.Name | Should -Be $objects[0].PSObject.Properties.Name
        $identity = @('Id', 'InvestigateId', 'AccountId') | Where-Object { $objects[0].PSObject.Properties[$_] } | Select-Object -First 1
        if ($identity) { $rows.$identity | Should -Be $objects.$identity }
    }

    It 'exports every property readably: lists as their items joined with "; ", objects as their text, no type name' {
        $path = Join-Path $TestDrive "$Short-flat.csv"
        $objects | Export-Csv -Path $path
        $rows = @(Import-Csv -Path $path)
        $unreadable = for ($i = 0; $i -lt $objects.Count; $i++) {
            foreach ($property in $objects[$i].PSObject.Properties | Where-Object { $null -ne $_.Value }) {
                $value = $property.Value
                $cell = $rows[$i].($property.Name)
                if ($cell -match '^(System|EmailSecurity)\.[\w.`+]+(\[.*\])?$') {
                    "$($property.Name) is '$cell'"
                }
                elseif ($value -is [System.Collections.IList] -and $cell -ne (@($value | ForEach-Object { "$_" }) -join '; ')) {
                    "$($property.Name) is '$cell', not its items joined with '; '"
                }
            }
        }
        $unreadable | Should -BeNullOrEmpty
    }

    It 'keeps its lists lists: -contains, indexing and Count work on them' {
        $properties = @($objects | ForEach-Object { $_.PSObject.Properties } |
            Where-Object { $_.Value -is [System.Collections.IList] -and $_.Value.Count -gt 0 })
        foreach ($property in $properties) {
            $list = $property.Value
            $list -contains $list[-1] | Should -BeTrue -Because $property.Name
            @($list).Count | Should -Be $list.Count -Because $property.Name
        }
    }

    It 'shows every column of its table view whole at 120 columns' {
        $labels = @(Get-TableLabel $TypeName)
        $labels.Count | Should -BeGreaterThan 0
        $lines = @($objects | Format-Table | Out-String -Width 120 -Stream | Where-Object { $_.Trim() })
        $header = $lines | Where-Object { $_ -match "^\s*$([regex]::Escape($labels[0]))\b" } | Select-Object -First 1
        $header | Should -Not -BeNullOrEmpty
        ($header -split '\s+' | Where-Object { $_ }) | Should -Be $labels
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
    }

    It 'starts with the first column of its table view at 80 columns' {
        $first = @(Get-TableLabel $TypeName)[0]
        $text = $objects | Format-Table | Out-String -Width 80
        $text | Should -Match "(?m)^\s*$([regex]::Escape($first))(\s|$)"
    }
}
