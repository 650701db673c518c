using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace EmailSecurity.HelpBuilder;

/// <summary>
/// Writes <see cref="CommandHelp"/> objects as one MAML help file, in the shape platyPS's
/// New-ExternalHelp produces and PowerShell's help system reads for binary cmdlets
/// (&lt;Assembly&gt;.dll-Help.xml next to the assembly, in a culture folder such as en-US).
/// The output depends only on the input: commands are sorted by name, the text is UTF-8 with a
/// byte order mark, lines end with LF.
/// </summary>
public static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private static readonly XNamespace MSHelp = "http://msdn.microsoft.com/mshelp";

    /// <summary>The width platyPS pads example titles to with dashes.</summary>
    private const int ExampleTitleWidth = 64;

    private const int MinimumTitleDashes = 10;

    public static XDocument CreateDocument(IEnumerable<CommandHelp> commands)
    {
        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems",
                new XAttribute("schema", "maml"),
                commands.OrderBy(c => c.Name, StringComparer.Ordinal).Select(CreateCommand)));
    }

    /// <summary>The bytes of the MAML file: UTF-8 with BOM, two-space indent, LF line ends.</summary>
    public static byte[] Serialize(IEnumerable<CommandHelp> commands)
    {
        XDocument document = CreateDocument(commands);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };

        using var stream = new MemoryStream();
        using (XmlWriter writer = XmlWriter.Create(stream, settings))
        {
            document.Save(writer);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static XElement CreateCommand(CommandHelp command)
    {
        HelpPage page = command.Page;
        return new XElement(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MSHelp),
            new XElement(Command + "details",
                new XElement(Command + "name", command.Name),
                new XElement(Command + "verb", command.Verb),
                new XElement(Command + "noun", command.Noun),
                new XElement(Maml + "description", Paragraphs(page.Synopsis))),
            new XElement(Maml + "description", Paragraphs(page.Description)),
            new XElement(Command + "syntax",
                command.Cmdlet.ParameterSets.Select(set => CreateSyntaxItem(command, set))),
            new XElement(Command + "parameters", command.Parameters.Select(p => CreateParameter(
                p, p.Declared.IsMandatoryInAnySet, p.Declared.Position, p.Declared.PipelineInput, inSyntax: false))),
            new XElement(Command + "inputTypes", command.Inputs.Select(t => CreateType(Command + "inputType", t))),
            new XElement(Command + "returnValues", command.Outputs.Select(t => CreateType(Command + "returnValue", t))),
            new XElement(Maml + "alertSet",
                new XElement(Maml + "alert", Paragraphs(page.Notes))),
            new XElement(Command + "examples", page.Examples.Select(CreateExample)),
            new XElement(Command + "relatedLinks", CreateLinks(page)));
    }

    private static IEnumerable<XElement> Paragraphs(IEnumerable<ProseBlock> prose) =>
        prose.SelectMany(block => block.Paragraphs).Select(text => new XElement(Maml + "para", text));

    private static XElement CreateSyntaxItem(CommandHelp command, DeclaredParameterSet set)
    {
        return new XElement(Command + "syntaxItem",
            new XElement(Maml + "name", command.Name),
            set.Members.Select(m => CreateParameter(
                command.Parameter(m.Parameter), m.Membership.IsMandatory, m.Membership.PositionText,
                m.Membership.PipelineInput, inSyntax: true)));
    }

    /// <summary>
    /// A &lt;command:parameter&gt;. In a syntax item a switch has no parameterValue (so the syntax
    /// reads [-PassThru], not [-PassThru &lt;SwitchParameter&gt;]) and accepted values are listed in a
    /// parameterValueGroup (shown as {A | B}); both are platyPS's rules.
    /// </summary>
    private static XElement CreateParameter(
        ParameterHelp parameter,
        bool required,
        string position,
        string pipelineInput,
        bool inSyntax)
    {
        DeclaredParameter declared = parameter.Declared;
        return new XElement(Command + "parameter",
            new XAttribute("required", Bool(required)),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", Bool(declared.SupportsWildcards)),
            new XAttribute("pipelineInput", pipelineInput),
            new XAttribute("position", position),
            new XAttribute("aliases", declared.Aliases.Count > 0 ? string.Join(", ", declared.Aliases) : "none"),
            new XElement(Maml + "name", parameter.Name),
            new XElement(Maml + "description", Paragraphs(parameter.Description)),
            inSyntax && declared.AcceptedValues.Count > 0
                ? new XElement(Command + "parameterValueGroup",
                    declared.AcceptedValues.Select(value => new XElement(Command + "parameterValue",
                        new XAttribute("required", "false"),
                        new XAttribute(Command + "variableLength", "false"),
                        value)))
                : null,
            inSyntax && declared.IsSwitch
                ? null
                : new XElement(Command + "parameterValue",
                    new XAttribute("required", Bool(!declared.IsSwitch)),
                    new XAttribute("variableLength", "false"),
                    declared.TypeName),
            new XElement(Dev + "type",
                new XElement(Maml + "name", declared.TypeName),
                new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", parameter.DefaultValue));
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static XElement CreateType(XName elementName, TypeHelp type)
    {
        return new XElement(elementName,
            new XElement(Dev + "type",
                new XElement(Maml + "name", type.TypeName)),
            new XElement(Maml + "description", Paragraphs(type.Description)));
    }

    private static XElement CreateExample(ExampleHelp example)
    {
        return new XElement(Command + "example",
            new XElement(Maml + "title", PadExampleTitle(example.Title)),
            example.Introduction.Count > 0
                ? new XElement(Maml + "introduction", Paragraphs(example.Introduction))
                : null,
            new XElement(Dev + "code", example.Code),
            new XElement(Dev + "remarks", Paragraphs(example.Remarks)));
    }

    /// <summary>
    /// "Example 1: Title" becomes "------- Example 1: Title -------": padded with dashes to 64
    /// characters as platyPS does, with at least <see cref="MinimumTitleDashes"/> dashes on each side
    /// (platyPS leaves a long title bare; the banner keeps examples easy to find in Get-Help -Full).
    /// </summary>
    public static string PadExampleTitle(string title)
    {
        int side = Math.Max(MinimumTitleDashes, (ExampleTitleWidth - title.Length - 2) / 2);
        string dashes = new('-', side);
        return $"{dashes} {title} {dashes}";
    }

    /// <summary>
    /// Related links; the front matter's "online version" comes first, as "Online Version:", so
    /// Get-Help -Online opens it. A relative link between pages ("Get-EsMessage.md") keeps its text
    /// and gets an empty uri: Get-Help lists it by name.
    /// </summary>
    private static IEnumerable<XElement> CreateLinks(HelpPage page)
    {
        if (page.OnlineVersion is not null)
        {
            yield return Link("Online Version:", page.OnlineVersion);
        }

        foreach (RelatedLink link in page.RelatedLinks)
        {
            yield return Link(link.Text, link.IsWebUri ? link.Uri : string.Empty);
        }
    }

    private static XElement Link(string text, string uri) =>
        new(Maml + "navigationLink",
            new XElement(Maml + "linkText", text),
            new XElement(Maml + "uri", uri));
}
