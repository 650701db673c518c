using System.Collections;
using System.Reflection;

namespace EmailSecurity.ViewBuilder;

/// <summary>One column of a table view or item of a list view: a property of the type, how it is shown.</summary>
public sealed record ViewItem(
    string Property,
    string Label,
    int Position,
    int? Width,
    bool AlignRight,
    string? Script,
    string? Condition)
{
    /// <summary>
    /// Whether the label is another name than the property's: the objects get an alias property of it.
    /// </summary>
    public bool Aliased => Label != Property;
}

/// <summary>The table and list views of one type, and the properties its labels name.</summary>
public sealed record TypeViews(
    string TypeName,
    IReadOnlyList<ViewItem> Columns,
    IReadOnlyList<ViewItem> Items,
    (string Property, string Label)? Group)
{
    /// <summary>The labels that are not their property's name, each once, with the property each stands for.</summary>
    public IEnumerable<(string Alias, string Property)> Aliases =>
        Columns.Concat(Items).Where(i => i.Aliased).Select(i => (i.Label, i.Property)).Distinct();
}

/// <summary>
/// Reads the views of a module's types from their attributes, by the attributes' names (the tool does not reference the
/// module): <c>[TableColumn(position)]</c> and <c>[ListItem(position)]</c> on properties, <c>[ViewGroup]</c> and
/// <c>[ColumnWidth]</c> on classes (inherited from base classes). A date is shown in local time (to the minute in a
/// table, to the second in a list), a flag in a table as Yes or No, a list joined with commas; a hand-tuned script
/// replaces that.
/// </summary>
public static class ViewModel
{
    private const string TableColumn = "EmailSecurity.Models.TableColumnAttribute";
    private const string ListItem = "EmailSecurity.Models.ListItemAttribute";
    private const string ViewGroup = "EmailSecurity.Models.ViewGroupAttribute";
    private const string ColumnWidth = "EmailSecurity.Models.ColumnWidthAttribute";

    /// <summary>
    /// The views of every concrete type of <paramref name="assembly"/> that marks a property, by type name.
    /// </summary>
    public static IReadOnlyList<TypeViews> Read(Assembly assembly)
    {
        var views = new List<TypeViews>();
        var problems = new List<string>();
        foreach (var type in assembly.GetTypes().Where(t => t.IsPublic && !t.IsAbstract)
            .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
            var widths = Attributes(type, ColumnWidth, inherit: true)
                .GroupBy(a => (string)a.ConstructorArguments[0].Value!)
                .ToDictionary(g => g.Key, g => (int)g.First().ConstructorArguments[1].Value!);
            var columns = Marked(properties, TableColumn, (property, attribute) => Column(property, attribute, widths));
            var items = Marked(properties, ListItem, Item);
            if (columns.Count == 0 && items.Count == 0)
            {
                continue;
            }

            var group = Attributes(type, ViewGroup, inherit: true).Select(a => (
                (string)a.ConstructorArguments[0].Value!, (string)a.ConstructorArguments[1].Value!)).FirstOrDefault();
            var typeViews = new TypeViews(type.FullName!, columns, items, group == default ? null : group);
            problems.AddRange(Problems(type, typeViews));
            views.Add(typeViews);
        }

        return problems.Count == 0 ? views : throw new FormatException(string.Join(Environment.NewLine, problems));
    }

    private static IEnumerable<string> Problems(Type type, TypeViews views)
    {
        if (views.Columns.Count == 0 || views.Items.Count == 0)
        {
            yield return $"{type.FullName} has {(views.Columns.Count == 0 ? "no [TableColumn]" : "no [ListItem]")}: " +
                "every type with a view has a table view and a list view.";
        }

        foreach (var (alias, property) in views.Aliases)
        {
            var taken = type.GetProperty(alias, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (taken is not null)
            {
                yield return $"{type.FullName}: the label {alias} of {property} is the name of another property; a " +
                    "label must work as a property, so give it another.";
            }
        }

        foreach (var clash in views.Aliases.GroupBy(a => a.Alias, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1))
        {
            yield return $"{type.FullName}: the label {clash.Key} stands for " +
                $"{string.Join(" and ", clash.Select(a => a.Property))}; it can be a property of one.";
        }

        foreach (var view in new[] { views.Columns, views.Items })
        {
            foreach (var same in view.GroupBy(i => i.Position).Where(g => g.Count() > 1))
            {
                yield return $"{type.FullName}: {string.Join(" and ", same.Select(i => i.Property))} have the same " +
                    $"position {same.Key}.";
            }
        }
    }

    private static ViewItem Column(
        PropertyInfo property,
        CustomAttributeData attribute,
        IReadOnlyDictionary<string, int> widths)
    {
        var label = Named<string>(attribute, "Label") ?? property.Name;
        var width = widths.TryGetValue(property.Name, out var tuned) ? tuned : Named<int>(attribute, "Width");
        var script = Named<string>(attribute, "Script")
            ?? (Named<bool>(attribute, "Raw") ? null : Shown(property, table: true));
        return new ViewItem(property.Name, label, (int)attribute.ConstructorArguments[0].Value!,
            width == 0 ? null : width, Named<bool>(attribute, "AlignRight"), script, null);
    }

    private static ViewItem Item(PropertyInfo property, CustomAttributeData attribute)
    {
        var label = Named<string>(attribute, "Label") ?? property.Name;
        var script = Named<string>(attribute, "Script") ?? Shown(property, table: false);
        var condition = !Named<bool>(attribute, "WhenSet") ? null
            : Underlying(property.PropertyType) is { IsValueType: true } type && type != typeof(bool)
            ? $"$_.{property.Name} -ne $null"
            : $"$_.{property.Name}";
        return new ViewItem(property.Name, label, (int)attribute.ConstructorArguments[0].Value!, null, false, script,
            condition);
    }

    /// <summary>
    /// The script block that shows the property as its type is shown, or null to show it as PowerShell does.
    /// </summary>
    private static string? Shown(PropertyInfo property, bool table)
    {
        var type = Underlying(property.PropertyType);
        var name = property.Name;
        if (type == typeof(DateTimeOffset))
        {
            var format = table ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss";
            return $"if ($_.{name}) {{ $_.{name}.LocalDateTime.ToString('{format}', " +
                "[cultureinfo]::InvariantCulture) }";
        }

        if (type == typeof(bool))
        {
            return table ? $"if ($_.{name}) {{ 'Yes' }} else {{ 'No' }}" : null;
        }

        return type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) ? $"$_.{name} -join ', '" : null;
    }

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static List<ViewItem> Marked(
        PropertyInfo[] properties,
        string attributeName,
        Func<PropertyInfo, CustomAttributeData, ViewItem> read) =>
        properties
            .Select(p => (Property: p,
                Attribute: p.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == attributeName)))
            .Where(p => p.Attribute is not null)
            .Select(p => read(p.Property, p.Attribute!))
            .OrderBy(i => i.Position)
            .ToList();

    private static IEnumerable<CustomAttributeData> Attributes(Type type, string attributeName, bool inherit)
    {
        for (var current = type; current is not null; current = inherit ? current.BaseType : null)
        {
            foreach (var attribute in current.GetCustomAttributesData()
                .Where(a => a.AttributeType.FullName == attributeName))
            {
                yield return attribute;
            }
        }
    }

    private static T? Named<T>(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => (T?)a.TypedValue.Value).FirstOrDefault();
}
