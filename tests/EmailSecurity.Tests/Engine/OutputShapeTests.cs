using System.Collections;
using System.Management.Automation;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Engine;

/// <summary>
/// The module's objects through the Utility cmdlets that flatten them: Export-Csv (here ConvertTo-Csv, the same
/// writer) writes every property as readable text, lists as their items joined with "; " and nested objects as
/// their text, never a type name; and the lists stay lists for -contains, indexing and ConvertTo-Json.
/// </summary>
[Collection("Emulator")]
public sealed class OutputShapeTests : ModuleTest
{
    public OutputShapeTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    /// <summary>
    /// The output types with lists, nested objects or AdditionalFields, from the commands that make them.
    /// </summary>
    public static TheoryData<string> Producers() => new()
    {
        "Get-EsMessage -First 5",
        "Get-EsMessage -Disposition MALICIOUS -First 2 | Get-EsMessageDetection",
        "Get-EsMessage -First 2 | Get-EsMessageTrace",
        "@(Get-EsMessage | Where-Object IsQuarantined)[0..1] | Unblock-EsMessage -Confirm:$false",
        "Get-EsPhishGuardReport",
        "Get-EsSubmission -First 3",
        "Get-EsDomain",
    };

    [Theory]
    [MemberData(nameof(Producers))]
    public void Csv_holds_every_property_as_readable_text_and_lists_as_their_items(string producer)
    {
        var (session, _) = Connected(messages: 300);

        var cells = session.Run($$"""
            $objects = @({{producer}})
            $rows = @($objects | ConvertTo-Csv | ConvertFrom-Csv)
            for ($i = 0; $i -lt $objects.Count; $i++) {
                foreach ($property in $objects[$i].PSObject.Properties) {
                    if ($null -ne $property.Value) {
                        [pscustomobject]@{ Name = $property.Name; Value = $property.Value; Cell = $rows[$i].($property.Name) }
                    }
                }
            }
            """);

        cells.ShouldSucceed();
        Assert.NotEmpty(cells.Output);
        var structured = 0;
        foreach (var cell in cells.Output)
        {
            var name = (string)cell.Properties["Name"].Value;
            var value = PSObject.AsPSObject(cell.Properties["Value"].Value).BaseObject;
            var text = (string)cell.Properties["Cell"].Value;
            Assert.NotEqual(value.GetType().FullName, text);
            Assert.DoesNotContain("EmailSecurity.Models.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
            if (value is IList items)
            {
                Assert.True(string.Join("; ", items.Cast<object>()) == text, $"{name}: '{text}'");
            }

            structured += value is IEnumerable and not string ? 1 : 0;
        }

        Assert.True(structured > 0, $"{producer} wrote no list or AdditionalFields to check");
    }

    [Fact]
    public void Nested_objects_and_fields_the_module_does_not_model_are_written_as_their_text()
    {
        var (session, _) = Connected(messages: 300);

        var result = session.Run("""
            $message = Get-EsMessage -First 1
            $message.Properties = [EmailSecurity.Models.MessageProperties]@{ AllowlistedPattern = 'contoso.com'; AllowlistedPatternType = 'DOMAIN'; BlocklistedMessage = $true }
            ($message | ConvertTo-Csv | ConvertFrom-Csv).Properties
            $report = @(Get-EsPhishGuardReport)[0]
            ($report | ConvertTo-Csv | ConvertFrom-Csv).AdditionalFields
            $report.AdditionalFields['ts'] | ConvertTo-Json
            """);

        result.ShouldSucceed();
        Assert.Equal("allowlisted by contoso.com (DOMAIN); blocklisted", result.Output[0].ToString());
        Assert.Equal($"ts={result.Output[2]}", result.Output[1].ToString());
    }

    [Fact]
    public void Fields_the_module_does_not_model_are_plain_values_for_member_access_Format_List_and_ConvertTo_Json()
    {
        var (session, account) = Connected();
        account.SetFaults(new FaultRule("retypedFields") { Method = "GET", Path = "/phishguard/reports", Fields = new()
        {
            ["ts"] = new Dictionary<string, object?>
            {
                ["seen"] = true, ["count"] = 3, ["ratio"] = 0.5, ["hosts"] = new[] { "a.test", "b.test" },
                ["origin"] = new Dictionary<string, object?> { ["level"] = 5, ["note"] = null },
            },
        } });

        var result = session.Run("""
            $report = @(Get-EsPhishGuardReport)[0]
            $ts = $report.AdditionalFields.ts
            $ts.seen -eq $true -and $ts.count -eq 3 -and $ts.ratio -eq 0.5 -and $ts.origin.level -eq 5
            $ts.hosts -contains 'b.test' -and $ts.hosts.Count -eq 2 -and $null -eq $ts.origin.note
            $report | ConvertTo-Json -Depth 5
            $report | Format-List AdditionalFields | Out-String -Width 200
            """);

        account.ClearFaults();
        result.ShouldSucceed();
        Assert.Equal([true, true], result.Output.Take(2).Select(o => (bool)o.BaseObject));
        var json = result.Output[2].ToString();
        Assert.DoesNotContain("ValueKind", json, StringComparison.Ordinal);
        var ts = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("AdditionalFields")
            .GetProperty("ts");
        Assert.True(ts.GetProperty("seen").GetBoolean());
        Assert.Equal(3, ts.GetProperty("count").GetInt32());
        Assert.Equal(0.5m, ts.GetProperty("ratio").GetDecimal());
        Assert.Equal(["a.test", "b.test"], ts.GetProperty("hosts").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(5, ts.GetProperty("origin").GetProperty("level").GetInt32());
        var list = result.Output[3].ToString();
        Assert.Contains("AdditionalFields : {[ts, seen=true; count=3; ratio=0.5; hosts=[\"a.test\",\"b.test\"]; " +
            "origin={\"level\":5,\"note\":null}]}", list, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_stay_lists_for_contains_indexing_and_ConvertTo_Json()
    {
        var (session, _) = Connected();

        var result = session.Run("""
            $message = Get-EsMessage -First 1
            $back = $message | ConvertTo-Json -Depth 5 | ConvertFrom-Json
            $message.To -contains $message.To[-1]
            $message.To.Count -eq $message.To.Length
            $back.To -is [array]
            ($back.To -join ',') -eq ($message.To -join ',')
            ($message | Select-Object -ExpandProperty To).Count -eq $message.To.Count
            """);

        result.ShouldSucceed();
        Assert.Equal([true, true, true, true, true], result.Output.Select(o => (bool)o.BaseObject));
    }
}
