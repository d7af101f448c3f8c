namespace PaperLsp.Core.Text;

/// <summary>One physical line: its content span and the length of the line break after it (0, 1 or 2).</summary>
public readonly record struct TextLine(int Start, int ContentLength, int BreakLength)
{
    public int ContentEnd => Start + ContentLength;
    public int End => Start + ContentLength + BreakLength;
    public TextSpan Content => new(Start, ContentLength);
    public TextSpan Full => new(Start, ContentLength + BreakLength);
}

public static class LineSplitter
{
    /// <summary>Splits text into lines; every character belongs to exactly one line.</summary>
    public static List<TextLine> Split(string text, int start = 0) => Split(text, start, text.Length);

    /// <summary>Splits text[start..end) into lines; offsets stay those of the whole text.</summary>
    public static List<TextLine> Split(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Split(text.AsSpan(start, end - start), start);
    }

    /// <summary>Splits <paramref name="span"/> into lines, whose offsets start at <paramref name="origin"/>.</summary>
    public static List<TextLine> Split(ReadOnlySpan<char> span, int origin)
    {
        var lines = new List<TextLine>(Math.Max(16, span.Length / 200));
        int i = 0;
        while (i < span.Length)
        {
            int rel = span[i..].IndexOfAny('\n', '\r');
            if (rel < 0)
            {
                lines.Add(new TextLine(origin + i, span.Length - i, 0));
                break;
            }
            int brk = span[i + rel] == '\r' && i + rel + 1 < span.Length && span[i + rel + 1] == '\n' ? 2 : 1;
            lines.Add(new TextLine(origin + i, rel, brk));
            i += rel + brk;
        }
        return lines;
    }
}
