using System.Management.Automation;
using System.Reflection;
using EmailSecurity.Client;
using EmailSecurity.Cmdlets;
using EmailSecurity.Cmdlets.Settings;

namespace EmailSecurity.Tests.Infrastructure;

/// <summary>
/// One settings list of the module (allow policies, blocked senders, ...) as its cmdlet types declare it: the shared
/// settings tests are generated from <see cref="All"/>, so a new list gets them without a row anywhere.
/// </summary>
public sealed record SettingsNoun(
    string Resource,
    Type Model,
    string Get,
    string? New,
    string Set,
    string Remove,
    string DescribedBy)
{
    /// <summary>The list's operations, from the catalog.</summary>
    internal ApiCollection Collection => ApiCatalog.CollectionOf(Model);

    /// <summary>
    /// Every settings list the module has, by the path segment under /settings (e.g. "allow_policies").
    /// </summary>
    public static IReadOnlyList<SettingsNoun> All { get; } = Find();

    public static SettingsNoun Of(string resource) => All.Single(n => n.Resource == resource);

    /// <summary>The noun of the cmdlets without "Es", e.g. "AllowPolicy" (Get-EsAllowPolicy).</summary>
    public string Noun => Get["Get-Es".Length..];

    /// <summary>The New, Set and Remove cmdlets: every one that changes the list.</summary>
    public IEnumerable<string> Changes => new[] { New, Set, Remove }.OfType<string>();

    /// <summary>
    /// One field for Set to change that needs no particular entry to be valid: a bool field, else the first allowed
    /// value of a field with a set, else the comments, e.g. "-IsRecent $true".
    /// </summary>
    public string SetField => FieldToSet(CmdletType(Set));

    private static List<SettingsNoun> Find()
    {
        var commands = typeof(EsConnection).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(ISettingsCommand).IsAssignableFrom(t)
                && t.GetCustomAttribute<CmdletAttribute>() != null)
            .Select(t => (Type: t, Cmdlet: t.GetCustomAttribute<CmdletAttribute>()!,
                Collection: ((ISettingsCommand)Activator.CreateInstance(t)!).Collection))
            .ToList();
        return commands
            .GroupBy(c => c.Collection.Route, StringComparer.Ordinal)
            .Select(g =>
            {
                string? Named(string verb) =>
                    g.Where(c => c.Cmdlet.VerbName == verb).Select(c => $"{verb}-{c.Cmdlet.NounName}")
                        .SingleOrDefault();
                var get = g.Single(c => c.Cmdlet.VerbName == VerbsCommon.Get);
                return new SettingsNoun(
                    g.Key["/settings/".Length..],
                    get.Type.GetCustomAttribute<OutputTypeAttribute>()!.Type.Single().Type,
                    Named(VerbsCommon.Get)!,
                    Named(VerbsCommon.New),
                    Named(VerbsCommon.Set) ?? throw new InvalidOperationException($"{g.Key} has no Set cmdlet"),
                    Named(VerbsCommon.Remove) ?? throw new InvalidOperationException($"{g.Key} has no Remove cmdlet"),
                    get.Collection.DescribedBy[0]);
            })
            .OrderBy(n => n.Resource, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The class of one of the module's cmdlets, by its name (Get-EsTrustedDomain).</summary>
    public static Type CmdletType(string name) => typeof(EsConnection).Assembly.GetTypes()
        .Single(t => t.GetCustomAttribute<CmdletAttribute>() is { } a && $"{a.VerbName}-{a.NounName}" == name);

    private static string FieldToSet(Type cmdlet)
    {
        var fields = cmdlet.GetProperties().Where(p => p.GetCustomAttribute<ApiFieldAttribute>() != null).ToList();
        if (fields.FirstOrDefault(p => p.PropertyType == typeof(bool)) is { } flag)
        {
            return $"-{flag.Name} $true";
        }

        if (fields.Select(p => (p.Name, Set: p.GetCustomAttribute<ValidateSetAttribute>()))
            .FirstOrDefault(f => f.Set != null) is { Set: not null } choice)
        {
            return $"-{choice.Name} '{choice.Set.ValidValues[0]}'";
        }

        if (fields.FirstOrDefault(p => p.GetCustomAttribute<ApiFieldAttribute>()!.Name == "comments") is { } comments)
        {
            return $"-{comments.Name} 'Changed by a test'";
        }

        throw new InvalidOperationException($"{cmdlet.Name}: no bool field, no field with a set of values and no " +
            "comments; say here what the shared tests may set");
    }
}
