namespace PaperLsp.Core.Text;

/// <summary>
/// An immutable document text kept as pieces of other strings, so that an edit makes the next version
/// without copying the whole text: the pieces before and after the edit are shared, and the lines the
/// edit touched become one new piece. Pieces begin at line starts, so a range inside one line is always
/// one contiguous span and <see cref="AsSpan(int, int)"/> returns it without copying; a range across two
/// pieces is copied. A 20 MB digest would otherwise cost a new 40 MB string per keystroke.
/// </summary>
public sealed class SourceText
{
    /// <summary>Above this many pieces, runs of small pieces are joined (and, if that is not enough, everything).</summary>
    internal const int MaxPieces = 2048;
    /// <summary>Joined pieces stay under the large-object heap's threshold (85,000 bytes).</summary>
    private const int SmallPiece = 32 * 1024;

    private readonly Piece[] _pieces;
    /// <summary>The offset of each piece, and the length of the text at the end.</summary>
    private readonly int[] _starts;
    private string? _flat;

    private readonly record struct Piece(string Source, int Start, int Length)
    {
        public ReadOnlySpan<char> Span => Source.AsSpan(Start, Length);
    }

    private SourceText(Piece[] pieces, string? flat)
    {
        _pieces = pieces;
        _starts = new int[pieces.Length + 1];
        for (int i = 0; i < pieces.Length; i++) _starts[i + 1] = _starts[i] + pieces[i].Length;
        _flat = flat ?? (pieces is [var only] && only.Start == 0 && only.Length == only.Source.Length ? only.Source : null);
    }

    public static SourceText Empty { get; } = new([], "");

    public static SourceText From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? Empty : new([new Piece(text, 0, text.Length)], text);
    }

    public int Length => _starts[^1];

    /// <summary>How many pieces hold the text (1 for a text that was never edited).</summary>
    public int PieceCount => _pieces.Length;

    public char this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Length) throw new ArgumentOutOfRangeException(nameof(index));
            if (_flat is { } flat) return flat[index];
            int p = PieceAt(index);
            var piece = _pieces[p];
            return piece.Source[piece.Start + index - _starts[p]];
        }
    }

    /// <summary>The characters [start, start + length): the text itself when they lie in one piece, else a copy.</summary>
    public ReadOnlySpan<char> AsSpan(int start, int length)
    {
        CheckRange(start, length);
        if (_flat is { } flat) return flat.AsSpan(start, length);
        if (length == 0) return [];
        int p = PieceAt(start);
        int offset = start - _starts[p];
        var piece = _pieces[p];
        return offset + length <= piece.Length ? piece.Span.Slice(offset, length) : Substring(start, length);
    }

    public ReadOnlySpan<char> AsSpan(TextSpan span) => AsSpan(span.Start, span.Length);

    public string Substring(int start, int length)
    {
        CheckRange(start, length);
        if (_flat is { } flat) return flat.Substring(start, length);
        if (length == 0) return "";
        return string.Create(length, (this, start), static (destination, state) => state.Item1.CopyTo(state.Item2, destination));
    }

    public string Substring(TextSpan span) => Substring(span.Start, span.Length);

    /// <summary>For <c>text[a..b]</c>.</summary>
    public string Slice(int start, int length) => Substring(start, length);

    /// <summary>Copies <paramref name="destination"/>.Length characters from <paramref name="start"/>.</summary>
    public void CopyTo(int start, Span<char> destination)
    {
        CheckRange(start, destination.Length);
        if (destination.IsEmpty) return;
        int p = PieceAt(start);
        int offset = start - _starts[p];
        while (!destination.IsEmpty)
        {
            var from = _pieces[p].Span[offset..];
            int n = Math.Min(from.Length, destination.Length);
            from[..n].CopyTo(destination);
            destination = destination[n..];
            p++;
            offset = 0;
        }
    }

    /// <summary>
    /// <paramref name="region"/> (and up to <paramref name="before"/> characters before it) as a window for
    /// code written against strings: the whole text when it is one string already, otherwise a copy of just that much.
    /// </summary>
    public TextWindow Window(TextSpan region, int before = 0)
    {
        CheckRange(region.Start, region.Length);
        if (_flat is { } flat) return flat;
        int from = Math.Max(0, region.Start - before);
        return new TextWindow(Substring(from, region.End - from), from);
    }

    /// <summary>The whole text when it is already one string (never edited, or made flat by <see cref="ToString"/>).</summary>
    public bool TryGetString(out string text)
    {
        text = _flat!;
        return text is not null;
    }

    /// <summary>The pieces in order, for scans of the whole text that need no single string.</summary>
    public IEnumerable<ReadOnlyMemory<char>> Chunks()
    {
        foreach (var piece in _pieces) yield return piece.Source.AsMemory(piece.Start, piece.Length);
    }

    /// <summary>The whole text as one string (made once per version, and only when asked for).</summary>
    public override string ToString()
    {
        if (Volatile.Read(ref _flat) is { } flat) return flat;
        string made = Substring(0, Length);
        return Interlocked.CompareExchange(ref _flat, made, null) ?? made;
    }

    /// <summary>
    /// The text after replacing <paramref name="oldLength"/> characters at <paramref name="start"/> by
    /// <paramref name="newText"/>. The lines the edit touches are copied into a new piece (a line's length,
    /// not the document's); every other piece is shared with this version.
    /// </summary>
    public SourceText Replace(int start, int oldLength, string newText)
    {
        ArgumentNullException.ThrowIfNull(newText);
        CheckRange(start, oldLength);
        int oldEnd = start + oldLength;
        int lineStart = LineStartBefore(start);
        int lineEnd = LineEndAfter(oldEnd);
        int length = start - lineStart + newText.Length + lineEnd - oldEnd;
        string edited = string.Create(length, (this, lineStart, start, newText, oldEnd, lineEnd), static (destination, s) =>
        {
            s.Item1.CopyTo(s.lineStart, destination[..(s.start - s.lineStart)]);
            destination = destination[(s.start - s.lineStart)..];
            s.newText.CopyTo(destination);
            s.Item1.CopyTo(s.oldEnd, destination[s.newText.Length..]);
        });

        var pieces = new List<Piece>(_pieces.Length + 2);
        AddRange(pieces, 0, lineStart);
        if (edited.Length > 0) pieces.Add(new Piece(edited, 0, edited.Length));
        AddRange(pieces, lineEnd, Length);
        if (pieces.Count > MaxPieces) pieces = Compact(pieces);
        return new SourceText([.. pieces], null);
    }

    /// <summary>The pieces' parts covering [from, to) of this text.</summary>
    private void AddRange(List<Piece> into, int from, int to)
    {
        if (from >= to) return;
        int p = PieceAt(from);
        int offset = from - _starts[p];
        while (from < to)
        {
            var piece = _pieces[p];
            int n = Math.Min(piece.Length - offset, to - from);
            into.Add(new Piece(piece.Source, piece.Start + offset, n));
            from += n;
            p++;
            offset = 0;
        }
    }

    /// <summary>Joins runs of small neighbouring pieces; if that still leaves too many, joins everything.</summary>
    private static List<Piece> Compact(List<Piece> pieces)
    {
        var result = new List<Piece>();
        int runStart = 0, runLength = 0;
        for (int i = 0; i <= pieces.Count; i++)
        {
            bool joinable = i < pieces.Count && pieces[i].Length < SmallPiece && runLength + pieces[i].Length <= SmallPiece;
            if (joinable)
            {
                runLength += pieces[i].Length;
                continue;
            }
            Flush(result, pieces, runStart, i, runLength);
            if (i < pieces.Count && pieces[i].Length >= SmallPiece)
            {
                result.Add(pieces[i]);
                runStart = i + 1;
                runLength = 0;
            }
            else
            {
                runStart = i;
                runLength = i < pieces.Count ? pieces[i].Length : 0;
            }
        }
        if (result.Count <= MaxPieces) return result;
        int total = result.Sum(p => p.Length);
        return [new Piece(Join(result, 0, result.Count, total), 0, total)];
    }

    private static void Flush(List<Piece> into, List<Piece> pieces, int from, int to, int length)
    {
        if (to - from == 1) into.Add(pieces[from]);
        else if (to - from > 1) into.Add(new Piece(Join(pieces, from, to, length), 0, length));
    }

    private static string Join(List<Piece> pieces, int from, int to, int length) =>
        string.Create(length, (pieces, from, to), static (destination, s) =>
        {
            for (int i = s.from; i < s.to; i++)
            {
                s.pieces[i].Span.CopyTo(destination);
                destination = destination[s.pieces[i].Length..];
            }
        });

    /// <summary>The start of the line holding <paramref name="offset"/> (the offset itself right after a line break).</summary>
    private int LineStartBefore(int offset)
    {
        int p = offset == 0 ? -1 : PieceAt(offset - 1);
        int end = offset;
        while (p >= 0)
        {
            var span = _pieces[p].Span[..(end - _starts[p])];
            int at = span.LastIndexOfAny('\n', '\r');
            if (at >= 0) return _starts[p] + at + 1;
            end = _starts[p];
            p--;
        }
        return 0;
    }

    /// <summary>The end of the line holding <paramref name="offset"/>, its line break included.</summary>
    private int LineEndAfter(int offset)
    {
        if (offset >= Length) return Length;
        int p = PieceAt(offset);
        int from = offset;
        while (p < _pieces.Length)
        {
            var span = _pieces[p].Span[(from - _starts[p])..];
            int at = span.IndexOfAny('\n', '\r');
            if (at >= 0)
            {
                int brk = from + at;
                return this[brk] == '\r' && brk + 1 < Length && this[brk + 1] == '\n' ? brk + 2 : brk + 1;
            }
            p++;
            if (p < _pieces.Length) from = _starts[p];
        }
        return Length;
    }

    /// <summary>The piece holding the character at <paramref name="offset"/> (the last piece for the end).</summary>
    private int PieceAt(int offset)
    {
        int i = Array.BinarySearch(_starts, 0, _pieces.Length, offset);
        return i >= 0 ? i : ~i - 1;
    }

    private void CheckRange(int start, int length)
    {
        if (start < 0 || length < 0 || start > Length - length)
            throw new ArgumentOutOfRangeException(nameof(start), $"[{start}, {start}+{length}) is outside a text of length {Length}");
    }
}
