using PaperLsp.Core.Features;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Tests.Support;

namespace PaperLsp.Core.Tests.Features;

/// <summary>Smart selection from a `$0` cursor: the chain of selected texts, innermost first, under LF and CRLF.</summary>
public class SelectionRangesTests
{
    private static void Check(string fixture, string[] expected, string fileName = "x.digest")
    {
        foreach (var text in new[] { fixture, Fixture.Crlf(fixture) })
        {
            var f = Fixture.Parse(text);
            var doc = DigestParser.Parse(f.Text, fileName);
            var chain = SelectionRanges.At(doc, f.Cursor);
            for (int k = 1; k < chain.Count; k++)
                Assert.That(chain[k].Start <= chain[k - 1].Start && chain[k].End >= chain[k - 1].End && chain[k] != chain[k - 1],
                    $"range {k} strictly contains range {k - 1}");
            Assert.That(chain[0].Touches(f.Cursor));
            // Whole-document and section texts are shown by their first line only.
            Assert.That(chain.Select(s => FirstLine(doc.Slice(s))), Is.EqualTo(expected.Select(FirstLine)));
            Assert.That(chain[^1].Length, Is.EqualTo(doc.Text.Length));
        }
    }

    private static string FirstLine(string s) => s.Split('\n')[0].TrimEnd('\r') + (s.Contains('\n', StringComparison.Ordinal) ? " …" : "");

    private const string Spaced = """
        Sep 10

        zkDL: Efficient Proofs for Linear-Time Networks

        We prove inference of large models. It runs 5.2x faster than prior work, e.g. on GPUs. Code is at https://github.com/zk/dl.

        Beta: Second
        """;

    [Test]
    public void Abstract_word_sentence_abstract_entry_section_document() => Check(Spaced.Replace("runs 5.2x", "ru$0ns 5.2x", StringComparison.Ordinal),
        ["runs", "It runs 5.2x faster than prior work, e.g. on GPUs.",
         "We prove inference of large models. It runs 5.2x faster than prior work, e.g. on GPUs. Code is at https://github.com/zk/dl.",
         "zkDL: Efficient Proofs for Linear-Time Networks\n", "Sep 10\n"]);

    [Test]
    public void Title_words_join_hyphens() => Check(Spaced.Replace("Linear-Time", "Lin$0ear-Time", StringComparison.Ordinal),
        ["Linear-Time", "zkDL: Efficient Proofs for Linear-Time Networks", "zkDL: Efficient Proofs for Linear-Time Networks\n", "Sep 10\n"]);

    [Test]
    public void A_url_is_selected_whole_after_its_word() => Check(Spaced.Replace("github.com/zk", "git$0hub.com/zk", StringComparison.Ordinal),
        ["github.com", "https://github.com/zk/dl", "Code is at https://github.com/zk/dl.", "We prove inference of large models. It runs 5.2x faster than prior work, e.g. on GPUs. Code is at https://github.com/zk/dl.",
         "zkDL: Efficient Proofs for Linear-Time Networks\n", "Sep 10\n"]);

    [Test]
    public void Compact_cursor_at_the_end_of_a_title() => Check("""
        Alpha: First Paper$0
        We propose a method. It works.
        Beta: Second Paper
        This paper studies another question. We find an answer.
        """, ["Paper", "Alpha: First Paper", "Alpha: First Paper\n", "Alpha: First Paper\nWe propose"]);

    [Test]
    public void Page_copy_metadata_line_then_entry() => Check("""
        [-] 42
        https://huggingface.co/papers/2502.01234
        Folded Attention: Linear-Time Transformers
        5 auth$0ors
        Feb 7, 2025
        Folded attention replaces the quadratic attention matrix with a tree of summaries. It is fast.
        """, ["authors", "5 authors", "[-] 42\n"], "x.papers");

    [Test]
    public void Markdown_note_then_entry_then_nested_sections() => Check("""
        # Reading list

        ## Retrieval

        ### Lantern: Retrieval Heads

        We study when a model should stop fetching passages.

        > #toread compare with our ca$0che policy
        """, ["cache", "> #toread compare with our cache policy", "### Lantern: Retrieval Heads\n", "## Retrieval\n", "# Reading list\n"], "x.md");

    [Test]
    public void A_blank_line_between_entries_selects_the_section() => Check("""
        Sep 10

        Alpha: First Paper

        We propose a method. It works.
        $0
        Beta: Second Paper

        This paper studies another question. We find an answer.
        """, ["Sep 10\n"]);

    [Test]
    public void An_empty_document_gives_an_empty_range_at_the_cursor()
    {
        var doc = DigestParser.Parse("", "x.digest");
        Assert.That(SelectionRanges.At(doc, 0), Is.EqualTo(new[] { new Text.TextSpan(0, 0) }));
    }

    [Test]
    public void Seed_every_title_selects_title_entry_section_document()
    {
        var doc = DigestParser.Parse(Seeds.Read(Seeds.Spaced), Seeds.Spaced);
        foreach (var paper in doc.Papers)
        {
            var chain = SelectionRanges.At(doc, paper.TitleSpan.Start + 1);
            Assert.That(chain, Does.Contain(paper.TitleSpan));
            Assert.That(chain[^2], Is.EqualTo(doc.Sections[0].Span with { Length = doc.Sections[0].Span.Length - 1 }).Or.EqualTo(doc.Sections[0].Span));
        }
    }
}
