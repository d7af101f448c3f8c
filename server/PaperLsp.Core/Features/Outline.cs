using PaperLsp.Core.Model;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Features;

public enum OutlineKind
{
    Section,
    Paper,
}

/// <summary>One symbol of the outline: a section holding papers (and subsections), or a paper.</summary>
public sealed record OutlineItem(OutlineKind Kind, string Name, string? Detail, TextSpan Span, TextSpan SelectionSpan, IReadOnlyList<OutlineItem> Children);

/// <summary>The document outline: sections (dates, topics) containing their papers, in text order.</summary>
public static class Outline
{
    public static IReadOnlyList<OutlineItem> Of(DigestDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var children = new List<OutlineItem>[doc.Sections.Count];
        for (int i = 0; i < children.Length; i++) children[i] = [];
        var top = new List<OutlineItem>();
        foreach (var paper in doc.Papers)
            (paper.SectionIndex >= 0 ? children[paper.SectionIndex] : top).Add(PaperItem(doc, paper));
        for (int i = doc.Sections.Count - 1; i >= 0; i--)
        {
            var section = doc.Sections[i];
            var item = new OutlineItem(OutlineKind.Section, NonEmpty(section.Title, "(untitled section)"),
                section.Kind == SectionKind.Date ? "date" : null, section.Span, section.TitleSpan, Ordered(children[i]));
            if (section.ParentIndex >= 0) children[section.ParentIndex].Add(item);
            else top.Add(item);
        }
        return Ordered(top);
    }

    private static List<OutlineItem> Ordered(List<OutlineItem> items)
    {
        items.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return items;
    }

    private static OutlineItem PaperItem(DigestDocument doc, Paper paper)
    {
        string detail = paper.Cache.OutlineDetail ??= Detail(paper);
        return new OutlineItem(OutlineKind.Paper, Name(doc, paper), detail.Length == 0 ? null : detail, paper.Span, paper.TitleSpan, []);
    }

    private static string Detail(Paper paper)
    {
        var detail = new List<string>(3);
        if (paper.ArxivId is not null) detail.Add("arXiv:" + paper.ArxivId);
        if (paper.Date is not null) detail.Add(paper.Date);
        detail.AddRange(paper.Tags.Select(t => "#" + t));
        return string.Join(" · ", detail);
    }

    /// <summary>The title, or the abstract's first words when the title is empty: a symbol's name is never empty.</summary>
    public static string Name(DigestDocument doc, Paper paper)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(paper);
        if (!string.IsNullOrWhiteSpace(paper.Title)) return paper.Title;
        var words = doc.AbstractText(paper).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8);
        return NonEmpty(string.Join(' ', words), "(untitled paper)");
    }

    private static string NonEmpty(string text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text;
}
