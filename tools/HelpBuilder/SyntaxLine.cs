namespace EmailSecurity.HelpBuilder;

/// <summary>
/// A syntax line as PowerShell prints it (Get-Command -Syntax), for example
/// <c>Move-EsMessage [-Id] &lt;String[]&gt; -Destination &lt;String&gt; [-BatchSize &lt;Int32&gt;] [-WhatIf] [&lt;CommonParameters&gt;]</c>.
/// The parser reads it back so the SYNTAX section can be checked against the PARAMETERS section.
/// </summary>
public sealed class SyntaxLine
{
    private SyntaxLine(string commandName, IReadOnlyList<SyntaxElement> elements, bool commonParameters)
    {
        CommandName = commandName;
        Elements = elements;
        HasCommonParameters = commonParameters;
    }

    public string CommandName { get; }

    public IReadOnlyList<SyntaxElement> Elements { get; }

    /// <summary>True when the line ends with [&lt;CommonParameters&gt;].</summary>
    public bool HasCommonParameters { get; }

    /// <summary>Parses a syntax line; <paramref name="location"/> is used in error messages.</summary>
    public static SyntaxLine Parse(string text, SourceLocation location)
    {
        var reader = new Reader(text.Replace('\n', ' ').Trim(), location);
        string commandName = reader.ReadWord();
        if (commandName.Length == 0)
        {
            throw new HelpFormatException(location, "the syntax block is empty");
        }

        var elements = new List<SyntaxElement>();
        bool commonParameters = false;
        while (reader.SkipSpaces())
        {
            if (commonParameters)
            {
                throw reader.Error("[<CommonParameters>] must be the last item of a syntax line");
            }

            if (reader.TryConsume("[<CommonParameters>]"))
            {
                commonParameters = true;
                continue;
            }

            elements.Add(ReadElement(reader));
        }

        return new SyntaxLine(commandName, elements, commonParameters);
    }

    // element  := '[' inner ']'        an optional parameter
    //           | inner                a mandatory parameter
    // inner    := name value?
    // name     := '[' '-' Word ']'     a positional parameter
    //           | '-' Word
    // value    := '<' Type '>' | '{' A | B | ... '}'
    //
    // "[-Id] <String[]>" (mandatory, positional) and "[-PassThru]" (optional switch) both start
    // with a bracketed name: what follows the closing bracket tells them apart.
    private static SyntaxElement ReadElement(Reader reader)
    {
        if (reader.Peek() == '[')
        {
            int mark = reader.Position;
            reader.Consume('[');
            string? bracketedName = null;
            if (reader.Peek() == '-')
            {
                bracketedName = reader.ReadParameterName();
            }

            if (bracketedName is not null && reader.Peek() == ']')
            {
                string name = bracketedName;
                reader.Consume(']');
                int afterName = reader.Position;
                reader.SkipSpaces();
                if (reader.Peek() is '<' or '{')
                {
                    // [-Id] <String[]>: a mandatory positional parameter.
                    return new SyntaxElement(name, Optional: false, Positional: true, reader.ReadValue());
                }

                reader.Position = afterName;
                return new SyntaxElement(name, Optional: true, Positional: false, Value: null);
            }

            reader.Position = mark;
            reader.Consume('[');
            SyntaxElement inner = ReadInner(reader);
            reader.SkipSpaces();
            reader.Consume(']');
            return inner with { Optional = true };
        }

        return ReadInner(reader);
    }

    private static SyntaxElement ReadInner(Reader reader)
    {
        bool positional = false;
        string name;
        if (reader.Peek() == '[')
        {
            reader.Consume('[');
            name = reader.ReadParameterName();
            reader.Consume(']');
            positional = true;
        }
        else
        {
            name = reader.ReadParameterName();
        }

        int afterName = reader.Position;
        reader.SkipSpaces();
        if (reader.Peek() is '<' or '{')
        {
            return new SyntaxElement(name, Optional: false, positional, reader.ReadValue());
        }

        if (positional)
        {
            throw reader.Error($"positional parameter -{name} has no value type");
        }

        reader.Position = afterName;
        return new SyntaxElement(name, Optional: false, Positional: false, Value: null);
    }

    private sealed class Reader(string text, SourceLocation location)
    {
        public int Position { get; set; }

        public char Peek() => Position < text.Length ? text[Position] : '\0';

        /// <summary>Skips spaces; false at the end of the text.</summary>
        public bool SkipSpaces()
        {
            while (Position < text.Length && char.IsWhiteSpace(text[Position]))
            {
                Position++;
            }

            return Position < text.Length;
        }

        public bool TryConsume(string literal)
        {
            if (string.CompareOrdinal(text, Position, literal, 0, literal.Length) == 0)
            {
                Position += literal.Length;
                return true;
            }

            return false;
        }

        public void Consume(char expected)
        {
            if (Peek() != expected)
            {
                throw Error($"expected '{expected}'");
            }

            Position++;
        }

        public string ReadWord()
        {
            int start = Position;
            while (Position < text.Length && !char.IsWhiteSpace(text[Position]))
            {
                Position++;
            }

            return text.Substring(start, Position - start);
        }

        public string ReadParameterName()
        {
            Consume('-');
            int start = Position;
            while (Position < text.Length && (char.IsLetterOrDigit(text[Position]) || text[Position] == '_'))
            {
                Position++;
            }

            if (Position == start)
            {
                throw Error("expected a parameter name after '-'");
            }

            return text.Substring(start, Position - start);
        }

        /// <summary>Reads "&lt;Type&gt;" or "{A | B}" and returns it as written.</summary>
        public string ReadValue()
        {
            char open = Peek();
            char close = open == '<' ? '>' : '}';
            int end = text.IndexOf(close, Position + 1);
            if (end < 0)
            {
                throw Error($"'{open}' is never closed");
            }

            string value = text.Substring(Position, end - Position + 1);
            Position = end + 1;
            return value;
        }

        public HelpFormatException Error(string message)
        {
            return new HelpFormatException(location, $"cannot read the syntax line at column {Position + 1}: {message} (in: {text})");
        }
    }
}

/// <summary>One parameter of a syntax line.</summary>
/// <param name="Value">"&lt;Type&gt;" or "{A | B}" as written, null for a switch.</param>
public sealed record SyntaxElement(string Name, bool Optional, bool Positional, string? Value)
{
    /// <summary>The type inside "&lt;...&gt;", or null.</summary>
    public string? TypeName => Value is not null && Value.StartsWith('<') ? Value.Substring(1, Value.Length - 2).Trim() : null;

    /// <summary>The values inside "{...}", or an empty list.</summary>
    public IReadOnlyList<string> Choices =>
        Value is not null && Value.StartsWith('{')
            ? Value.Substring(1, Value.Length - 2).Split('|').Select(v => v.Trim()).Where(v => v.Length > 0).ToArray()
            : Array.Empty<string>();
}
