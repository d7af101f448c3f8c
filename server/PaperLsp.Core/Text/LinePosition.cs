namespace PaperLsp.Core.Text;

/// <summary>A zero-based line and a zero-based column in UTF-16 code units (the LSP default).</summary>
public readonly record struct LinePosition(int Line, int Character)
{
    public override string ToString() => $"{Line}:{Character}";
}
