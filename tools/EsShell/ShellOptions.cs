namespace EsShell;

public sealed class ShellOptions
{
    public string? ModulePath { get; set; }
    public bool Sandbox { get; set; }
    public string? Command { get; set; }
    public string? File { get; set; }
    public string[] FileArguments { get; set; } = [];
}
