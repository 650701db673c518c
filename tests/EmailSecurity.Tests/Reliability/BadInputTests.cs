using System.Management.Automation;
using EmailSecurity.Tests.Infrastructure;

namespace EmailSecurity.Tests.Reliability;

/// <summary>
/// Hostile and broken input: ids that try to leave their path segment, control characters, huge values, dates out
/// of range, bad enum values and page sizes. Every value is either refused before any request, with a clear error,
/// or sent escaped so that it arrives as exactly one path segment of the endpoint the cmdlet is for.
/// </summary>
[Collection("Emulator")]
public sealed class BadInputTests : ReliabilityTest
{
    public BadInputTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private static readonly Dictionary<string, string> Ids = new()
    {
        ["slash"] = "a/b",
        ["dot dot"] = "..",
        ["single dot"] = ".",
        ["dot dot slash to another endpoint"] = "../../settings/domains",
        ["dots then text"] = "..a",
        ["question mark and query"] = "abc?page=2&x=1",
        ["hash"] = "abc#fragment",
        ["percent"] = "100%",
        ["percent-encoded slash"] = "a%2Fb",
        ["percent-encoded dot dot"] = "%2E%2E",
        ["backslash"] = "a\\..\\b",
        ["space and plus"] = "a b+c",
        ["CR LF"] = "a\r\nX-Injected: 1",
        ["tab"] = "a\tb",
        ["NUL"] = "a\0b",
        ["unicode"] = "メッセージ-é",
        ["10 KB"] = new string('x', 10 * 1024),
        ["empty"] = "",
        ["whitespace"] = "   ",
    };

    /// <summary>Script, method and the decoded path (after /email-security) the id must arrive in.</summary>
    private static readonly Dictionary<string, (string Script, string Method, Func<string, string> Path)> Commands =
        new()
    {
        ["Get-EsMessage -Id"] = ("Get-EsMessage -Id $id", "GET", id => $"/investigate/{id}"),
        ["Move-EsMessage -Id"] =
            ("Move-EsMessage -Id $id -Destination Inbox -Confirm:$false", "POST", id => $"/investigate/{id}/move"),
        ["Remove-EsBlockedSender -Id"] =
            ("Remove-EsBlockedSender -Id $id -Confirm:$false", "DELETE", id => $"/settings/block_senders/{id}"),
        ["Get-EsMessageRaw -Id"] = ("Get-EsMessageRaw -Id $id", "GET", id => $"/investigate/{id}/raw"),
    };

    public static TheoryData<string, string> IdRows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var command in Commands.Keys)
        {
            foreach (var id in Ids.Keys)
            {
                rows.Add(command, id);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(IdRows))]
    public void A_hostile_id_is_refused_before_any_request_or_arrives_as_one_segment_of_the_right_endpoint(
        string command,
        string idName)
    {
        var id = Ids[idName];
        var (script, method, pathOf) = Commands[command];
        var (session, account) = ConnectedWith(null, messages: 1);

        var result = session.Run(script, Vars(("id", id)));

        Assert.Null(result.Terminating);
        var requests = account.Requests();
        if (requests.Count == 0)
        {
            var error = Assert.Single(result.Errors);
            Assert.True(
                error.FullyQualifiedErrorId.StartsWith("ParameterArgumentValidationError", StringComparison.Ordinal)
                || error.FullyQualifiedErrorId.StartsWith("EsInvalidArgument", StringComparison.Ordinal),
                $"refused with {error.FullyQualifiedErrorId}: {error}");
            return;
        }

        var request = Assert.Single(requests);
        Assert.Equal(method, request.Method);
        Assert.Equal(pathOf(id), request.Path);
        // The raw request line has exactly the segments of the endpoint: the id could not add one, nor a query.
        var rawPath = request.RawTarget.Split("/email-security", 2)[1];
        Assert.DoesNotContain('?', rawPath);
        Assert.DoesNotContain('#', rawPath);
        Assert.Equal(pathOf("x").Split('/').Length, rawPath.Split('/').Length);
        Assert.Null(request.Query);
        var error2 = Assert.Single(result.Errors);
        Assert.Equal(id, error2.TargetObject);
        Assert.StartsWith("EsApi", error2.FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CR LF")]
    [InlineData("10 KB")]
    public void A_refused_id_is_shown_printably_and_shortened_in_the_error(string idName)
    {
        var (session, account) = ConnectedWith(null, messages: 1);

        var result = session.Run("Get-EsMessage -Id $id", Vars(("id", Ids[idName])));

        var error = Assert.Single(result.Errors);
        Assert.Empty(account.Requests());
        var message = error.Exception.Message;
        Assert.DoesNotContain('\r', message);
        Assert.DoesNotContain('\n', message);
        Assert.True(message.Length < 1000, $"the error message is {message.Length} characters long");
    }

    /// <summary>
    /// Scripts that must be refused before any request: bad enums, page sizes out of range, unreadable or reversed
    /// dates.
    /// </summary>
    [Theory]
    [InlineData("Get-EsMessage -Disposition EVIL", "ParameterArgumentValidationError")]
    [InlineData("Get-EsMessage -MessageAction DELETE", "ParameterArgumentValidationError")]
    [InlineData("Move-EsMessage -Id abc -Destination Outbox -Confirm:$false", "ParameterArgumentValidationError")]
    [InlineData("Get-EsBlockedSender -PatternType BOGUS", "ParameterArgumentValidationError")]
    [InlineData("Get-EsBlockedSender -Direction sideways", "ParameterArgumentValidationError")]
    [InlineData("Get-EsMessage -PageSize 0", "ParameterArgumentValidationError")]
    [InlineData("Get-EsMessage -PageSize -1", "ParameterArgumentValidationError")]
    [InlineData("Get-EsMessage -PageSize 1001", "ParameterArgumentValidationError")]
    [InlineData("Get-EsMessage -PageSize 2147483647", "ParameterArgumentValidationError")]
    [InlineData("Get-EsMessage -PageSize 2147483648", "CannotConvertArgument")]
    [InlineData("Get-EsBlockedSender -PageSize 0", "ParameterArgumentValidationError")]
    [InlineData("Get-EsBlockedSender -PageSize 1001", "ParameterArgumentValidationError")]
    [InlineData("Get-EsBlockedSender -PageSize 2147483647", "ParameterArgumentValidationError")]
    [InlineData("'a','b' | Move-EsMessage -Destination Inbox -BatchSize 0 -Confirm:$false",
        "ParameterArgumentValidationError")]
    [InlineData("'a','b' | Unblock-EsMessage -BatchSize 2147483647 -Confirm:$false",
        "ParameterArgumentValidationError")]
    [InlineData("Get-EsMessage -Start 'not a date'", "CannotConvertArgument")]
    [InlineData("Get-EsMessage -Start '2026-13-45'", "CannotConvertArgument")]
    [InlineData("Get-EsMessage -End ''", "CannotConvertArgument")]
    [InlineData("Get-EsMessage -Start '2026-02-01' -End '2026-01-01'", "EsInvalidDateRange")]
    [InlineData("Get-EsMessage -Start ([datetime]::MaxValue) -End ([datetime]::MinValue)", "EsInvalidDateRange")]
    public void Bad_enums_page_sizes_and_dates_are_refused_before_any_request(string script, string errorId)
    {
        var (session, account) = ConnectedWith(null, messages: 1);

        var result = session.Run(script);

        Assert.Null(result.Terminating);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith(errorId, error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Empty(account.Requests());
    }

    /// <summary>
    /// Extreme but valid dates may be refused up front or sent; if sent, they are readable ISO 8601 and any failure is
    /// the API's.
    /// </summary>
    [Theory]
    [InlineData("Get-EsMessage -Start ([datetime]::MinValue) -First 1")]
    [InlineData("Get-EsMessage -Start ([datetime]'0001-01-01') -End ([datetime]'0001-01-02') -First 1")]
    [InlineData("Get-EsMessage -End ([datetime]::MaxValue) -First 1")]
    [InlineData("Get-EsMessage -Start ([datetime]'9999-12-31') -First 1")]
    [InlineData("Get-EsMessage -Start ([datetime]::new(2026, 1, 1, 0, 0, 0, [DateTimeKind]::Utc)) -End " +
        "([datetime]::new(2026, 1, 1, 0, 0, 0, [DateTimeKind]::Utc)) -First 1")]
    public void Extreme_dates_are_refused_clearly_or_sent_as_readable_dates(string script)
    {
        var (session, account) = ConnectedWith(null, messages: 1);

        var result = session.Run(script);

        Assert.Null(result.Terminating);
        var requests = account.Requests();
        Assert.All(result.Errors, e => Assert.DoesNotContain("EsUnexpected", e.FullyQualifiedErrorId));
        if (requests.Count == 0)
        {
            var error = Assert.Single(result.Errors);
            Assert.Matches("^(ParameterArgument|EsInvalid)", error.FullyQualifiedErrorId);
            return;
        }

        Assert.All(requests, r =>
        {
            Assert.Equal("/investigate", r.Path);
            foreach (var name in new[] { "start", "end" }.Where(r.QueryParameters.ContainsKey))
            {
                Assert.True(
                    DateTimeOffset.TryParse(r.QueryParameters[name], System.Globalization.CultureInfo.InvariantCulture,
                        System.Globalization.DateTimeStyles.None, out _), $"{name}={r.QueryParameters[name]}");
            }
        });
        Assert.All(result.Errors, e => Assert.StartsWith("EsApi", e.FullyQualifiedErrorId, StringComparison.Ordinal));
    }
}
