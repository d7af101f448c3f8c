namespace PaperLsp.Core.Text;

/// <summary>A half-open range [Start, End) of UTF-16 offsets into a document's text.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    public bool Contains(int offset) => offset >= Start && offset < End;

    /// <summary>True when the offset is inside or right at the end (a cursor after the last character).</summary>
    public bool Touches(int offset) => offset >= Start && offset <= End;

    public override string ToString() => $"[{Start}..{End})";
}
