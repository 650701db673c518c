# The module in the runspaces pwsh makes for parallel work: ForEach-Object -Parallel and Start-ThreadJob.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1"
    Use-BuiltModule
    Import-Module EmailSecurity
}

Describe 'ForEach-Object -Parallel' {
    It 'reads many messages at once with a connection passed by $using:' {
        $connection = Connect-TestAccount
        $ids = @(Get-EsMessage -First 8 -Connection $connection).Id

        $traces = $ids | ForEach-Object -ThrottleLimit 4 -Parallel {
            Get-EsMessageTrace -Id $_ -Connection $using:connection
        }

        @($traces.MessageId | Sort-Object) | Should -Be @($ids | Sort-Object)
        @(Get-TestRequest -AccountId $connection.AccountId | Where-Object path -Like '*/trace').Count | Should -Be 8
    }

    It 'finds the module by name in each runspace, where each connects on its own' {
        $counts = 1..3 | ForEach-Object -ThrottleLimit 3 -Parallel {
            Connect-EsAccount -Sandbox
            @(Get-EsMessage -First 2).Count
        }

        $counts | Should -Be 2, 2, 2
    }

    It 'tells a runspace that has not connected to connect, instead of using another runspace''s connection' {
        Connect-EsAccount -Sandbox

        $errors = 1 | ForEach-Object -Parallel {
            try { Get-EsMessage -First 1 } catch { $_ }
        }

        $errors.FullyQualifiedErrorId | Should -BeLike 'EsNotConnected*'
        "$($errors.ErrorDetails.RecommendedAction)$($errors.Exception.Message)" | Should -Match 'Connect-EsAccount'
    }
}

Describe 'Start-ThreadJob' {
    It 'moves messages in a job and hands the results back' {
        $connection = Connect-TestAccount
        $malicious = @(Get-EsMessage -Disposition MALICIOUS -Connection $connection)

        $results = Start-ThreadJob {
            Get-EsMessage -Disposition MALICIOUS -Connection $using:connection |
                Move-EsMessage -Destination JunkEmail -Connection $using:connection -Confirm:$false
        } | Receive-Job -Wait -AutoRemoveJob

        $malicious.Count | Should -BeGreaterThan 0
        @($results | Where-Object Success).Count | Should -Be @($results).Count
        @($results.MessageId | Sort-Object -Unique) | Should -Be @($malicious.Id | Sort-Object)
    }
}
