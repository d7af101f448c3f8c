using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Fixes;

/// <summary>Line-level facts the fixes share: the parser's line kinds and owners, entry bounds, line removal.</summary>
internal readonly struct DocLines(DigestDocument doc)
{
    public DigestDocument Doc { get; } = doc;
    public string Text => Doc.Text.ToString();
    public int Count => Doc.Table.Lines.Count;
    public TextLine this[int i] => Doc.Table.Lines[i];
    public SyntaxKind Kind(int i) => Doc.Table.Kinds[i];
    public int Owner(int i) => Doc.Table.Owner[i];
    public bool IsSectionHeading(int i) => Doc.Table.SectionStart[i] >= 0;
    public ReadOnlySpan<char> Content(int i) => Text.AsSpan(this[i].Start, this[i].ContentLength);
    public bool IsBlank(int i) => Content(i).IsWhiteSpace();
    public bool IsMarkdown => (Doc.Dialect & Dialect.Markdown) != 0;

    /// <summary>The line holding an offset (the last line for the end of the text).</summary>
    public int LineOf(int offset)
    {
        var lines = Doc.Table.Lines;
        int lo = 0, hi = lines.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (lines[mid].Start <= offset) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>The line break the file uses (its first one), LF when it has none.</summary>
    public string LineEnding => LineEndingOf(Text);

    public static string LineEndingOf(string text)
    {
        int i = text.AsSpan().IndexOfAny('\r', '\n');
        if (i < 0 || text[i] == '\n') return "\n";
        return i + 1 < text.Length && text[i + 1] == '\n' ? "\r\n" : "\r";
    }

    public int FirstLine(Paper paper) => LineOf(paper.Span.Start);

    /// <summary>Whether the line is the first line of a paper's entry (owners are paper indices, which are positions).</summary>
    public bool StartsEntry(int line) => Owner(line) is int o && o >= 0 && o < Doc.Papers.Count && FirstLine(Doc.Papers[o]) == line;

    /// <summary>The last line of the paper's span (its trailing blank lines and stray lines included).</summary>
    public int LastSpanLine(Paper paper) => paper.Span.Length == 0 ? FirstLine(paper) : LineOf(paper.Span.End - 1);

    /// <summary>Lines an entry is made of: its card, title, abstract, metadata, links, notes, markers, HTML wrapper.</summary>
    public static bool IsEntryKind(SyntaxKind kind) => kind is SyntaxKind.TitleLine or SyntaxKind.AbstractLine or SyntaxKind.NoteLine
        or SyntaxKind.VoteLine or SyntaxKind.UrlLine or SyntaxKind.AuthorsLine or SyntaxKind.OrganisationLine or SyntaxKind.SeparatorLine
        or SyntaxKind.CommentCountLine or SyntaxKind.DateLine or SyntaxKind.LinkLine or SyntaxKind.SuppressionLine or SyntaxKind.HtmlLine
        or SyntaxKind.HeadingLine;

    /// <summary>
    /// The last line that is part of the entry itself: trailing blank lines, and lines the parser only
    /// attached to the paper above (boilerplate, stray text), are not.
    /// </summary>
    public int LastEntryLine(Paper paper)
    {
        int first = FirstLine(paper), title = LineOf(paper.TitleSpan.Start);
        if (IsTableRow(title)) return title;
        int last = LastSpanLine(paper);
        while (last > title && (IsBlank(last) || !IsEntryKind(Kind(last)) || IsSectionHeading(last) || Owner(last) != paper.Index)) last--;
        return Math.Max(last, first);
    }

    /// <summary>A Markdown table row that is a paper's title line: the row is the whole entry.</summary>
    public bool IsTableRow(int line) =>
        IsMarkdown && ((line > 0 && Kind(line - 1) == SyntaxKind.TableLine) || (line + 1 < Count && Kind(line + 1) == SyntaxKind.TableLine)
            || Content(line).TrimStart().StartsWith("|", StringComparison.Ordinal));

    /// <summary>Whole lines [first, last] as one span, line breaks included.</summary>
    public TextSpan Lines(int first, int last) => TextSpan.FromBounds(this[first].Start, this[last].End);

    /// <summary>
    /// Edits that delete the given lines. Runs of lines go in one edit; a run that ends the text without a
    /// final line break takes the line break before it instead, so no empty last line is left behind. With
    /// <paramref name="oneBlankAfter"/>, a run that stands between blank lines takes the blank line after it too.
    /// </summary>
    public List<SpanEdit> RemoveLines(IEnumerable<int> lines, bool oneBlankAfter)
    {
        var runs = Runs(lines.Distinct().Order());
        if (oneBlankAfter)
        {
            var taken = new List<int>();
            for (int k = 0; k < runs.Count; k++)
            {
                var (first, last) = runs[k];
                for (int i = first; i <= last; i++) taken.Add(i);
                bool blankBefore = first > 0 && IsBlank(first - 1);
                bool nextTaken = k + 1 < runs.Count && runs[k + 1].First == last + 1;
                if (blankBefore && last + 1 < Count && IsBlank(last + 1) && !nextTaken) taken.Add(last + 1);
            }
            runs = Runs(taken.Distinct().Order()); // a taken blank line can join two runs: runs are maximal again
        }
        var edits = new List<SpanEdit>(runs.Count);
        foreach (var (first, last) in runs)
        {
            var span = Lines(first, last);
            // The line before a maximal run stays, so its break is free to take.
            if (this[last].BreakLength == 0 && first > 0 && span.Start > this[first - 1].ContentEnd)
                span = TextSpan.FromBounds(this[first - 1].ContentEnd, span.End);
            edits.Add(SpanEdit.Delete(span));
        }
        return edits;
    }

    private static List<(int First, int Last)> Runs(IEnumerable<int> sorted)
    {
        var runs = new List<(int First, int Last)>();
        foreach (int i in sorted)
        {
            if (runs.Count > 0 && runs[^1].Last + 1 >= i) runs[^1] = (runs[^1].First, Math.Max(runs[^1].Last, i));
            else runs.Add((i, i));
        }
        return runs;
    }
}
