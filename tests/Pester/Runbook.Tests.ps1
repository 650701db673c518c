# The sample runbook of docs/azure-automation.md, run unattended in pwsh against the emulator.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1"
    Use-BuiltModule
}

Describe 'docs/runbooks/Remove-MaliciousMessages.ps1' {
    It 'moves the malicious messages of the period and writes only its summary' {
        $emulator = Get-TestEmulator
        $account = [guid]::NewGuid().ToString('N')
        $credential = [pscredential]::new($account, (ConvertTo-SecureString -String (Get-TestToken) -AsPlainText -Force))
        $runbook = Join-Path (Get-RepoRoot) 'docs/runbooks/Remove-MaliciousMessages.ps1'

        $output = @(& $runbook -Credential $credential -Hours 720 -BaseUri $emulator.ApiBaseUri 3>&1 6>&1)

        $output | Should -HaveCount 1
        $summary = $output[0]
        $summary.MessagesFound | Should -BeGreaterThan 0
        $summary.MessagesMoved | Should -Be $summary.MessagesFound
        $summary.Failures | Should -Be 0
        $requests = @(Get-TestRequest -AccountId $account)
        $requests[0].query | Should -Match '(^|&)final_disposition=MALICIOUS(&|$)'
        @($requests | Where-Object method -EQ POST).Count | Should -BeGreaterThan 0
        { Get-EsConnection -ErrorAction Stop } | Should -Throw
    }
}
