using PaperLsp.Core.Text;

namespace PaperLsp.Core.Fixes;

/// <summary>
/// One text edit: the characters of <see cref="Span"/> (UTF-16 offsets into the text the edit was
/// computed on) are replaced by <see cref="NewText"/>. An empty span inserts; an empty text deletes.
/// </summary>
public readonly record struct SpanEdit(TextSpan Span, string NewText)
{
    public static SpanEdit Insert(int at, string text) => new(new TextSpan(at, 0), text);

    public static SpanEdit Delete(TextSpan span) => new(span, "");

    public int Delta => NewText.Length - Span.Length;

    public override string ToString() => $"{Span} -> \"{NewText.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\"";
}
