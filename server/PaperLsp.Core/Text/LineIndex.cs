namespace PaperLsp.Core.Text;

/// <summary>
/// Maps offsets to (line, UTF-16 column) and back. Lines end at LF, CRLF or a lone CR.
/// A leading byte order mark is not part of line 0's columns: editors strip it before showing text.
/// </summary>
public sealed class LineIndex
{
    private readonly int[] _lineStarts;
    private readonly int _length;
    private readonly bool _hasBom;

    private LineIndex(int[] lineStarts, int length, bool hasBom)
    {
        _lineStarts = lineStarts;
        _length = length;
        _hasBom = hasBom;
    }

    public int LineCount => _lineStarts.Length;

    public static LineIndex Create(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var starts = new List<int>(Math.Max(16, text.Length / 64)) { 0 };
        var span = text.AsSpan();
        int i = 0;
        while (true)
        {
            int rel = span[i..].IndexOfAny('\n', '\r');
            if (rel < 0) break;
            i += rel;
            if (span[i] == '\r' && i + 1 < span.Length && span[i + 1] == '\n') i++;
            i++;
            starts.Add(i);
            if (i >= span.Length) break;
        }
        return new LineIndex(starts.ToArray(), text.Length, text.Length > 0 && text[0] == '\uFEFF');
    }

    /// <summary>The index of a text already split into lines (no second scan of the text).</summary>
    public static LineIndex FromLines(IReadOnlyList<TextLine> lines, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FromLines(lines, text.Length, text.Length > 0 && text[0] == '\uFEFF');
    }

    /// <summary>The index of a text of <paramref name="length"/> characters already split into lines.</summary>
    public static LineIndex FromLines(IReadOnlyList<TextLine> lines, int length, bool hasBom)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var starts = new int[lines.Count + 1];
        int n = 0;
        starts[n++] = 0;
        for (int i = 1; i < lines.Count; i++) starts[n++] = lines[i].Start;
        if (lines.Count > 0 && lines[^1].BreakLength > 0) starts[n++] = length;
        return new LineIndex(starts[..n], length, hasBom);
    }

    /// <summary>
    /// The index of the text after <paramref name="change"/>: line starts before the edit are kept,
    /// the edited region is scanned again, and the starts after it move by the edit's length.
    /// </summary>
    public LineIndex Edited(TextChange change, string newText) => Edited(change, SourceText.From(newText));

    /// <inheritdoc cref="Edited(TextChange, string)"/>
    public LineIndex Edited(TextChange change, SourceText newText)
    {
        ArgumentNullException.ThrowIfNull(newText);
        int a = LineOf(Math.Max(0, change.Start - 1));
        int oldEnd = change.Start + change.OldLength;
        // The first old start whose line break lies wholly after the edit (a CR at the edge could join an LF).
        int b = Array.BinarySearch(_lineStarts, oldEnd + 2);
        if (b < 0) b = ~b;
        int scanFrom = _lineStarts[a];
        int scanTo = b < _lineStarts.Length ? _lineStarts[b] + change.Delta : newText.Length;
        var starts = new List<int>(_lineStarts.Length + 8);
        for (int i = 0; i <= a; i++) starts.Add(_lineStarts[i]);
        var span = newText.AsSpan(scanFrom, scanTo - scanFrom);
        int at = scanFrom;
        while (at < scanTo)
        {
            int rel = span[(at - scanFrom)..].IndexOfAny('\n', '\r');
            if (rel < 0) break;
            at += rel;
            if (newText[at] == '\r' && at + 1 < newText.Length && newText[at + 1] == '\n') at++;
            at++;
            if (at < scanTo || (b == _lineStarts.Length && at <= newText.Length)) starts.Add(at);
        }
        for (int i = b; i < _lineStarts.Length; i++) starts.Add(_lineStarts[i] + change.Delta);
        return new LineIndex(starts.ToArray(), newText.Length, newText.Length > 0 && newText[0] == '\uFEFF');
    }

    /// <summary>Start offset of a line; a line past the end maps to the end of the text.</summary>
    public int LineStart(int line) =>
        line < 0 ? 0 : line >= _lineStarts.Length ? _length : _lineStarts[line];

    public int LineOf(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        int idx = Array.BinarySearch(_lineStarts, offset);
        return idx >= 0 ? idx : ~idx - 1;
    }

    public LinePosition GetPosition(int offset)
    {
        int hint = -1;
        return GetPosition(offset, ref hint);
    }

    /// <summary>
    /// The same, for offsets asked in ascending order (an outline, a list of diagnostics): the line found
    /// last time is tried first, and the lines just after it, before a binary search of every line.
    /// </summary>
    public LinePosition GetPosition(int offset, ref int hint)
    {
        offset = Math.Clamp(offset, 0, _length);
        int line = -1;
        if ((uint)hint < (uint)_lineStarts.Length && _lineStarts[hint] <= offset)
        {
            for (int k = hint; k < _lineStarts.Length && k < hint + 8; k++)
                if (k + 1 == _lineStarts.Length || _lineStarts[k + 1] > offset) { line = k; break; }
        }
        if (line < 0) line = LineOf(offset);
        hint = line;
        int column = offset - _lineStarts[line];
        if (line == 0 && _hasBom) column = Math.Max(0, column - 1);
        return new LinePosition(line, column);
    }

    /// <summary>Offset of a position; columns past the line's end clamp to it (before its line break).</summary>
    public int GetOffset(LinePosition position, string text) => GetOffset(position, SourceText.From(text));

    /// <inheritdoc cref="GetOffset(LinePosition, string)"/>
    public int GetOffset(LinePosition position, SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (position.Line < 0) return 0;
        if (position.Line >= _lineStarts.Length) return _length;
        int start = _lineStarts[position.Line];
        int end = position.Line + 1 < _lineStarts.Length ? _lineStarts[position.Line + 1] : _length;
        while (end > start && (text[end - 1] == '\n' || text[end - 1] == '\r')) end--;
        // long: clients send columns up to uinteger's maximum to mean "the end of the line".
        long column = Math.Max(0, position.Character);
        if (position.Line == 0 && _hasBom) column++;
        return (int)Math.Min(start + column, end);
    }
}
