namespace EmailSecurity.HelpBuilder;

// The help of one cmdlet as Get-Help shows it: the author's prose (HelpPage, docs/parameters.md) joined with what
// the compiled cmdlet declares (DeclaredCmdlet) by HelpComposer. Written as MAML and as a platyPS page.

/// <summary>The help for one cmdlet: one &lt;command:command&gt; element, one generated page.</summary>
public sealed class CommandHelp
{
    public required DeclaredCmdlet Cmdlet { get; init; }

    public required HelpPage Page { get; init; }

    public string Name => Cmdlet.Name;

    /// <summary>The part of <see cref="Name"/> before the first dash.</summary>
    public string Verb => Name.Substring(0, Name.IndexOf('-'));

    /// <summary>The part of <see cref="Name"/> after the first dash.</summary>
    public string Noun => Cmdlet.Noun;

    /// <summary>Every visible parameter once, ordered by name.</summary>
    public required IReadOnlyList<ParameterHelp> Parameters { get; init; }

    public required IReadOnlyList<TypeHelp> Inputs { get; init; }

    public required IReadOnlyList<TypeHelp> Outputs { get; init; }

    public ParameterHelp Parameter(DeclaredParameter declared) => Parameters.Single(p => p.Declared == declared);
}

/// <summary>A visible parameter: what the cmdlet declares, and the text that describes it.</summary>
public sealed class ParameterHelp
{
    public required DeclaredParameter Declared { get; init; }

    public required IReadOnlyList<ProseBlock> Description { get; init; }

    /// <summary>The default the code sets, or the one the text states, or None (False for a switch).</summary>
    public required string DefaultValue { get; init; }

    public string Name => Declared.Name;
}

/// <summary>One entry of INPUTS or OUTPUTS: a type and what to say about it.</summary>
public sealed record TypeHelp(string TypeName, IReadOnlyList<ProseBlock> Description);
