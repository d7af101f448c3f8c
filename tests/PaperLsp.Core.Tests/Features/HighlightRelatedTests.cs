using PaperLsp.Core.Features;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Tests.Support;

namespace PaperLsp.Core.Tests.Features;

/// <summary>Document highlight from a `$0` cursor: what matched and the text of every occurrence, under LF and CRLF.</summary>
public class HighlightRelatedTests
{
    private static void Check(string fixture, string? expected, string fileName = "x.digest")
    {
        foreach (var text in new[] { fixture, Fixture.Crlf(fixture) })
        {
            var f = Fixture.Parse(text);
            var doc = DigestParser.Parse(f.Text, fileName);
            var related = HighlightRelated.At(doc, f.Cursor);
            string? actual = related is null ? null
                : $"{related.Kind} {related.Key}: " + string.Join(" | ", related.Spans.Select(s => $"{doc.Lines.GetPosition(s.Start).Line}:{doc.Lines.GetPosition(s.Start).Character} {doc.Slice(s)}"));
            Assert.That(actual, Is.EqualTo(expected));
            if (related is not null) Assert.That(related.Spans, Is.Ordered.By("Start"));
        }
    }

    /// <summary>The spaced fixture with the cursor at the first occurrence of <paramref name="marked"/> (which holds `$0`).</summary>
    private static string At(string marked)
    {
        string plain = marked.Replace(Fixture.Marker, "", StringComparison.Ordinal);
        int at = Spaced.IndexOf(plain, StringComparison.Ordinal);
        return Spaced[..at] + marked + Spaced[(at + plain.Length)..];
    }

    private const string Spaced = """
        Alpha: First Paper

        We build on arXiv:2406.11912 and 2406.119123 (not an id). Code: https://github.com/Lab/Alpha.git and https://huggingface.co/papers/2406.11912v2.

        Beta: Second Paper

        We extend 2406.11912v3 with https://www.github.com/lab/alpha/tree/main and https://github.com/lab/alphabet.

        Alpha: First Paper

        A copy of the first abstract, found again in this file.
        """;

    [Test]
    public void An_arxiv_id_in_text_highlights_every_mention_with_its_version() =>
        Check(At("arXiv:2406.$01"),
            "ArxivId 2406.11912: 2:18 2406.11912 | 2:131 2406.11912v2 | 6:10 2406.11912v3");

    [Test]
    public void A_paper_page_url_highlights_its_arxiv_id() =>
        Check(At("https://hug$0ging"),
            "ArxivId 2406.11912: 2:18 2406.11912 | 2:131 2406.11912v2 | 6:10 2406.11912v3");

    [Test]
    public void A_repository_url_highlights_links_to_the_same_repository() =>
        Check(At("github.com/La$0b"),
            "Repository github.com/lab/alpha: 2:64 https://github.com/Lab/Alpha.git | 6:28 https://www.github.com/lab/alpha/tree/main");

    [Test]
    public void A_title_highlights_the_copies_of_its_paper() =>
        Check(At("Al$0pha: First"),
            "Title alphafirstpaper: 0:0 Alpha: First Paper | 8:0 Alpha: First Paper");

    [Test]
    public void Plain_words_highlight_nothing() => Check(At("We bu$0ild"), null);

    [Test]
    public void Page_copy_and_markdown_links_highlight_by_id() => Check("""
        ## Retrieval

        ### Lantern: Retrieval Heads

        We study when a model should stop fetching passages.

        [arXiv](https://arxiv.org/abs/2503.$001234v2) | [Code](https://github.com/lantern-lab/lantern)

        ### Lantern Again

        The same paper, https://arxiv.org/pdf/2503.01234 as a PDF.
        """, "ArxivId 2503.01234: 6:30 2503.01234v2 | 10:38 2503.01234", "x.md");

    [Test]
    public void Compact_seed_repository_link_is_among_its_own_highlights()
    {
        var doc = DigestParser.Parse(Seeds.Read(Seeds.Compact), Seeds.Compact);
        var link = doc.Papers.SelectMany(p => p.Links).First(l => l.Kind == Model.LinkKind.Repository);
        var related = HighlightRelated.At(doc, link.Span.Start + 1);
        Assert.That(related, Is.Not.Null);
        Assert.That(related!.Spans, Does.Contain(link.Span));
        Assert.That(related.Kind, Is.EqualTo(RelatedKind.Repository).Or.EqualTo(RelatedKind.ArxivId));
    }
}
