# Two accounts in one shell: objects remember the connection they came from, so a pipeline works in their account
# whatever the session's connection is, and nothing of the connection shows in what they export.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1"
    Use-BuiltModule
    Import-Module EmailSecurity

    function Get-ChangeRequest([string] $AccountId) {
        @(Get-TestRequest -AccountId $AccountId | Where-Object method -NE GET)
    }
}

AfterAll {
    Disconnect-EsAccount
}

Describe 'Piping across two connections in one shell' {
    BeforeEach {
        # Both accounts hold the demo messages of the same seed, so a pipeline in the wrong account may well succeed:
        # only the request logs tell which account it worked in. The session's connection is the last made: $b.
        $a = Connect-TestAccount
        $b = Connect-TestAccount
    }

    It 'moves messages read with -Connection in that account, not the session''s' {
        $messages = @(Get-EsMessage -Connection $a -Disposition MALICIOUS -First 3)

        $moved = @($messages | Move-EsMessage -Destination JunkEmail -Confirm:$false)

        $moved.Count | Should -BeGreaterOrEqual 3
        Get-ChangeRequest $a.AccountId | Should -HaveCount 1
        Get-ChangeRequest $b.AccountId | Should -BeNullOrEmpty
        (Get-EsMessage -Connection $a -Id $messages[0].Id).PostDeliveryOperations | Should -Contain 'MOVE'
    }

    It 'sends the messages of each account in a batch of its own, and its results pipe on in their account' {
        $fromA = @(Get-EsMessage -Connection $a -First 2)
        $fromB = @(Get-EsMessage -First 2 -Skip 2)

        $moved = @($fromA[0], $fromB[0], $fromA[1], $fromB[1] | Move-EsMessage -Destination DeletedItems -Confirm:$false)
        $traces = @($moved | Get-EsMessageTrace)

        (Get-ChangeRequest $a.AccountId).body | ConvertFrom-Json | ForEach-Object ids | Should -Be $fromA.Id
        (Get-ChangeRequest $b.AccountId).body | ConvertFrom-Json | ForEach-Object ids | Should -Be $fromB.Id
        $traces.Count | Should -Be $moved.Count
        @(Get-TestRequest -AccountId $a.AccountId | Where-Object path -Like '*/trace').Count |
            Should -Be @($moved | Where-Object InvestigateId -In $fromA.Id).Count
    }

    It 'refuses a piped object when -Connection names another account, and sends nothing' {
        $policies = @(Get-EsAllowPolicy -Connection $a -First 2)

        $policies | Remove-EsAllowPolicy -Connection $b -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue

        $refused | Should -HaveCount 2
        $refused | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'EsConnectionMismatch,*' }
        Get-ChangeRequest $a.AccountId | Should -BeNullOrEmpty
        Get-ChangeRequest $b.AccountId | Should -BeNullOrEmpty
    }

    It 'copies entries to the account -Connection names' {
        $entries = @(Get-EsTrustedDomain -Connection $a)

        $copies = @($entries | New-EsTrustedDomain -Connection $b -Confirm:$false)

        $copies.Count | Should -Be $entries.Count
        # Where the API has no batch endpoint, the batch it refused (404, nothing applied) comes first.
        Get-ChangeRequest $b.AccountId | Where-Object status -EQ 200 | Should -HaveCount $entries.Count
        Get-ChangeRequest $a.AccountId | Should -BeNullOrEmpty
    }

    It 'sends objects read back from a file to the session''s connection, as they carry none' {
        $path = Join-Path $TestDrive 'messages.xml'
        Get-EsMessage -Connection $a -First 2 | Export-Clixml -Path $path

        # Where the requests go is the point, not their answers: the ids hold the scan time of each account's demo
        # data, made when the account was, so a message of $a is in $b only when both were made within a second.
        Import-Clixml -Path $path | Get-EsMessageTrace -ErrorAction SilentlyContinue | Out-Null

        @(Get-TestRequest -AccountId $b.AccountId | Where-Object path -Like '*/trace').Count | Should -Be 2
        @(Get-TestRequest -AccountId $a.AccountId | Where-Object path -Like '*/trace').Count | Should -Be 0
    }

    It 'keeps the connection out of Format-List, Export-Csv and ConvertTo-Json' {
        $messages = @(Get-EsMessage -Connection $a -First 2)
        $csv = Join-Path $TestDrive 'messages.csv'

        $messages | Export-Csv -Path $csv
        $text = @(
            Get-Content -Raw -Path $csv
            $messages | ConvertTo-Json -Depth 10
            $messages | Format-List * | Out-String -Width 200
        ) -join "`n"

        $text | Should -Not -Match $a.AccountId
        $text | Should -Not -Match ([regex]::Escape((Get-TestToken)))
        $messages[0].PSObject.Properties.Name | Should -Not -Contain 'Connection'
    }
}
