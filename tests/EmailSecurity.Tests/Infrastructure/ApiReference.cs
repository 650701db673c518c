using System.Text.RegularExpressions;

namespace EmailSecurity.Tests.Infrastructure;

/// <summary>
/// One operation of the API reference: its SDK name, HTTP method, path template and the names of its query and body
/// parameters.
/// </summary>
public sealed record DescribedOperation(string Name, string Method, string PathTemplate)
{
    /// <summary>The names its "### Parameters" list gives, without account_id and the route's placeholders.</summary>
    public IReadOnlyList<string> Parameters { get; init; } = [];
}

/// <summary>
/// The operations of docs/reference/email-security-api.md (the API as the module was first written against it; the
/// catalog must declare each of them as described), named as Cloudflare's TypeScript SDK names its methods
/// under <c>emailSecurity.</c> (settings.allowPolicies.create): the Python names the file carries
/// (settings.allow_policies.create) with each snake_case part written in camelCase.
/// </summary>
public static class ApiReference
{
    private static readonly Regex Heading = new(@"^## .*`email_security\.(?<name>[a-z_.]+)\(", RegexOptions.Compiled);
    private static readonly Regex Endpoint =
        new(@"^\*\*(?<method>[a-z]+)\*\* `(?<path>/[^`]+)`", RegexOptions.Compiled);
    private static readonly Regex Parameter = new(@"^- `(?<name>[a-z_]+): ", RegexOptions.Compiled);

    public static string File => Path.Combine(Paths.RepoRoot, "docs", "reference", "email-security-api.md");

    public static IReadOnlyList<DescribedOperation> Operations { get; } = Read(File);

    /// <summary>settings.allow_policies.create -> settings.allowPolicies.create</summary>
    public static string SdkName(string pythonName) =>
        string.Join(".", pythonName.Split('.')
            .Select(part => Regex.Replace(part, "_([a-z])", m => m.Groups[1].Value.ToUpperInvariant())));

    private static List<DescribedOperation> Read(string file)
    {
        var operations = new List<DescribedOperation>();
        string? name = null;
        List<string>? parameters = null;
        foreach (var line in System.IO.File.ReadLines(file))
        {
            if (line.StartsWith("### Parameters", StringComparison.Ordinal) && operations.Count > 0)
            {
                parameters = new List<string>();
                operations[^1] = operations[^1] with { Parameters = parameters };
            }
            else if (line.StartsWith("#", StringComparison.Ordinal))
            {
                parameters = null;
            }
            else if (parameters != null && Parameter.Match(line) is { Success: true } parameter)
            {
                var described = parameter.Groups["name"].Value;
                if (described != "account_id"
                    && !operations[^1].PathTemplate.Contains("{" + described + "}", StringComparison.Ordinal))
                {
                    parameters.Add(described);
                }
            }

            if (Heading.Match(line) is { Success: true } heading)
            {
                name = SdkName(heading.Groups["name"].Value);
            }
            else if (name != null && Endpoint.Match(line) is { Success: true } endpoint)
            {
                const string prefix = "/accounts/{account_id}/email-security";
                var path = endpoint.Groups["path"].Value;
                if (!path.StartsWith(prefix, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"{file}: {name} has a path outside {prefix}: {path}");
                }

                operations.Add(new DescribedOperation(name, endpoint.Groups["method"].Value.ToUpperInvariant(),
                    path[prefix.Length..]));
                name = null;
            }
        }

        return operations;
    }
}
