using System.Management.Automation.Host;

namespace EsShell.Hosting;

/// <summary>
/// A fixed-size virtual console: only the width matters (format views wrap to it); colours are ignored.
/// </summary>
public sealed class TextHostRawUserInterface : PSHostRawUserInterface
{
    private const int Height = 50;

    internal TextHostRawUserInterface(int width) => Width = width;

    public int Width { get; set; }

    public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
    public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
    public override Coordinates CursorPosition { get; set; }
    public override Coordinates WindowPosition { get; set; }
    public override int CursorSize { get; set; } = 25;
    public override string WindowTitle { get; set; } = "EsShell";
    public override bool KeyAvailable => false;

    public override Size BufferSize
    {
        get => new(Width, Height);
        set { }
    }

    public override Size WindowSize
    {
        get => new(Width, Height);
        set { }
    }

    public override Size MaxWindowSize => WindowSize;
    public override Size MaxPhysicalWindowSize => WindowSize;

    public override KeyInfo ReadKey(ReadKeyOptions options) =>
        throw new NotSupportedException("EsShell cannot read single keys.");
    public override void FlushInputBuffer() { }
    public override BufferCell[,] GetBufferContents(Rectangle rectangle) =>
        throw new NotSupportedException("EsShell has no screen buffer.");
    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
    public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
    public override void ScrollBufferContents(
        Rectangle source,
        Coordinates destination,
        Rectangle clip,
        BufferCell fill) { }
}
