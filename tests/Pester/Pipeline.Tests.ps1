# What admins type around the module's cmdlets: the Utility cmdlets on its objects, $PSDefaultParameterValues and
# Tab completion (TabExpansion2, what PSReadLine and editors call).

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1"
    Use-BuiltModule
    Import-Module EmailSecurity
    Connect-EsAccount -Sandbox
    $messages = @(Get-EsMessage)

    function Complete([string] $Script) {
        (TabExpansion2 -inputScript $Script -cursorColumn $Script.Length).CompletionMatches.CompletionText
    }
}

AfterAll {
    Disconnect-EsAccount
}

Describe 'Select-Object, Where-Object, Sort-Object and Group-Object on messages' {
    It 'Where-Object filters on a property and keeps the typed objects' {
        $malicious = @($messages | Where-Object FinalDisposition -EQ MALICIOUS)
        $malicious.Count | Should -BeGreaterThan 0
        $malicious.Count | Should -Be @(Get-EsMessage -Disposition MALICIOUS).Count
        $malicious | ForEach-Object { $_.GetType().Name | Should -Be 'Message' }
        @($messages | Where-Object { $_.To -contains $messages[0].To[0] }).Count | Should -BeGreaterThan 0
    }

    It 'Sort-Object orders by a date and by text' {
        $oldestFirst = @($messages | Sort-Object ScannedAt)
        $oldestFirst[0].ScannedAt | Should -BeLessOrEqual $oldestFirst[-1].ScannedAt
        $oldestFirst[-1].Id | Should -Be $messages[0].Id
        ($messages | Sort-Object Subject -Descending | Select-Object -First 1).Subject |
            Should -Be ($messages.Subject | Sort-Object -Descending | Select-Object -First 1)
    }

    It 'Group-Object counts by disposition' {
        $groups = $messages | Group-Object FinalDisposition
        ($groups | Measure-Object Count -Sum).Sum | Should -Be $messages.Count
        ($groups | Where-Object Name -EQ MALICIOUS).Count | Should -Be @($messages | Where-Object FinalDisposition -EQ MALICIOUS).Count
    }

    It 'Select-Object picks properties, computed ones and -ExpandProperty lists' {
        $picked = $messages | Select-Object -First 3 -Property Id, Subject, @{ Name = 'Recipients'; Expression = { $_.To.Count } }
        $picked.Count | Should -Be 3
        $picked[0].PSObject.Properties.Name | Should -Be 'Id', 'Subject', 'Recipients'
        $picked[0].Recipients | Should -Be $messages[0].To.Count
        @($messages | Select-Object -First 2 -ExpandProperty To).Count | Should -Be ($messages[0].To.Count + $messages[1].To.Count)
    }

    It 'Select-Object -First stops the search early' {
        @(Get-EsMessage | Select-Object -First 1).Count | Should -Be 1
    }
}

Describe '$PSDefaultParameterValues' {
    AfterEach {
        $PSDefaultParameterValues.Clear()
    }

    It 'gives a cmdlet a default value' {
        $PSDefaultParameterValues['Get-EsMessage:First'] = 2
        @(Get-EsMessage).Count | Should -Be 2
    }

    It 'sends every cmdlet of the module to another connection' {
        $other = Connect-TestAccount
        Connect-EsAccount -Sandbox
        $PSDefaultParameterValues['*-Es*:Connection'] = $other
        $found = @(Get-EsMessage -First 3)
        $found | Get-EsMessageTrace | Should -HaveCount 3
        $requests = @(Get-TestRequest -AccountId $other.AccountId)
        $requests.Count | Should -Be 4
        (Get-EsConnection).AuthKind | Should -Be 'Sandbox'
    }

    It 'turns on -WhatIf for the module''s changes' {
        $PSDefaultParameterValues['*-Es*:WhatIf'] = $true
        $message = $messages | Where-Object { -not $_.PostDeliveryOperations } | Select-Object -First 1
        $message | Move-EsMessage -Destination DeletedItems
        $PSDefaultParameterValues.Clear()
        (Get-EsMessage -Id $message.Id).PostDeliveryOperations | Should -BeNullOrEmpty
    }
}

Describe 'Tab completion (TabExpansion2)' {
    It 'completes cmdlet names' {
        Complete 'Get-EsMessageTr' | Should -Contain 'Get-EsMessageTrace'
    }

    It 'completes parameter names and set values' {
        Complete 'Get-EsMessage -Dispo' | Should -Contain '-Disposition'
        Complete 'Get-EsMessage -Disposition MAL' | Should -Contain 'MALICIOUS'
        Complete 'Move-EsMessage -Destination Junk' | Should -Contain 'JunkEmail'
    }

    It 'completes message ids from the API' {
        Complete 'Get-EsMessageTrace -Id ' | Should -Contain $messages[0].Id
    }

    It 'completes properties of the output type after a pipe' {
        Complete 'Get-EsMessage | Where-Object FinalDis' | Should -Contain 'FinalDisposition'
        Complete 'Get-EsMessage | Select-Object Subj' | Should -Contain 'Subject'
        Complete 'Get-EsDomain | Sort-Object Mod' | Should -Contain 'ModifiedAt'
    }
}
