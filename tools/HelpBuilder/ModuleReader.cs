using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;

namespace EmailSecurity.HelpBuilder;

/// <summary>
/// Reads what the module's cmdlets declare by importing its manifest into the PowerShell 7.6 engine, the way a
/// person's Import-Module does, and asking the engine (CmdletInfo, ParameterMetadata, CommandParameterSetInfo).
/// The engine, not a second reading of the attributes, decides parameter sets, inherited parameters, the
/// -WhatIf/-Confirm and paging parameters, so help shows what Get-Command shows.
/// </summary>
public static class ModuleReader
{
    /// <summary>Imports the manifest in a runspace of its own and describes every exported cmdlet, by name.</summary>
    public static IReadOnlyList<DeclaredCmdlet> Read(string manifestPath)
    {
        using Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        Runspace? previous = Runspace.DefaultRunspace;
        Runspace.DefaultRunspace = runspace;
        try
        {
            using PowerShell shell = PowerShell.Create(runspace);
            shell.AddCommand("Import-Module")
                .AddParameter("Name", manifestPath)
                .AddParameter("PassThru")
                .AddParameter("ErrorAction", ActionPreference.Stop);
            var module = (PSModuleInfo)shell.Invoke().Single().BaseObject;
            return module.ExportedCmdlets.Values
                .OrderBy(c => c.Name, StringComparer.Ordinal)
                .Select(Describe)
                .ToList();
        }
        finally
        {
            Runspace.DefaultRunspace = previous;
        }
    }

    /// <summary>Describes one cmdlet of a runspace (the tests pass the ones their own engine imported).</summary>
    public static DeclaredCmdlet Describe(CmdletInfo cmdlet)
    {
        var setNames = cmdlet.ParameterSets.Select(s => s.Name).ToList();
        object? instance = CreateInstance(cmdlet.ImplementingType);
        var parameters = cmdlet.Parameters.Values
            .Where(p => !Cmdlet.CommonParameters.Contains(p.Name))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => DescribeParameter(p, setNames, instance))
            .ToList();

        var sets = new List<DeclaredParameterSet>();
        foreach (CommandParameterSetInfo set in cmdlet.ParameterSets.OrderByDescending(s => s.IsDefault))
        {
            var members = new List<(DeclaredParameter, SetMembership)>();
            foreach (CommandParameterInfo info in set.Parameters)
            {
                DeclaredParameter? parameter = parameters.FirstOrDefault(p => p.Name == info.Name);
                if (parameter is null || parameter.IsHidden)
                {
                    continue;
                }

                members.Add((parameter, parameter.Sets.Single(s => s.SetName == set.Name)));
            }

            sets.Add(new DeclaredParameterSet
            {
                Name = set.Name,
                IsDefault = set.IsDefault || cmdlet.ParameterSets.Count == 1,
                Members = members
                    .OrderBy(m => m.Item2.Position is null ? 1 : 0)
                    .ThenBy(m => m.Item2.Position ?? 0)
                    .ThenBy(m => m.Item2.IsMandatory ? 0 : 1)
                    .ToList(),
            });
        }

        var outputTypes = cmdlet.OutputType.Select(t => t.Type).OfType<Type>().ToList();
        return new DeclaredCmdlet
        {
            Name = cmdlet.Name,
            ImplementingType = cmdlet.ImplementingType,
            ParameterSets = sets,
            Parameters = parameters,
            OutputTypes = outputTypes.Where(t => t != typeof(void)).Distinct().ToList(),
            DeclaresNoOutput = outputTypes.Contains(typeof(void)),
        };
    }

    private static DeclaredParameter DescribeParameter(
        ParameterMetadata parameter,
        List<string> setNames,
        object? instance)
    {
        var memberships = new List<SetMembership>();
        foreach ((string setName, ParameterSetMetadata set) in parameter.ParameterSets)
        {
            IEnumerable<string> names = setName == ParameterAttribute.AllParameterSets ? setNames : [setName];
            memberships.AddRange(names.Select(name => new SetMembership(
                name,
                set.IsMandatory,
                set.Position == int.MinValue ? null : set.Position,
                set.ValueFromPipeline,
                set.ValueFromPipelineByPropertyName)));
        }

        return new DeclaredParameter
        {
            Name = parameter.Name,
            Type = parameter.ParameterType,
            Aliases = parameter.Aliases.Order(StringComparer.OrdinalIgnoreCase).ToList(),
            AcceptedValues = AcceptedValues(parameter),
            DefaultValue = DefaultValue(instance, parameter.Name),
            SupportsWildcards = parameter.Attributes.OfType<SupportsWildcardsAttribute>().Any(),
            IsHidden = parameter.Attributes.OfType<ParameterAttribute>().Any(a => a.DontShow),
            Sets = memberships.OrderBy(m => setNames.IndexOf(m.SetName)).ToList(),
        };
    }

    private static IReadOnlyList<string> AcceptedValues(ParameterMetadata parameter)
    {
        if (parameter.Attributes.OfType<ValidateSetAttribute>().FirstOrDefault() is { } validateSet)
        {
            return validateSet.ValidValues.ToList();
        }

        Type type = parameter.ParameterType.IsArray
            ? parameter.ParameterType.GetElementType()!
            : parameter.ParameterType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsEnum ? Enum.GetNames(type) : [];
    }

    private static object? CreateInstance(Type type)
    {
        try
        {
            return Activator.CreateInstance(type);
        }
        catch (Exception e) when (e is TargetInvocationException or MissingMethodException or MemberAccessException)
        {
            // No defaults from the code for this cmdlet; help says None, or what the prose says.
            return null;
        }
    }

    /// <summary>
    /// The value a fresh cmdlet holds when the code initialises the property (PageSize = 1000), or null when it
    /// holds its type's default (null, 0, false), which means "not given" rather than a value.
    /// </summary>
    private static string? DefaultValue(object? instance, string name)
    {
        PropertyInfo? property = null;
        for (Type? type = instance?.GetType(); type is not null && property is null; type = type.BaseType)
        {
            property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
        }

        object? value = property?.CanRead == true ? property.GetValue(instance) : null;
        switch (value)
        {
            case null:
            case SwitchParameter { IsPresent: false }:
                return null;
            case string text:
                return text.Length == 0 ? null : text;
            case IEnumerable items:
                var texts =
                    items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture)).ToList();
                return texts.Count == 0 ? null : string.Join(", ", texts);
        }

        Type valueType = value.GetType();
        if (valueType.IsValueType && value.Equals(Activator.CreateInstance(valueType)))
        {
            return null;
        }

        return Convert.ToString(value, CultureInfo.InvariantCulture);
    }
}
