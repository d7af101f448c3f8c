using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Features;

public enum FoldKind
{
    /// <summary>A paper's body: everything after its title line (abstract, links, notes), so the title stays visible.</summary>
    Entry,
    /// <summary>A section's body, from its heading line to its last non-blank line.</summary>
    Section,
    /// <summary>A run of page boilerplate lines (the copied page header, or lines inside the list).</summary>
    Boilerplate,
    /// <summary>A block of note lines (<c>&gt; …</c>).</summary>
    Notes,
}

/// <summary>A foldable region of whole lines: from the start of its first line to the end of its last line's text.</summary>
public readonly record struct Fold(TextSpan Span, FoldKind Kind);

/// <summary>
/// Folding regions, in text order (ordered by first line; an enclosing region before the regions inside it).
/// Works from the parser's line table and the paper records, without building the tree: one pass over the lines.
/// </summary>
public static class Folding
{
    public static IReadOnlyList<Fold> Of(DigestDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var table = doc.Table;
        var lines = table.Lines;
        var kinds = table.Kinds;
        var papers = doc.Papers;
        var folds = new List<Fold>(papers.Count + doc.Sections.Count + 16);
        int nextPaper = 0;
        int runFirst = -1, runLast = -1, runOwner = 0;
        var runKind = SyntaxKind.BlankLine;
        for (int i = 0; i < lines.Count; i++)
        {
            var kind = kinds[i];
            // A run of boilerplate or note lines (blank lines may stand inside it) of one owner, never across a heading.
            if (runFirst >= 0 && !(table.Owner[i] == runOwner && table.SectionStart[i] < 0 && (kind == runKind || kind == SyntaxKind.BlankLine)))
            {
                AddLines(folds, lines, runFirst, runLast, runKind == SyntaxKind.NoteLine ? FoldKind.Notes : FoldKind.Boilerplate);
                runFirst = -1;
            }
            if (kind is SyntaxKind.BoilerplateLine or SyntaxKind.NoteLine)
            {
                if (runFirst < 0) (runFirst, runOwner, runKind) = (i, table.Owner[i], kind);
                runLast = i;
            }

            if (table.SectionStart[i] >= 0)
                AddLines(folds, lines, i, LastContentLine(doc, i, doc.Sections[table.SectionStart[i]].Span), FoldKind.Section);
            for (; nextPaper < papers.Count && papers[nextPaper].TitleSpan.Start < lines[i].End; nextPaper++)
            {
                var paper = papers[nextPaper];
                if (paper.TitleSpan.Start >= lines[i].Start) AddLines(folds, lines, i, LastContentLine(doc, i, paper.Span), FoldKind.Entry);
            }
        }
        if (runFirst >= 0) AddLines(folds, lines, runFirst, runLast, runKind == SyntaxKind.NoteLine ? FoldKind.Notes : FoldKind.Boilerplate);
        return folds;
    }

    /// <summary>The last line of the span that is not blank, but not before <paramref name="first"/>.</summary>
    private static int LastContentLine(DigestDocument doc, int first, TextSpan span)
    {
        int last = doc.Lines.LineOf(Math.Max(span.Start, span.End - 1));
        var kinds = doc.Table.Kinds;
        while (last > first && kinds[last] == SyntaxKind.BlankLine) last--;
        return last;
    }

    private static void AddLines(List<Fold> folds, IReadOnlyList<TextLine> lines, int first, int last, FoldKind kind)
    {
        if (last > first) folds.Add(new Fold(TextSpan.FromBounds(lines[first].Start, lines[last].ContentEnd), kind));
    }
}
