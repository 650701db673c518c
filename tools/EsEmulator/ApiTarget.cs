namespace EsEmulator;

/// <summary>
/// An API request target split the way the emulator needs it, from the raw (still encoded) request line.
/// </summary>
public sealed class ApiTarget
{
    public const string BasePath = "/client/v4";
    public const string NoAccount = "_";

    private ApiTarget(string rawTarget, string rawPath, string? rawQuery, string accountId, string decodedPath)
    {
        RawTarget = rawTarget;
        RawPath = rawPath;
        RawQuery = rawQuery;
        AccountId = accountId;
        DecodedPath = decodedPath;
    }

    public string RawTarget { get; }

    /// <summary>Still encoded, base path removed: /accounts/{id}/email-security/...</summary>
    public string RawPath { get; }

    public string? RawQuery { get; }

    /// <summary>The decoded segment after /accounts/, or "_" when there is none.</summary>
    public string AccountId { get; }

    /// <summary>
    /// Decoded path after /email-security (e.g. /investigate/move); the whole decoded path when that part is missing.
    /// </summary>
    public string DecodedPath { get; }

    public bool IsApi =>
        RawTarget.StartsWith(BasePath + "/", StringComparison.Ordinal) || RawTarget.Split('?')[0] == BasePath;

    public static ApiTarget Parse(string rawTarget)
    {
        int question = rawTarget.IndexOf('?');
        string fullPath = question < 0 ? rawTarget : rawTarget.Substring(0, question);
        string? rawQuery = question < 0 || question == rawTarget.Length - 1 ? null : rawTarget.Substring(question + 1);
        string rawPath = fullPath.StartsWith(BasePath, StringComparison.Ordinal)
            ? fullPath.Substring(BasePath.Length)
            : fullPath;

        string[] segments = rawPath.Split('/');
        bool hasAccount = segments.Length > 2 && segments[1] == "accounts" && segments[2].Length > 0;
        string accountId = hasAccount ? Uri.UnescapeDataString(segments[2]) : NoAccount;
        string decodedPath = hasAccount && segments.Length > 3 && segments[3] == "email-security"
            ? "/" + string.Join("/", segments.Skip(4).Select(Uri.UnescapeDataString))
            : Uri.UnescapeDataString(rawPath);
        return new ApiTarget(rawTarget, rawPath, rawQuery, accountId, decodedPath);
    }
}
