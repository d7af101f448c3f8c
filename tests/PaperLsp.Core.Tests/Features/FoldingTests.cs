using System.Text;
using PaperLsp.Core.Features;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Tests.Support;

namespace PaperLsp.Core.Tests.Features;

/// <summary>Folding regions of each dialect, as "first-last kind" with 0-based lines, under LF and CRLF.</summary>
public class FoldingTests
{
    private static void Check(string fixture, string expected, string fileName = "x.digest")
    {
        foreach (var text in new[] { fixture, Fixture.Crlf(fixture) })
        {
            var doc = DigestParser.Parse(text, fileName);
            Assert.That(Render(doc), Is.EqualTo(expected), text.Contains('\r', StringComparison.Ordinal) ? "CRLF" : "LF");
        }
    }

    private static string Render(DigestDocument doc)
    {
        var folds = Folding.Of(doc);
        AssertWellFormed(doc, folds);
        var sb = new StringBuilder();
        foreach (var f in folds) sb.Append($"{doc.Lines.LineOf(f.Span.Start)}-{doc.Lines.LineOf(f.Span.End)} {f.Kind}\n");
        return sb.ToString();
    }

    /// <summary>Whole lines, in order, nested or disjoint (editors drop regions that cross).</summary>
    private static void AssertWellFormed(DigestDocument doc, IReadOnlyList<Fold> folds)
    {
        var open = new Stack<Fold>();
        for (int k = 0; k < folds.Count; k++)
        {
            var f = folds[k];
            Assert.That(f.Span.Start == 0 || doc.Text[f.Span.Start - 1] is '\n' or '\r', $"fold {k} starts a line");
            Assert.That(f.Span.End == doc.Text.Length || doc.Text[f.Span.End] is '\n' or '\r', $"fold {k} ends a line");
            Assert.That(doc.Lines.LineOf(f.Span.End), Is.GreaterThan(doc.Lines.LineOf(f.Span.Start)), $"fold {k} spans lines");
            while (open.Count > 0 && open.Peek().Span.End <= f.Span.Start) open.Pop();
            if (open.Count > 0)
                Assert.That(f.Span.End, Is.LessThanOrEqualTo(open.Peek().Span.End), $"fold {k} nests in the one around it");
            open.Push(f);
        }
    }

    [Test]
    public void Spaced_page_copy_folds_the_header_the_date_section_and_each_entry_below_its_title() => Check("""
        new

        Get trending papers in your email inbox!

        Subscribe

        Sep 10

        Alpha: A First Paper

        We propose a method that does one thing well. It improves accuracy by 4.2% on two benchmarks.

        Beta: A Second Paper

        This paper studies another question in depth. We find that the answer depends on scale.
        """, """
        0-4 Boilerplate
        6-14 Section
        8-10 Entry
        12-14 Entry

        """);

    [Test]
    public void Compact_entries_fold_their_abstract_line() => Check("""
        Get trending papers in your email inbox once a day!
        Get trending papers in your email inbox!
        SubscribeasanAI: A Toolkit
        We propose a method that does one thing well. It improves accuracy by 4.2% on two benchmarks.
        Beta: A Second Paper
        This paper studies another question in depth. We find that the answer depends on scale.
        """, """
        0-1 Boilerplate
        2-3 Entry
        4-5 Entry

        """);

    [Test]
    public void Page_copy_cards_fold_from_the_title_past_their_metadata() => Check("""
        Daily Papers
        Papers
        [-] 42
        https://huggingface.co/papers/2502.01234
        Folded Attention: Linear-Time Transformers by Recursive Summaries
        5 authors
        Example Research Lab
        ·
        Feb 7, 2025
        Folded attention replaces the quadratic attention matrix with a tree of recursive summaries. It runs 5.2x faster.
        12 comments
        [-] 7
        https://huggingface.co/papers/2406.11912
        Lattice Sieves for Sparse Attention Routing
        We introduce lattice sieves, a routing scheme that sends each query token to a small set of key blocks.
        """, """
        0-1 Boilerplate
        4-10 Entry
        13-14 Entry

        """, "x.papers");

    [Test]
    public void Note_blocks_fold_as_comments_inside_their_entry() => Check("""
        Tide: Streaming Graph Partitioning

        Partitioning a graph while its edges arrive is hard. We repair bad choices lazily.
        > #toread #graphs
        > skim the repair section first
        > then the experiments

        Ledger: Reproducible Experiment Tracking

        Ledger stores every experiment as an append-only file. It halves irreproducible results.
        > #read
        """, """
        0-5 Entry
        3-5 Notes
        7-10 Entry

        """);

    [Test]
    public void Markdown_sections_nest_and_entries_end_at_their_last_text_line() => Check("""
        # Reading list

        ## Retrieval

        ### Lantern: Retrieval Heads That Know When to Stop

        We study when a retrieval-augmented model should stop fetching passages. It cuts calls by 41%.

        [arXiv](https://arxiv.org/abs/2503.01234v2) | [Code](https://github.com/lantern-lab/lantern)

        > #toread compare with our cache policy

        ## Agents

        **Toolsmith: Agents That Write Their Own Tools**
        Agents are limited by the tools they are given. Toolsmith lets an agent write its own.
        """, """
        0-15 Section
        2-10 Section
        4-10 Entry
        12-15 Section
        14-15 Entry

        """, "x.md");

    [Test]
    public void A_one_line_entry_or_an_empty_file_has_nothing_to_fold()
    {
        Check("Just a title\n", "");
        Check("", "");
    }

    [TestCase(Seeds.Spaced, 113, 1)]
    [TestCase(Seeds.Compact, 119, 0)]
    public void Seed_folds_every_entry_once_and_the_header(string seed, int papers, int sections)
    {
        var doc = DigestParser.Parse(Seeds.Read(seed), seed);
        var folds = Folding.Of(doc);
        AssertWellFormed(doc, folds);
        Assert.That(folds.Count(f => f.Kind == FoldKind.Entry), Is.EqualTo(papers));
        Assert.That(folds.Count(f => f.Kind == FoldKind.Section), Is.EqualTo(sections));
        Assert.That(folds[0].Kind, Is.EqualTo(FoldKind.Boilerplate));
        Assert.That(doc.Lines.LineOf(folds[0].Span.Start), Is.Zero);
        Assert.That(folds.Where(f => f.Kind == FoldKind.Entry).Select(f => doc.Lines.LineOf(f.Span.Start)),
            Is.EqualTo(doc.Papers.Select(p => doc.Lines.LineOf(p.TitleSpan.Start))));
    }

    [Test]
    public void A_118000_paper_digest_folds_every_entry_with_no_cap()
    {
        var sb = new StringBuilder(118_000 * 120);
        for (int i = 0; i < 118_000; i++)
            sb.Append($"Paper {i}: Sparse Methods for Graphs\nWe study sparse graphs. It improves accuracy by {i % 40}.5% at scale.\n");
        var doc = DigestParser.Parse(sb.ToString(), "big.digest");
        var folds = Folding.Of(doc);
        // Speed is measured by bench/run-lsp-bench.sh (docs/BENCHMARKS.md), not asserted by a timed test.
        Assert.That(folds, Has.Count.EqualTo(118_000));
    }
}
