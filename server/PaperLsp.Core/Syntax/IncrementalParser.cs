using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Model;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>
/// Re-parses only the papers an edit touches (plus one neighbour on each side, whose reading can
/// depend on them) and splices the result into the previous document: the lines and papers after
/// the edit are reused, moved by the edit's length. Whenever the splice could differ from a full
/// parse (section headings, Markdown, the preamble, a window that ends mid-paragraph) it parses
/// the whole text instead, so the result always equals <see cref="DigestParser.Parse"/>.
/// </summary>
public static class IncrementalParser
{
    private const int SmallText = 64 * 1024;

    public static DigestDocument Reparse(DigestDocument old, SourceText newText, TextChange change, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(newText);
        if (CanSplice(old, newText, change, fileName))
        {
            for (int widen = 0; widen < 3; widen++)
                if (TrySplice(old, newText, change, widen) is { } doc) return doc;
        }
        return DigestParser.Parse(newText.ToString(), fileName);
    }

    /// <summary>For callers holding one string (tests, the formatter).</summary>
    public static DigestDocument Reparse(DigestDocument old, string newText, TextChange change, string? fileName = null) =>
        Reparse(old, SourceText.From(newText), change, fileName);

    // An edit past the sniffed start leaves that start as it was, and the old text was not Markdown.
    private static bool CanSplice(DigestDocument old, SourceText newText, TextChange change, string? fileName) =>
        newText.Length >= SmallText && old.Papers.Count >= 3
        && (old.Dialect & Dialect.Markdown) == 0 && !old.AllowsDuplicates
        && (change.Start >= DigestParser.SniffLength ? !DigestParser.IsMarkdown([], fileName)
            : !DigestParser.IsMarkdown(newText.AsSpan(0, Math.Min(newText.Length, DigestParser.SniffLength)), fileName))
        && change.Start > old.Papers[0].Span.Start
        && newText.Length == old.Text.Length + change.Delta;

    private static DigestDocument? TrySplice(DigestDocument old, SourceText newText, TextChange change, int widen)
    {
        var papers = old.Papers;
        int a = PaperAtOrBefore(papers, change.Start);
        int b = PaperAtOrBefore(papers, change.Start + change.OldLength);
        int first = Math.Max(0, a - 1 - widen);
        int last = Math.Min(papers.Count - 1, b + 1 + 2 * widen);
        if (first == 0 && !StartsAfterDateHeading(old)) return null; // else the first paper is read in the preamble's state
        int section = papers[first].SectionIndex;
        for (int k = first; k <= last; k++) if (papers[k].SectionIndex != section) return null;

        int ws = papers[first].Span.Start, we = papers[last].Span.End;
        if (change.Start < ws || change.Start + change.OldLength > we) return null;
        int weNew = we + change.Delta;
        if (!IsLineBoundary(newText, ws) || !IsLineBoundary(newText, weNew)) return null;

        var table = old.Table;
        int wsLine = LineStarting(table.Lines, ws);
        int weLine = we == old.Text.Length ? table.Lines.Count : LineStarting(table.Lines, we);
        if (wsLine < 0 || weLine < 0) return null;
        for (int i = wsLine; i < weLine; i++) if (table.SectionStart[i] >= 0) return null;

        var window = LineSplitter.Split(newText.AsSpan(ws, weNew - ws), ws);
        var lines = new List<TextLine>(table.Lines.Count + window.Count - (weLine - wsLine));
        for (int i = 0; i < wsLine; i++) lines.Add(table.Lines[i]);
        lines.AddRange(window);
        for (int i = weLine; i < table.Lines.Count; i++)
        {
            var l = table.Lines[i];
            lines.Add(l with { Start = l.Start + change.Delta });
        }

        var draft = new ParseDraft(newText, lines, table.BomLength) { PaperIndexBase = first, HasPapersBefore = first > 0 };
        int windowEnd = wsLine + window.Count;
        int lineShift = window.Count - (weLine - wsLine);
        Array.Copy(table.Kinds, draft.Kinds, wsLine);
        Array.Copy(table.Owner, draft.Owner, wsLine);
        Array.Copy(table.SectionStart, draft.SectionStart, wsLine);
        Array.Copy(table.Kinds, weLine, draft.Kinds, windowEnd, table.Lines.Count - weLine);
        Array.Copy(table.SectionStart, weLine, draft.SectionStart, windowEnd, table.Lines.Count - weLine);
        foreach (var (line, length) in table.Glued)
            if (line < wsLine) draft.Glued[line] = length;

        bool clean = PlainDigestParser.ParseWindow(draft, wsLine, windowEnd, section);
        if (!clean || draft.Sections.Count > 0 || draft.FileAllowsDuplicates) return null;
        if (LastNonBlankKind(draft.Kinds, wsLine, windowEnd) != LastNonBlankKind(table.Kinds, wsLine, weLine)) return null;

        int paperShift = draft.Papers.Count - (last - first + 1);
        for (int i = weLine; i < table.Lines.Count; i++)
        {
            int owner = table.Owner[i];
            draft.Owner[i + lineShift] = owner < 0 ? owner : owner + paperShift;
        }
        foreach (var (line, length) in table.Glued)
            if (line >= weLine) draft.Glued[line + lineShift] = length;

        var windowProblems = new List<Problem>();
        var windowPapers = DraftAssembler.BuildPapers(draft, windowProblems);
        var allPapers = new List<Paper>(papers.Count + paperShift);
        for (int k = 0; k < first; k++) allPapers.Add(papers[k]);
        allPapers.AddRange(windowPapers);
        for (int k = last + 1; k < papers.Count; k++) allPapers.Add(Shift(papers[k], change.Delta, paperShift));

        var problems = new List<Problem>(old.Problems.Count + 8);
        foreach (var p in old.Problems) if (p.Span.End <= ws && p.Span.Start < ws) problems.Add(p);
        problems.AddRange(draft.Problems);
        problems.AddRange(windowProblems);
        foreach (var p in old.Problems) if (p.Span.Start >= we) problems.Add(p with { Span = Move(p.Span, change.Delta) });
        problems.Sort(Problem.Compare);

        var sections = old.Sections.Select(s =>
            s.Span.Start >= we ? s with { Span = Move(s.Span, change.Delta), TitleSpan = Move(s.TitleSpan, change.Delta) }
            : s.Span.End >= we ? s with { Span = new TextSpan(s.Span.Start, s.Span.Length + change.Delta) }
            : s).ToList();

        return new DigestDocument(newText, DraftAssembler.Table(draft), allPapers, sections, problems,
            old.Dialect | draft.Dialect, allowsDuplicates: false);
    }

    /// <summary>
    /// Whether only blank lines stand between a date heading and the first paper: the heading leaves the
    /// parser expecting a title with no paper open, the state a window starts in.
    /// </summary>
    private static bool StartsAfterDateHeading(DigestDocument old)
    {
        var table = old.Table;
        int line = LineStarting(table.Lines, old.Papers[0].Span.Start);
        for (int i = line - 1; i >= 0; i--)
        {
            if (table.Kinds[i] == SyntaxKind.BlankLine) continue;
            return table.SectionStart[i] >= 0 && table.Kinds[i] == SyntaxKind.DateLine && old.Sections[table.SectionStart[i]].Kind == SectionKind.Date;
        }
        return false;
    }

    private static int PaperAtOrBefore(IReadOnlyList<Paper> papers, int offset)
    {
        int lo = 0, hi = papers.Count - 1, found = 0;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (papers[mid].Span.Start <= offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    /// <summary>A line starts here in the new text, and an edit did not join a CR to an LF across it.</summary>
    private static bool IsLineBoundary(SourceText text, int offset)
    {
        if (offset == 0 || offset == text.Length) return true;
        char before = text[offset - 1];
        return before == '\n' || (before == '\r' && text[offset] != '\n');
    }

    private static int LineStarting(IReadOnlyList<TextLine> lines, int offset)
    {
        int lo = 0, hi = lines.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (lines[mid].Start == offset) return mid;
            if (lines[mid].Start < offset) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }

    private static SyntaxKind LastNonBlankKind(SyntaxKind[] kinds, int start, int end)
    {
        for (int i = end - 1; i >= start; i--) if (kinds[i] != SyntaxKind.BlankLine) return kinds[i];
        return SyntaxKind.BlankLine;
    }

    private static TextSpan Move(TextSpan span, int delta) => new(span.Start + delta, span.Length);

    private static Paper Shift(Paper p, int delta, int indexShift) => p with
    {
        Index = p.Index + indexShift,
        Span = Move(p.Span, delta),
        TitleSpan = Move(p.TitleSpan, delta),
        AbstractSpan = Move(p.AbstractSpan, delta),
        Links = p.Links.Count == 0 ? p.Links : p.Links.Select(l => l with { Span = Move(l.Span, delta) }).ToList(),
        Notes = p.Notes.Count == 0 ? p.Notes : p.Notes.Select(n => Move(n, delta)).ToList(),
    };
}
