using System.Text;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;

namespace PaperLsp.Core.Tests.Support;

/// <summary>
/// Markdown fixture checks: a fixture's outline (sections, papers, facts, problems) rendered as text,
/// plus losslessness and papers owning their own title and abstract on every fixture.
/// </summary>
internal static class MarkdownFixture
{
    internal static void Check(string fixture, string expected, Dialect? dialect = null)
    {
        var doc = DigestParser.Parse(fixture, "x.md");
        Assert.That(Outline(doc), Is.EqualTo(expected.ReplaceLineEndings("\n").TrimEnd()));
        Assert.That(doc.Dialect, Is.EqualTo(dialect ?? Dialect.Markdown));
        AssertLossless(doc, fixture);
        AssertPapersOwnTheirText(doc);
    }

    /// <summary>Sections and papers in document order, indented by nesting; then the problems.</summary>
    internal static string Outline(DigestDocument doc)
    {
        var entries = doc.Sections.Select(s => (s.Span.Start, Order: 0, Line: SectionLine(doc, s)))
            .Concat(doc.Papers.Select(p => (p.Span.Start, Order: 1, Line: PaperLine(doc, p))))
            .OrderBy(e => e.Start).ThenBy(e => e.Order);
        var lines = entries.Select(e => e.Line)
            .Concat(doc.Problems.Select(p => $"{p.Code} '{doc.Slice(p.Span)}'"));
        return string.Join('\n', lines);
    }

    private static string SectionLine(DigestDocument doc, Section s) =>
        $"{Indent(doc, s.ParentIndex)}{(s.Kind == SectionKind.Date ? "date" : "section")} '{s.Title}'";

    private static string PaperLine(DigestDocument doc, Paper p)
    {
        var b = new StringBuilder($"{Indent(doc, p.SectionIndex)}paper '{p.Title}'");
        if (p.HasAbstract) b.Append($" abstract='{Excerpt(doc.AbstractText(p))}'");
        if (p.ArxivId is { } arxiv) b.Append($" arxiv={arxiv}");
        if (p.Links.Count > 0) b.Append($" links={string.Join(',', p.Links.Select(l => LinkName(l.Kind)))}");
        if (p.Notes.Count > 0) b.Append($" notes={p.Notes.Count}");
        if (p.Tags.Count > 0) b.Append($" tags={string.Join(',', p.Tags)}");
        if (p.Status != PaperStatus.None) b.Append($" status={p.Status}");
        if (p.DuplicateAllowed) b.Append(" allow-duplicate");
        return b.ToString();
    }

    private static string Indent(DigestDocument doc, int section)
    {
        int depth = 0;
        for (int s = section; s >= 0; s = doc.Sections[s].ParentIndex) depth++;
        return new string(' ', 2 * depth);
    }

    private static string Excerpt(string text)
    {
        var words = text.Split(' ');
        return words.Length <= 4 ? text : string.Join(' ', words[..4]) + "…";
    }

    private static string LinkName(LinkKind kind) => kind switch
    {
        LinkKind.Repository => "repo",
        LinkKind.PaperPage => "paper",
        LinkKind.ProjectPage => "project",
        LinkKind.Pdf => "pdf",
        _ => "other",
    };

    /// <summary>Each line: its kind, the paper that owns it (or -), and its text.</summary>
    internal static void CheckLines(string fixture, string expected)
    {
        var doc = DigestParser.Parse(fixture, "x.md");
        var lines = new List<string>();
        int paper = -1;
        void Walk(SyntaxNode node, int owner)
        {
            if (node.Kind == SyntaxKind.Paper) owner = ++paper;
            if (node.Kind is not (SyntaxKind.Document or SyntaxKind.Preamble or SyntaxKind.Section or SyntaxKind.Paper))
            {
                if (node.Kind == SyntaxKind.ByteOrderMark) return;
                lines.Add($"{node.Kind,-15} {(owner < 0 ? "-" : owner.ToString())}  {doc.Slice(node.Span).TrimEnd('\r', '\n')}");
                return;
            }
            foreach (var child in node.Children) Walk(child, owner);
        }
        Walk(doc.Root, -1);
        Assert.That(string.Join('\n', lines), Is.EqualTo(expected.ReplaceLineEndings("\n")));
        AssertLossless(doc, fixture);
    }

    internal static void AssertLossless(DigestDocument doc, string text) =>
        Assert.That(string.Concat(doc.Root.Leaves().Select(l => doc.Slice(l.Span))), Is.EqualTo(text));

    internal static void AssertPapersOwnTheirText(DigestDocument doc)
    {
        foreach (var p in doc.Papers)
        {
            Assert.That(p.Span.Start <= p.TitleSpan.Start && p.TitleSpan.End <= p.Span.End, $"title of paper {p.Index} outside its entry");
            if (p.HasAbstract)
                Assert.That(p.Span.Start <= p.AbstractSpan.Start && p.AbstractSpan.End <= p.Span.End, $"abstract of paper {p.Index} outside its entry");
        }
        for (int i = 1; i < doc.Papers.Count; i++)
            Assert.That(doc.Papers[i].Span.Start, Is.GreaterThanOrEqualTo(doc.Papers[i - 1].Span.End));
    }
}
