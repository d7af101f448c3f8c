using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Model;

/// <summary>An immutable parsed digest: its text, tree, papers, sections and the problems found in it alone.</summary>
public sealed class DigestDocument
{
    private LineIndex? _lineIndex;
    private SyntaxNode? _root;

    internal DigestDocument(SourceText text, LineTable table, IReadOnlyList<Paper> papers, IReadOnlyList<Section> sections,
        IReadOnlyList<Problem> problems, Dialect dialect, bool allowsDuplicates)
    {
        Text = text;
        Table = table;
        Papers = papers;
        Sections = sections;
        Problems = problems;
        Dialect = dialect;
        AllowsDuplicates = allowsDuplicates;
    }

    public SourceText Text { get; }
    /// <summary>The lossless tree, built on first use from the parser's line decisions.</summary>
    public SyntaxNode Root => _root ??= TreeBuilder.Build(Table, Sections);

    internal LineTable Table { get; }
    public IReadOnlyList<Paper> Papers { get; }
    public IReadOnlyList<Section> Sections { get; }
    /// <summary>Problems of this document alone (duplicates across documents come from the duplicate finder).</summary>
    public IReadOnlyList<Problem> Problems { get; }
    public Dialect Dialect { get; }
    /// <summary>A file-wide suppression marker: repeats in this file are deliberate.</summary>
    public bool AllowsDuplicates { get; }

    public LineIndex Lines => _lineIndex ??= LineIndex.FromLines(Table.Lines, Text.Length, Text.Length > 0 && Text[0] == '\uFEFF');

    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);

    /// <summary>The abstract as one line of text (hard-wrapped lines joined by single spaces).</summary>
    public string AbstractText(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        if (!paper.HasAbstract) return "";
        return string.Join(' ', Text.AsSpan(paper.AbstractSpan.Start, paper.AbstractSpan.Length).ToString()
            .Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>The paper whose entry contains the offset, or null.</summary>
    public Paper? PaperAt(int offset)
    {
        int lo = 0, hi = Papers.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var span = Papers[mid].Span;
            if (offset < span.Start) hi = mid - 1;
            else if (offset >= span.End && !(offset == span.End && mid == Papers.Count - 1)) lo = mid + 1;
            else return Papers[mid];
        }
        return null;
    }
}
