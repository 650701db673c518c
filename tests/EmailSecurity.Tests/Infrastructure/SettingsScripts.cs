using System.Management.Automation;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using EmailSecurity.Client;
using EmailSecurity.Cmdlets;

namespace EmailSecurity.Tests.Infrastructure;

/// <summary>
/// The scripts that drive a settings list's operations through its cmdlets with every filter ([ApiQuery]) and every
/// field ([ApiField]) they declare, written from the cmdlet types, with the values of an entry the list already holds
/// (a value the entry lacks is the first of the parameter's set, $true, 1 or 'example'). So a new list is recorded
/// (OperationRequestTests) without a line written for it.
/// </summary>
public static class SettingsScripts
{
    private const string Confirmed = "-Confirm:$false";

    /// <summary>The script of one operation of the list, or null when the list has no cmdlet for it.</summary>
    internal static string? For(SettingsNoun noun, ApiOperation operation, JsonElement entry)
    {
        var collection = noun.Collection;
        return operation == collection.List
            ? $"{Call(noun.Get, Marked<ApiQueryAttribute>(noun.Get, a => a.Name), entry)} -PageSize 5\n{noun.Get} " +
                "-PageSize 2 -First 3"
            : operation == collection.Get ? $"{noun.Get} -Id $id"
            : operation == collection.Create ? noun.New is null
                ? null
                : $"{Call(noun.New, Marked<ApiFieldAttribute>(noun.New, a => a.Name), Copy(noun, entry))} {Confirmed}"
            : operation == collection.Edit
            ? $"{Call(noun.Set + " -Id $id", Marked<ApiFieldAttribute>(noun.Set, a => a.Name), entry)} -PassThru " +
                $"{Confirmed}"
            : operation == collection.Replace
            ? $"{Call(noun.Set + " -Id $id -Replace", Replaced(noun), entry)} -PassThru {Confirmed}"
            : operation == collection.Delete ? $"{noun.Remove} -Id $id {Confirmed}"
            : operation == collection.Batch ? Sync(noun)
            : throw new ArgumentException($"{operation.Name} is not an operation of {collection.Route}.",
                nameof(operation));
    }

    /// <summary>
    /// The API names the cmdlet of an operation can send (its filters, or its fields), which its script must send.
    /// </summary>
    internal static IReadOnlyList<string> Declared(SettingsNoun noun, ApiOperation operation)
    {
        var collection = noun.Collection;
        var names = operation == collection.List ? Marked<ApiQueryAttribute>(noun.Get, a => a.Name)
            : operation == collection.Create && noun.New is not null ? Marked<ApiFieldAttribute>(noun.New, a => a.Name)
            : operation == collection.Edit ? Marked<ApiFieldAttribute>(noun.Set, a => a.Name)
            : operation == collection.Replace ? Replaced(noun)
            : operation == collection.Batch ? new[] { "deletes", "patches", "puts", "posts" }.Select(
                name => (Parameter: (PropertyInfo)null!, Name: name))
            : [];
        return names.Select(m => m.Name).ToList();
    }

    /// <summary>
    /// The fields Set sends with -Replace: all but the one that names the entry, which a replacement leaves out.
    /// </summary>
    private static IEnumerable<(PropertyInfo Parameter, string Name)> Replaced(SettingsNoun noun) =>
        Marked<ApiFieldAttribute>(noun.Set, a => a.Name).Where(m => m.Name != noun.DescribedBy);

    /// <summary>
    /// The values a new entry is made with: the entry's own, but a domain (held once per list) as a subdomain of it.
    /// </summary>
    private static JsonElement Copy(SettingsNoun noun, JsonElement entry)
    {
        if (noun.DescribedBy != "domain")
        {
            return entry;
        }

        var copy = System.Text.Json.Nodes.JsonNode.Parse(entry.GetRawText())!.AsObject();
        copy["domain"] = "copy." + entry.GetProperty("domain").GetString();
        return JsonDocument.Parse(copy.ToJsonString()).RootElement.Clone();
    }

    /// <summary>
    /// Sync-Es* with the list's first entry left out (deleted), the next one's comments changed and a copy of the first
    /// under another key added: one batch with deletes, patches and posts. UNKNOWN and IP pattern types are left out
    /// (the first cannot be created, the second takes no prefix).
    /// </summary>
    private static string Sync(SettingsNoun noun)
    {
        var key = noun.Model.GetProperties()
            .Single(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == noun.DescribedBy).Name;
        var note = noun.Model.GetProperty("Comments") is null ? "Notes" : "Comments";
        return $$"""
            $held = @({{noun.Get}} | Where-Object { $_.PatternType -notin 'UNKNOWN', 'IP' })
            $desired = @($held | Select-Object -Skip 1 | Select-Object *)
            $desired[0].{{note}} = 'Synced by a test'
            $new = $held[0] | Select-Object *; $new.{{key}} = 'sync-' + $new.{{key}}
            $desired + $new | Sync-Es{{noun.Noun}} -Force
            """;
    }

    private static string Call(
        string command,
        IEnumerable<(PropertyInfo Parameter, string Name)> marked,
        JsonElement entry)
    {
        var arguments = marked
            .Select(m => (m.Parameter,
                Value: Value(m.Parameter, entry.TryGetProperty(m.Name, out var value) ? value : default)))
            .Where(a => a.Value is not null)
            .Select(a => a.Value!.Length == 0 ? $"-{a.Parameter.Name}" : $"-{a.Parameter.Name} {a.Value}");
        return string.Join(" ", new[] { command }.Concat(arguments));
    }

    /// <summary>The argument for a parameter: "" for a switch given bare, null for one left out.</summary>
    private static string? Value(PropertyInfo parameter, JsonElement fromEntry)
    {
        var type = Nullable.GetUnderlyingType(parameter.PropertyType) ?? parameter.PropertyType;
        var set = parameter.GetCustomAttribute<ValidateSetAttribute>()?.ValidValues;
        string Text(JsonElement value) =>
            value.ValueKind == JsonValueKind.String && (set is null || set.Contains(value.GetString()!))
                ? Quote(value.GetString()!)
                : Quote(set?[0] ?? "example");
        if (type == typeof(SwitchParameter))
        {
            return fromEntry.ValueKind == JsonValueKind.True ? string.Empty : null;
        }

        if (type == typeof(bool))
        {
            return fromEntry.ValueKind == JsonValueKind.False ? "$false" : "$true";
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return fromEntry.ValueKind == JsonValueKind.Number ? fromEntry.GetRawText() : "1";
        }

        if (type == typeof(string[]))
        {
            var items = fromEntry.ValueKind == JsonValueKind.Array
                ? fromEntry.EnumerateArray().Select(Text).Distinct().ToList()
                : [];
            return items.Count > 0 ? string.Join(", ", items) : Text(fromEntry);
        }

        return Text(fromEntry);
    }

    private static string Quote(string text) => "'" + text.Replace("'", "''") + "'";

    private static IEnumerable<(PropertyInfo Parameter, string Name)> Marked<TAttribute>(
        string command,
        Func<TAttribute, string> name)
        where TAttribute : Attribute =>
        SettingsNoun.CmdletType(command).GetProperties()
            .Where(p => p.GetCustomAttribute<ParameterAttribute>() is not null
                && p.GetCustomAttribute<TAttribute>() is not null)
            .Select(p => (p, name(p.GetCustomAttribute<TAttribute>()!)));
}
