using System.Text;
using System.Xml.Linq;

namespace EmailSecurity.ViewBuilder;

/// <summary>The format file (a table view first, the default, then a list view per type) and the types file.</summary>
public static class ViewFiles
{
    public const string FormatFile = "EmailSecurity.Format.ps1xml";

    public const string TypesFile = "EmailSecurity.Types.ps1xml";

    private const string Generated = " Written by the build (tools/ViewBuilder) from the view attributes of the " +
        "module's types; do not edit. ";

    public static string Format(IReadOnlyList<TypeViews> views) => Text(new XElement(
        "Configuration",
        new XElement("ViewDefinitions", views.SelectMany(v => new[] { Table(v), List(v) }))));

    /// <summary>
    /// An alias property for every label that is not its property's name, so every label works as a property.
    /// </summary>
    public static string Types(IReadOnlyList<TypeViews> views) => Text(new XElement(
        "Types",
        views.Where(v => v.Aliases.Any()).Select(v => new XElement(
            "Type",
            new XElement("Name", v.TypeName),
            new XElement("Members", v.Aliases.Select(a => new XElement(
                "AliasProperty", new XElement("Name", a.Alias), new XElement("ReferencedMemberName", a.Property))))))));

    private static XElement Table(TypeViews views) => new(
        "View",
        new XElement("Name", views.TypeName),
        new XElement("ViewSelectedBy", new XElement("TypeName", views.TypeName)),
        views.Group is { } group
            ? new XElement("GroupBy", new XElement("PropertyName", group.Property), new XElement("Label", group.Label))
            : null,
        new XElement(
            "TableControl",
            new XElement("TableHeaders", views.Columns.Select(c => new XElement(
                "TableColumnHeader",
                new XElement("Label", c.Label),
                c.Width is { } width ? new XElement("Width", width) : null,
                c.AlignRight ? new XElement("Alignment", "Right") : null))),
            new XElement("TableRowEntries", new XElement("TableRowEntry", new XElement(
                "TableColumnItems", views.Columns.Select(c => new XElement("TableColumnItem", Value(c))))))));

    private static XElement List(TypeViews views) => new(
        "View",
        new XElement("Name", views.TypeName + ".List"),
        new XElement("ViewSelectedBy", new XElement("TypeName", views.TypeName)),
        new XElement("ListControl", new XElement("ListEntries", new XElement("ListEntry", new XElement(
            "ListItems",
            views.Items.Select(i => new XElement(
                "ListItem",
                i.Condition is { } condition
                    ? new XElement("ItemSelectionCondition", new XElement("ScriptBlock", condition))
                    : null,
                i.Aliased || i.Script is not null ? new XElement("Label", i.Label) : null,
                Value(i))))))));

    private static XElement Value(ViewItem item) =>
        item.Script is { } script ? new XElement("ScriptBlock", script) : new XElement("PropertyName", item.Property);

    private static string Text(XElement root)
    {
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XComment(Generated), root);
        var text = new StringBuilder();
        using (var writer = new Utf8StringWriter(text))
        {
            document.Save(writer, SaveOptions.None);
        }

        return text.Replace("\r\n", "\n").Append('\n').ToString();
    }

    private sealed class Utf8StringWriter(StringBuilder text) : StringWriter(text)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
