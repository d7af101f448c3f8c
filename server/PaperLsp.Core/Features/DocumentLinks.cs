using PaperLsp.Core.Facts;
using PaperLsp.Core.Model;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Features;

/// <summary>
/// One link per URL of the digest: the span is the URL as it stands (the parser already left out
/// trailing sentence punctuation), the target the cleaned http(s) URL (<see cref="SafeUrl"/>).
/// </summary>
public static class DocumentLinks
{
    public static IReadOnlyList<PaperLink> Of(DigestDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var links = new List<PaperLink>();
        int covered = 0;
        foreach (var paper in doc.Papers)
        {
            if (paper.Span.Start > covered) AddFound(doc, TextSpan.FromBounds(covered, paper.Span.Start), links);
            foreach (var link in paper.Links) Add(link, links);
            covered = Math.Max(covered, paper.Span.End);
        }
        if (covered < doc.Text.Length) AddFound(doc, TextSpan.FromBounds(covered, doc.Text.Length), links);
        return links;
    }

    private static void AddFound(DigestDocument doc, TextSpan region, List<PaperLink> links)
    {
        foreach (var link in LinkExtractor.Find(doc.Text.Window(region, before: 1), region)) Add(link, links);
    }

    private static void Add(PaperLink link, List<PaperLink> links)
    {
        if (SafeUrl.Http(link.Target) is { } target) links.Add(link with { Target = target });
    }

    /// <summary>What a link is, in words: "repository", "paper page", "PDF", "project page", "web page".</summary>
    public static string Describe(LinkKind kind) => kind switch
    {
        LinkKind.Repository => "repository",
        LinkKind.ProjectPage => "project page",
        LinkKind.PaperPage => "paper page",
        LinkKind.Pdf => "PDF",
        _ => "web page",
    };
}
