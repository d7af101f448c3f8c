using System.Text;
using PaperLsp.Core.Features;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Tests.Support;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Tests.Features;

/// <summary>Semantic highlighting: every token as "line:column kind 'text'", checked under LF and CRLF.</summary>
public class SyntaxHighlightingTests
{
    private static void Check(string fixture, string expected, string fileName = "x.digest")
    {
        foreach (var text in new[] { fixture, Fixture.Crlf(fixture) })
        {
            var doc = DigestParser.Parse(text, fileName);
            Assert.That(Render(doc, SyntaxHighlighting.Of(doc)), Is.EqualTo(expected), text.Contains('\r', StringComparison.Ordinal) ? "CRLF" : "LF");
        }
    }

    private static string Render(DigestDocument doc, IReadOnlyList<HighlightToken> tokens)
    {
        AssertWellFormed(doc, tokens);
        var sb = new StringBuilder();
        foreach (var t in tokens)
        {
            var p = doc.Lines.GetPosition(t.Span.Start);
            sb.Append($"{p.Line}:{p.Character} {t.Kind} '{doc.Slice(t.Span)}'\n");
        }
        return sb.ToString();
    }

    /// <summary>Sorted, not overlapping, not empty, never across a line break.</summary>
    private static void AssertWellFormed(DigestDocument doc, IReadOnlyList<HighlightToken> tokens)
    {
        int end = 0;
        foreach (var t in tokens)
        {
            Assert.That(t.Span.Start, Is.GreaterThanOrEqualTo(end), $"{t} overlaps or is out of order");
            Assert.That(t.Span.Length, Is.Positive);
            Assert.That(doc.Slice(t.Span), Does.Not.Contain('\n').And.Not.Contain('\r'));
            end = t.Span.End;
        }
    }

    [Test]
    public void Spaced_titles_heads_quantities_math_and_ids() => Check("""
        Get trending papers in your email inbox!

        Sep 10

        zkDL: Efficient Proofs for $\mathcal{O}(n)$ Networks

        We prove inference of 7B models 5.2x faster, keeping 98.2% accuracy within 4.1 meters and 2 hours. See arXiv:2406.11912v2. GPT-4 and C2N stay plain, as do 18 groups and $5 prices.
        """, """
        0:0 Boilerplate 'Get trending papers in your email inbox!'
        2:0 Heading 'Sep 10'
        4:0 TitleHead 'zkDL:'
        4:6 Title 'Efficient Proofs for '
        4:27 Latex '$\mathcal{O}(n)$'
        4:43 Title ' Networks'
        6:22 Quantity '7B'
        6:32 Quantity '5.2x'
        6:53 Quantity '98.2%'
        6:75 Quantity '4.1 meters'
        6:90 Quantity '2 hours'
        6:109 ArxivId '2406.11912v2'

        """);

    [Test]
    public void Compact_glued_boilerplate_urls_and_latex_commands() => Check("""
        SubscribeasanAI: In-Browser Machine Learning
        We study \textit{C. elegans} with $\nabla^2$ filters; code at https://github.com/a/b_c and 3x3 kernels.
        """, """
        0:0 Boilerplate 'Subscribe'
        0:9 TitleHead 'asanAI:'
        0:17 Title 'In-Browser Machine Learning'
        1:9 Latex '\textit{C. elegans}'
        1:34 Latex '$\nabla^2$'
        1:62 Url 'https://github.com/a/b_c'

        """);

    [Test]
    public void Page_copy_urls_and_boilerplate_inside_the_list() => Check("""
        Daily Papers
        [-] 42
        https://huggingface.co/papers/2502.01234
        Folded Attention: Linear-Time Transformers
        Folded attention replaces the quadratic attention matrix with a tree of summaries, running 5.2x faster.
        Subscribe
        [-] 7
        https://huggingface.co/papers/2406.11912
        Lattice Sieves for Sparse Attention Routing
        We introduce lattice sieves, keeping 98.2% of dense attention quality.
        """, """
        0:0 Boilerplate 'Daily Papers'
        2:0 Url 'https://huggingface.co/papers/2502.01234'
        3:0 Title 'Folded Attention: Linear-Time Transformers'
        4:91 Quantity '5.2x'
        5:0 Boilerplate 'Subscribe'
        7:0 Url 'https://huggingface.co/papers/2406.11912'
        8:0 Title 'Lattice Sieves for Sparse Attention Routing'
        9:37 Quantity '98.2%'

        """, "x.papers");

    [Test]
    public void Markdown_headings_links_notes_and_tags() => Check("""
        ## Retrieval

        ### Lantern: Retrieval Heads That Know When to Stop

        It cuts retrieval calls by 41% at equal accuracy.

        [arXiv](https://arxiv.org/abs/2503.01234v2)

        > #toread compare with #retrieval caches
        """, """
        0:3 Heading 'Retrieval'
        2:4 TitleHead 'Lantern:'
        2:13 Title 'Retrieval Heads That Know When to Stop'
        4:27 Quantity '41%'
        6:8 Url 'https://arxiv.org/abs/2503.01234v2'
        8:0 Note '> '
        8:2 Tag '#toread'
        8:9 Note ' compare with '
        8:23 Tag '#retrieval'
        8:33 Note ' caches'

        """, "x.md");

    [Test]
    public void A_range_returns_only_the_tokens_that_touch_it()
    {
        const string text = """
            Alpha: First

            It is 5x faster.

            Beta: Second

            It is 7x faster.

            Gamma: Third

            It is 9x faster.
            """;
        var doc = DigestParser.Parse(text, "x.digest");
        var range = TextSpan.FromBounds(doc.Lines.LineStart(4), doc.Lines.LineStart(7));
        Assert.That(Render(doc, SyntaxHighlighting.InRange(doc, range)), Is.EqualTo("""
            4:0 TitleHead 'Beta:'
            4:6 Title 'Second'
            6:6 Quantity '7x'

            """));
        Assert.That(SyntaxHighlighting.InRange(doc, new TextSpan(0, 0)), Is.Empty);
    }

    [TestCase(Seeds.Spaced)]
    [TestCase(Seeds.Compact)]
    public void Seed_tokens_are_well_formed_and_a_range_is_a_slice_of_the_whole(string seed)
    {
        var doc = DigestParser.Parse(Seeds.Read(seed), seed);
        var all = SyntaxHighlighting.Of(doc);
        AssertWellFormed(doc, all);
        Assert.That(all.Count(t => t.Kind == HighlightKind.Title || t.Kind == HighlightKind.TitleHead && doc.Papers.Count > 0),
            Is.GreaterThanOrEqualTo(doc.Papers.Count));
        Assert.That(all.Count(t => t.Kind == HighlightKind.Latex), Is.Positive);
        Assert.That(all.Count(t => t.Kind == HighlightKind.Quantity), Is.GreaterThan(20));
        var range = TextSpan.FromBounds(doc.Lines.LineStart(40), doc.Lines.LineStart(60));
        Assert.That(SyntaxHighlighting.InRange(doc, range),
            Is.EqualTo(all.Where(t => t.Span.End > range.Start && t.Span.Start < range.End)));
    }

    [TestCase("zkDL: Proofs", 5)]
    [TestCase("asanAI: A Toolkit", 7)]
    [TestCase("Folded Attention: Linear Time", 0)]
    [TestCase("arXiv:2406.11912 copies", 0)]
    [TestCase("2024: A Year", 0)]
    public void Title_head_is_one_word_and_its_colon(string title, int length) =>
        Assert.That(SyntaxHighlighting.HeadLength(title), Is.EqualTo(length));
}
