using System.Text;
using PaperLsp.Core.Text;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Text;

/// <summary>
/// Converts between text offsets and LSP positions in the negotiated encoding: UTF-16 code units
/// (the default) or UTF-8 bytes. Positions past a line's end clamp to it, as the spec asks.
/// </summary>
public sealed class PositionMapper(SourceText text, LineIndex lines, bool utf8)
{
    public SourceText Text { get; } = text;

    public Position ToPosition(int offset)
    {
        int hint = -1;
        return ToPosition(offset, ref hint);
    }

    /// <summary>The same, faster for offsets in ascending order (see <see cref="LineIndex.GetPosition(int, ref int)"/>).</summary>
    public Position ToPosition(int offset, ref int hint)
    {
        var p = lines.GetPosition(offset, ref hint);
        if (!utf8) return new Position(p.Line, p.Character);
        int lineStart = LineContentStart(p.Line);
        int at = Math.Clamp(offset, lineStart, Text.Length);
        return new Position(p.Line, Encoding.UTF8.GetByteCount(Text.AsSpan(lineStart, at - lineStart)));
    }

    public Range ToRange(TextSpan span) => new(ToPosition(span.Start), ToPosition(span.End));

    public Range ToRange(TextSpan span, ref int hint)
    {
        var start = ToPosition(span.Start, ref hint);
        int endHint = hint;
        return new Range(start, ToPosition(span.End, ref endHint));
    }

    public int ToOffset(Position position)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (!utf8) return lines.GetOffset(new LinePosition(position.Line, position.Character), Text);
        if (position.Line < 0) return 0;
        if (position.Line >= lines.LineCount) return Text.Length;
        int start = LineContentStart(position.Line);
        int end = lines.GetOffset(new LinePosition(position.Line, int.MaxValue), Text);
        int bytes = 0;
        int i = start;
        while (i < end && bytes < position.Character)
        {
            int width = char.IsHighSurrogate(Text[i]) && i + 1 < end ? 2 : 1;
            bytes += Encoding.UTF8.GetByteCount(Text.AsSpan(i, width));
            i += width;
        }
        return i;
    }

    public TextSpan ToSpan(Range range)
    {
        ArgumentNullException.ThrowIfNull(range);
        int start = ToOffset(range.Start);
        int end = ToOffset(range.End);
        return end >= start ? TextSpan.FromBounds(start, end) : TextSpan.FromBounds(end, start);
    }

    /// <summary>Where columns start on a line (after a BOM on line 0).</summary>
    private int LineContentStart(int line) => lines.GetOffset(new LinePosition(line, 0), Text);
}
