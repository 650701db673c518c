using System.Management.Automation;
using System.Reflection;

namespace EmailSecurity.HelpBuilder;

/// <summary>A problem with the help sources, printed as "file(line): error: message" (MSBuild's form).</summary>
public sealed record HelpError(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location.File}({Location.Line}): error: {Message}";
}

/// <summary>The shared parameter text (docs/parameters.md): one entry per parameter name.</summary>
public sealed record SharedParameters(string File, IReadOnlyList<ParameterText> Entries)
{
    public ParameterText? Find(string name) =>
        Entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Joins the prose (cmdlet pages and the shared parameter text) with what the compiled cmdlets declare, and refuses
/// what would let the two drift apart: a page for a cmdlet the module does not export, a cmdlet without a page, a
/// parameter without text, text for a parameter the cmdlet lacks, a page repeating the shared text, shared text
/// no cmdlet uses, a default stated twice, INPUTS and OUTPUTS entries the cmdlet does not declare.
/// </summary>
public sealed class HelpComposer
{
    public const string NoType = "None";

    private readonly IReadOnlyList<DeclaredCmdlet> cmdlets;
    private readonly SharedParameters shared;
    private readonly List<HelpError> errors = [];

    private HelpComposer(IReadOnlyList<DeclaredCmdlet> cmdlets, SharedParameters shared)
    {
        this.cmdlets = cmdlets;
        this.shared = shared;
    }

    /// <summary>
    /// The help of every cmdlet, or the errors; <paramref name="docsDir"/> names the page a cmdlet without one needs.
    /// </summary>
    public static (IReadOnlyList<CommandHelp> Commands, IReadOnlyList<HelpError> Errors) Compose(
        IReadOnlyList<DeclaredCmdlet> cmdlets, IReadOnlyList<HelpPage> pages, SharedParameters shared, string docsDir)
    {
        var composer = new HelpComposer(cmdlets, shared);
        var commands = composer.ComposeAll(pages, docsDir);
        return (commands, composer.errors);
    }

    private List<CommandHelp> ComposeAll(IReadOnlyList<HelpPage> pages, string docsDir)
    {
        var commands = new List<CommandHelp>();
        var documented = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (HelpPage page in pages)
        {
            string expectedFile = page.Name + ".md";
            if (!string.Equals(Path.GetFileName(page.Location.File), expectedFile, StringComparison.Ordinal))
            {
                Error(page.Location, $"the page of {page.Name} must be named {expectedFile}");
                continue;
            }

            DeclaredCmdlet? cmdlet =
                cmdlets.FirstOrDefault(c => string.Equals(c.Name, page.Name, StringComparison.Ordinal));
            if (cmdlet is null)
            {
                Error(page.Location, $"the module exports no cmdlet {page.Name}: rename the page to the cmdlet it " +
                    "documents, or delete it");
                continue;
            }

            documented.Add(cmdlet.Name);
            commands.Add(Compose(cmdlet, page));
        }

        foreach (DeclaredCmdlet cmdlet in cmdlets.Where(c => !documented.Contains(c.Name)))
        {
            Error(
                new SourceLocation(Path.Combine(docsDir, cmdlet.Name + ".md"), 1),
                $"the module exports {cmdlet.Name}, which has no help page: create this file (CONTRIBUTING.md, " +
                "'Adding an endpoint', says what it holds)");
        }

        CheckSharedTextIsUsed(pages);
        return commands;
    }

    private void Error(SourceLocation location, string message) => errors.Add(new HelpError(location, message));

    private CommandHelp Compose(DeclaredCmdlet cmdlet, HelpPage page)
    {
        foreach (ParameterText text in page.Parameters)
        {
            DeclaredParameter? declared = cmdlet.FindParameter(text.Name);
            if (declared is null || declared.IsHidden)
            {
                string why = declared is null ? "has no parameter" : "hides (DontShow) its parameter";
                Error(text.Location, $"{cmdlet.Name} {why} -{text.Name}: delete this entry, or fix its name");
            }
            else if (shared.Find(text.Name) is { } common && Normalize(common.Markdown) == Normalize(text.Markdown))
            {
                Error(text.Location, $"-{text.Name} repeats the shared text of {shared.File}({common.Location.Line}) " +
                    "word for word: delete this entry");
            }
        }

        var parameters = new List<ParameterHelp>();
        foreach (DeclaredParameter declared in cmdlet.VisibleParameters)
        {
            ParameterText? text = page.Parameters.FirstOrDefault(
                p => string.Equals(p.Name, declared.Name, StringComparison.OrdinalIgnoreCase))
                                  ?? shared.Find(declared.Name);
            if (text is null)
            {
                Error(
                    page.ParametersLocation,
                    $"-{declared.Name} of {cmdlet.Name} is documented neither on this page nor in {shared.File}: add " +
                    $"'### -{declared.Name}' to one of them");
                continue;
            }

            parameters.Add(new ParameterHelp
            {
                Declared = declared,
                Description = text.Description,
                DefaultValue = DefaultValue(cmdlet, declared, text),
            });
        }

        return new CommandHelp
        {
            Cmdlet = cmdlet,
            Page = page,
            Parameters = parameters,
            Inputs = Inputs(cmdlet, page),
            Outputs = Outputs(cmdlet, page),
        };
    }

    private static string Normalize(string markdown) =>
        string.Join(" ", markdown.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private string DefaultValue(DeclaredCmdlet cmdlet, DeclaredParameter declared, ParameterText text)
    {
        if (text.DefaultValue is not null && (declared.DefaultValue is not null || declared.IsSwitch))
        {
            string code = declared.DefaultValue ?? "False, as every switch";
            Error(text.Location, $"-{declared.Name} of {cmdlet.Name}: the code's default is {code}; delete " +
                $"'{PageReader.DefaultValueKey}'");
        }

        return declared.DefaultValue ?? text.DefaultValue ?? (declared.IsSwitch ? "False" : "None");
    }

    /// <summary>
    /// Shared text that no cmdlet shows (every cmdlet with the parameter has its own, or none has it).
    /// </summary>
    private void CheckSharedTextIsUsed(IReadOnlyList<HelpPage> pages)
    {
        foreach (ParameterText entry in shared.Entries)
        {
            bool used = cmdlets.Any(cmdlet =>
                cmdlet.FindParameter(entry.Name) is { IsHidden: false }
                && pages.FirstOrDefault(p => p.Name == cmdlet.Name)?.Parameters
                    .Any(p => string.Equals(p.Name, entry.Name, StringComparison.OrdinalIgnoreCase)) != true);
            if (!used)
            {
                Error(entry.Location, $"no cmdlet shows the shared text of -{entry.Name} (each cmdlet that has the " +
                    "parameter has its own text, or none has it): delete the entry");
            }
        }
    }

    /// <summary>
    /// What the cmdlet takes from the pipeline. The page's entries are kept when the type binds to a parameter (by
    /// value, or by property name through a property of the parameter's name or alias); parameters no entry covers
    /// get one written here: the parameter's type for input by value; for input by property name the output of the
    /// noun's Get cmdlet when it has the properties, else any object.
    /// </summary>
    private IReadOnlyList<TypeHelp> Inputs(DeclaredCmdlet cmdlet, HelpPage page)
    {
        // A hidden (DontShow) parameter only sees what is piped beside the visible ones (InputObject: whatever it is,
        // for its connection), so it makes no type an input of its own.
        var pipeline = cmdlet.Parameters.Where(p => !p.IsHidden && (p.ByValue || p.ByPropertyName)).ToList();
        var entries = new List<TypeHelp>();
        var covered = new HashSet<(DeclaredParameter, bool ByValue)>();
        foreach (TypeText text in page.Inputs)
        {
            if (text.TypeName == NoType)
            {
                if (pipeline.Count > 0)
                {
                    Error(text.Location,
                        $"{cmdlet.Name} takes pipeline input ({Names(pipeline)}), so INPUTS cannot be '{NoType}'");
                }

                entries.Add(new TypeHelp(NoType, text.Description));
                continue;
            }

            Type? type = TypeNames.Resolve(text.TypeName, cmdlet.ImplementingType.Assembly);
            if (type is null)
            {
                Error(text.Location, $"no type named {text.TypeName} is loaded with the module (write the full name, " +
                    "such as System.String)");
                continue;
            }

            var byValue = pipeline.Where(p => p.ByValue && Accepts(p.Type, type)).ToList();
            var byName = pipeline.Where(p => p.ByPropertyName && HasPropertyFor(type, p)).ToList();
            if (byValue.Count == 0 && byName.Count == 0)
            {
                string takes = pipeline.Count == 0
                    ? "nothing"
                    : string.Join("; ", pipeline.Select(p => $"-{p.Name} <{p.TypeName}> {p.PipelineInput}"));
                Error(text.Location, $"{text.TypeName} binds to no parameter of {cmdlet.Name} (it takes {takes})");
                continue;
            }

            covered.UnionWith(byValue.Select(p => (p, true)));
            covered.UnionWith(byName.Select(p => (p, false)));
            entries.Add(new TypeHelp(text.TypeName, text.Description));
        }

        foreach (var group in pipeline.Where(p => p.ByValue && !covered.Contains((p, true))).GroupBy(p => p.Type))
        {
            entries.Add(new TypeHelp(group.Key.FullName!, Generated($"Bound to {Names(group)} by value.")));
        }

        var uncovered = pipeline.Where(p => p.ByPropertyName && !covered.Contains((p, false))).ToList();
        DeclaredCmdlet? source = cmdlets.FirstOrDefault(c => c.Name == "Get-" + cmdlet.Noun);
        foreach (Type output in source?.OutputTypes ?? [])
        {
            var bound = uncovered.Where(p => HasPropertyFor(output, p)).ToList();
            if (bound.Count > 0)
            {
                entries.Add(new TypeHelp(output.FullName!,
                    Generated($"Objects from `{source!.Name}`, bound to {Names(bound)} by property name.")));
                uncovered.RemoveAll(bound.Contains);
            }
        }

        if (uncovered.Count > 0)
        {
            entries.Add(new TypeHelp(
                typeof(PSObject).FullName!,
                Generated($"Any object with a property named as {Names(uncovered)} (or an alias of it), bound to " +
                    "that parameter by property name.")));
        }

        if (entries.Count == 0)
        {
            entries.Add(new TypeHelp(NoType, Generated("You cannot pipe objects to this cmdlet.")));
        }

        return entries;
    }

    /// <summary>
    /// What the cmdlet writes: the types of its [OutputType] attributes, with the page's text where it has some.
    /// '<see cref="NoType"/>' is for a cmdlet that may write nothing (OutputType void, or -PassThru).
    /// </summary>
    private IReadOnlyList<TypeHelp> Outputs(DeclaredCmdlet cmdlet, HelpPage page)
    {
        var entries = new List<TypeHelp>();
        foreach (TypeText text in page.Outputs)
        {
            if (text.TypeName == NoType)
            {
                if (!cmdlet.DeclaresNoOutput && cmdlet.OutputTypes.Count > 0
                    && cmdlet.FindParameter("PassThru") is null)
                {
                    Error(text.Location, $"{cmdlet.Name} declares what it writes ([OutputType]) and has no " +
                        $"-PassThru, so OUTPUTS cannot say '{NoType}'");
                }

                entries.Add(new TypeHelp(NoType, text.Description));
                continue;
            }

            Type? declared = cmdlet.OutputTypes.FirstOrDefault(
                t => string.Equals(t.FullName, text.TypeName, StringComparison.OrdinalIgnoreCase));
            if (declared is null)
            {
                string declares = cmdlet.OutputTypes.Count == 0
                    ? "none"
                    : string.Join(", ", cmdlet.OutputTypes.Select(t => t.FullName));
                Error(text.Location,
                    $"{cmdlet.Name} declares no [OutputType] {text.TypeName} (it declares {declares})");
                continue;
            }

            entries.Add(new TypeHelp(declared.FullName!, text.Description));
        }

        foreach (Type type in cmdlet.OutputTypes.Where(t => !entries.Any(e => e.TypeName == t.FullName)))
        {
            entries.Add(new TypeHelp(type.FullName!, []));
        }

        if (entries.Count == 0 && cmdlet.DeclaresNoOutput)
        {
            entries.Add(new TypeHelp(NoType, Generated("This cmdlet writes nothing.")));
        }

        return entries;
    }

    /// <summary>Text the build writes; it has only code spans, so its markdown is also its plain text.</summary>
    private static IReadOnlyList<ProseBlock> Generated(string markdown) => [new ProseBlock(markdown, [markdown])];

    private static string Names(IEnumerable<DeclaredParameter> parameters) =>
        string.Join(", ", parameters.Select(p => $"`-{p.Name}`"));

    private static bool Accepts(Type parameterType, Type type) =>
        parameterType == typeof(object)
        || parameterType == typeof(PSObject)
        || parameterType.IsAssignableFrom(type)
        || (parameterType.IsArray && parameterType.GetElementType()!.IsAssignableFrom(type));

    /// <summary>True when objects of the type carry a property PowerShell binds to the parameter by name.</summary>
    private static bool HasPropertyFor(Type type, DeclaredParameter parameter)
    {
        if (type == typeof(object) || type == typeof(PSObject))
        {
            return true;
        }

        Type element = type.IsArray ? type.GetElementType()! : type;
        return parameter.Aliases.Prepend(parameter.Name)
            .Any(name => element.GetProperty(name,
                BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is not null);
    }
}

/// <summary>
/// Finds a type by the full name an author writes in INPUTS ("System.String[]", "EmailSecurity.Models.Message").
/// </summary>
public static class TypeNames
{
    public static Type? Resolve(string name, Assembly module)
    {
        if (name.EndsWith("[]", StringComparison.Ordinal))
        {
            return Resolve(name.Substring(0, name.Length - 2), module)?.MakeArrayType();
        }

        return module.GetType(name, throwOnError: false, ignoreCase: true)
               ?? AppDomain.CurrentDomain.GetAssemblies()
                   .Select(a => a.GetType(name, throwOnError: false, ignoreCase: true))
                   .FirstOrDefault(t => t is not null);
    }
}
