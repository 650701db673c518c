# What a session leaves in a transcript (Start-Transcript, as many admins keep for every session) with -Verbose
# and -Debug output on: the HTTP calls, never the API token.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1"
    Use-BuiltModule
    Import-Module EmailSecurity
}

Describe 'A transcript of a verbose session' {
    BeforeAll {
        $path = Join-Path $TestDrive 'transcript.txt'
        $token = Get-TestToken
        Start-Transcript -Path $path
        try {
            $VerbosePreference = 'Continue'
            $DebugPreference = 'Continue'
            $connection = Connect-TestAccount
            Get-EsMessage -First 3 | Get-EsMessageTrace | Out-Host
            Get-EsMessage -Disposition MALICIOUS -First 2 | Move-EsMessage -Destination JunkEmail -Confirm:$false | Out-Host
            Get-EsMessageRaw -Id 'no-such-message' -ErrorAction Continue
            $connection | Format-List * | Out-Host
            $connection | ConvertTo-Json -Depth 5 | Out-Host
            $error | Format-List * -Force | Out-Host
        }
        finally {
            $VerbosePreference = 'SilentlyContinue'
            $DebugPreference = 'SilentlyContinue'
            Stop-Transcript
            Disconnect-EsAccount
        }
        $text = Get-Content -Raw -Path $path
    }

    It 'shows each API call' {
        $text | Should -Match 'VERBOSE: GET http://127\.0\.0\.1:\d+/client/v4/accounts/\w+/email-security/investigate\?'
        $text | Should -Match 'VERBOSE: POST .*/investigate/move'
        $text | Should -Match 'no-such-message'
    }

    It 'holds neither the token nor an Authorization header' {
        $text.Contains($token) | Should -BeFalse
        $text | Should -Not -Match 'Bearer\s+\S'
    }
}
