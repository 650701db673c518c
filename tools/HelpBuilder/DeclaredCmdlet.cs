using System.Globalization;

namespace EmailSecurity.HelpBuilder;

// What the compiled cmdlets declare: the source of every fact of help that is not prose (syntax, types, positions,
// pipeline input, aliases, accepted values, defaults the code sets, output types). Read by ModuleReader.

/// <summary>One exported cmdlet of the module as the engine sees it.</summary>
public sealed class DeclaredCmdlet
{
    public required string Name { get; init; }

    public required Type ImplementingType { get; init; }

    /// <summary>The parameter sets, the default set first, then in the engine's order.</summary>
    public required IReadOnlyList<DeclaredParameterSet> ParameterSets { get; init; }

    /// <summary>
    /// Every parameter except the common ones (-WhatIf and -Confirm are kept, as platyPS keeps them), hidden ones
    /// (DontShow) included, ordered by name.
    /// </summary>
    public required IReadOnlyList<DeclaredParameter> Parameters { get; init; }

    /// <summary>The types of the [OutputType] attributes, in declaration order, without System.Void.</summary>
    public required IReadOnlyList<Type> OutputTypes { get; init; }

    /// <summary>True when an [OutputType] names System.Void: the cmdlet writes nothing.</summary>
    public required bool DeclaresNoOutput { get; init; }

    public IEnumerable<DeclaredParameter> VisibleParameters => Parameters.Where(p => !p.IsHidden);

    public DeclaredParameter? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The part of the name after the first dash ("EsTrustedDomain").</summary>
    public string Noun => Name.Substring(Name.IndexOf('-') + 1);
}

/// <summary>A parameter of a cmdlet, with what it declares in each of its parameter sets.</summary>
public sealed class DeclaredParameter
{
    public required string Name { get; init; }

    public required Type Type { get; init; }

    public required IReadOnlyList<string> Aliases { get; init; }

    /// <summary>The values of a [ValidateSet], or the names of an enum type; empty when any value goes.</summary>
    public required IReadOnlyList<string> AcceptedValues { get; init; }

    /// <summary>
    /// The value a new instance of the cmdlet holds (PageSize = 1000), or null when the code sets none.
    /// </summary>
    public required string? DefaultValue { get; init; }

    public required bool SupportsWildcards { get; init; }

    /// <summary>[Parameter(DontShow = true)]: left out of syntax and help, as Get-Command leaves it out.</summary>
    public required bool IsHidden { get; init; }

    public required IReadOnlyList<SetMembership> Sets { get; init; }

    public bool IsSwitch => Type == typeof(System.Management.Automation.SwitchParameter);

    /// <summary>The type as help shows it: String, String[], SwitchParameter, EsConnection.</summary>
    public string TypeName => DisplayName(Type);

    public bool IsMandatoryInAnySet => Sets.Any(s => s.IsMandatory);

    public bool ByValue => Sets.Any(s => s.ByValue);

    public bool ByPropertyName => Sets.Any(s => s.ByPropertyName);

    /// <summary>The positions over all sets ("0", "0, 1") or "named".</summary>
    public string Position
    {
        get
        {
            var positions =
                Sets.Where(s => s.Position is not null).Select(s => s.Position!.Value).Distinct().Order().ToList();
            return positions.Count == 0
                ? "named"
                : string.Join(", ", positions.Select(p => p.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>
    /// platyPS's "Accept pipeline input" over all sets: False, True (ByValue), True (ByPropertyName, ByValue).
    /// </summary>
    public string PipelineInput => PipelineText(ByValue, ByPropertyName);

    public static string PipelineText(bool byValue, bool byPropertyName)
    {
        var ways =
            new[] { byPropertyName ? "ByPropertyName" : null, byValue ? "ByValue" : null }.OfType<string>().ToList();
        return ways.Count == 0 ? "False" : $"True ({string.Join(", ", ways)})";
    }

    public static string DisplayName(Type type)
    {
        if (type.IsArray)
        {
            return DisplayName(type.GetElementType()!) + "[]";
        }

        if (Nullable.GetUnderlyingType(type) is Type underlying)
        {
            return DisplayName(underlying);
        }

        if (type.IsGenericType)
        {
            string name = type.Name.Substring(0, type.Name.IndexOf('`'));
            return $"{name}[{string.Join(", ", type.GetGenericArguments().Select(DisplayName))}]";
        }

        return type.Name;
    }
}

/// <summary>How a parameter takes part in one parameter set.</summary>
public sealed record SetMembership(string SetName, bool IsMandatory, int? Position, bool ByValue, bool ByPropertyName)
{
    public string PipelineInput => DeclaredParameter.PipelineText(ByValue, ByPropertyName);

    public string PositionText => Position?.ToString(CultureInfo.InvariantCulture) ?? "named";
}

/// <summary>One parameter set and its visible parameters in the order the syntax shows them.</summary>
public sealed class DeclaredParameterSet
{
    /// <summary>The name used for a cmdlet that declares no named set.</summary>
    public const string AllParameterSets = "__AllParameterSets";

    public required string Name { get; init; }

    public required bool IsDefault { get; init; }

    /// <summary>Positional parameters by position, then mandatory ones, then the rest, in the engine's order.</summary>
    public required IReadOnlyList<(DeclaredParameter Parameter, SetMembership Membership)> Members { get; init; }
}
