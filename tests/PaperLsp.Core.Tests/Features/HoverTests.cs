using PaperLsp.Core.Features;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Tests.Support;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests.Features;

public class HoverTests
{
    /// <summary>The hover at the fixture's `$0` in "a.digest", with the other documents open beside it.</summary>
    private static string? Check(string fixture, HoverFormat format = HoverFormat.Markdown, string file = "file:///w/a.digest", params (string Id, string Text)[] others)
    {
        var f = Fixture.Parse(fixture);
        var docs = new List<(string, Model.DigestDocument)> { (file, DigestParser.Parse(f.Text, file)) };
        docs.AddRange(others.Select(o => (o.Id, DigestParser.Parse(o.Text, o.Id))));
        return Hover.At(new WorkspaceSnapshot(docs), file, f.Cursor, format)?.Text;
    }

    private const string Spaced = """
        Sep 10

        Tiny Folding: Merging Heads While $0Training

        Large vision models have shown remarkable progress on many tasks. In this work, we propose Tiny Folding, which merges attention heads during training. It outperforms pruning and runs 3.1x faster, reaching 76.2% top-1 accuracy on ImageNet. Code: https://github.com/folding-lab/tiny-folding.

        Another Paper About Something Else

        We study another question. Results are mixed.
        """;

    [Test]
    public void On_a_title_shows_title_tldr_figures_reading_time_links_and_date()
    {
        Assert.That(Check(Spaced), Is.EqualTo("""
            **Tiny Folding\: Merging Heads While Training**

            **TL;DR\:** In this work, we propose Tiny Folding, which merges attention heads during training. It outperforms pruning and runs 3.1x faster, reaching 76.2% top-1 accuracy on ImageNet.

            **Key figures\:** 3.1x faster · 76.2% on ImageNet

            38 words, under a minute to read

            - Repository\: [github.com/folding-lab/tiny-folding](<https://github.com/folding-lab/tiny-folding>)

            Sep 10
            """));
    }

    [Test]
    public void The_sections_setting_keeps_only_the_parts_asked_for()
    {
        var f = Fixture.Parse(Spaced);
        var ws = new WorkspaceSnapshot([("file:///w/a.digest", DigestParser.Parse(f.Text, "file:///w/a.digest"))]);
        string? text = Hover.At(ws, "file:///w/a.digest", f.Cursor, HoverFormat.PlainText, Configuration.HoverSections.Figures | Configuration.HoverSections.Meta)?.Text;
        Assert.That(text, Is.EqualTo("Tiny Folding: Merging Heads While Training\n\nKey figures: 3.1x faster · 76.2% on ImageNet\n\nSep 10"));
    }

    [Test]
    public void Plain_text_hover_has_no_markup()
    {
        Assert.That(Check(Spaced, HoverFormat.PlainText), Is.EqualTo("""
            Tiny Folding: Merging Heads While Training

            TL;DR: In this work, we propose Tiny Folding, which merges attention heads during training. It outperforms pruning and runs 3.1x faster, reaching 76.2% top-1 accuracy on ImageNet.

            Key figures: 3.1x faster · 76.2% on ImageNet

            38 words, under a minute to read

            - Repository: https://github.com/folding-lab/tiny-folding

            Sep 10
            """));
    }

    [Test]
    public void Anywhere_on_the_title_line_but_not_in_the_abstract_or_between_papers()
    {
        Assert.That(Check(Spaced.Replace("$0", "").Replace("Tiny Folding:", "$0Tiny Folding:")), Does.StartWith("**Tiny Folding"));
        Assert.That(Check(Spaced.Replace("$0", "").Replace("Large vision", "Large $0vision")), Is.Null);
        Assert.That(Check(Spaced.Replace("$0", "").Replace("Sep 10", "Sep$0 10")), Is.Null);
    }

    [Test]
    public void On_a_url_shows_its_cleaned_target_kind_and_repair()
    {
        const string fixture = """
            A Paper With a Damaged Link

            We propose a thing. Code is at https://github.com/o/r_x{https://git$0hub.com/o/r\_x}.
            """;
        Assert.That(Check(fixture), Is.EqualTo("""
            **Repository**\: [https\://github.com/o/r\_x](<https://github.com/o/r_x>)

            Repaired copy damage \(a doubled \\href leftover\); the text has https\://github.com/o/r\_x\{https\://github.com/o/r\\\_x\}
            """));
        Assert.That(Check(fixture.Replace("$0", "").Replace("https://github.com/o/r_x{", "https://github.com/o/r_x{").Replace("We propose", "See https://arxiv.org/pdf/2406.11912v2$0 now. We propose"), HoverFormat.PlainText),
            Is.EqualTo("PDF: https://arxiv.org/pdf/2406.11912v2\n\narXiv 2406.11912"));
    }

    [Test]
    public void Lists_every_other_copy_in_the_workspace_and_the_file()
    {
        const string paper = """
            Shared Paper: Copied Everywhere

            We introduce a shared method. It achieves 90.5% on COCO.

            """;
        string hover = Check(paper.Replace("Shared Paper", "Shared$0 Paper") + "Filler Title Here\n\nSome abstract text that is long enough to be one.\n\n" + paper,
            others: ("file:///w/notes/b%20list.digest", "Header Line\n\n" + paper))!;
        Assert.That(hover, Does.EndWith("Also in a.digest\\:8, b list.digest\\:3"));
    }

    [Test]
    public void Page_copy_metadata_is_shown()
    {
        const string fixture = """
            [-] 42
            https://huggingface.co/papers/2502.01234
            Folded Attention: Linear-Time $0Transformers
            [
            5 authors
            ](https://huggingface.co/papers/2502.01234#authors)
            Example Research Lab
            ·
            Feb 7, 2025
            We present folded attention, a tree of recursive summaries. It runs 5.2x faster than a dense transformer. Code: https://github.com/example-lab/folded-attention.
            12 comments
            """;
        string hover = Check(fixture, HoverFormat.PlainText)!;
        Assert.That(hover, Does.Contain("- arXiv: https://arxiv.org/abs/2502.01234\n- Repository: https://github.com/example-lab/folded-attention\n- Paper page: https://huggingface.co/papers/2502.01234"));
        Assert.That(hover, Does.Contain("Feb 7, 2025 · 42 votes · 5 authors · Example Research Lab · 12 comments"));
        Assert.That(hover, Does.Contain("Key figures: 5.2x faster"));
    }

    [Test]
    public void Markdown_digests_show_tags_and_status()
    {
        const string fixture = """
            ## Retrieval

            ### Lantern: Retrieval Heads That $0Know When to Stop

            We study when a retrieval-augmented model should stop fetching passages. On four benchmarks it cuts retrieval calls by 41% at equal accuracy.

            [arXiv](https://arxiv.org/abs/2503.01234v2) | [Code](https://github.com/lantern-lab/lantern)

            > #toread compare with our cache #retrieval
            """;
        string hover = Check(fixture, HoverFormat.PlainText, "file:///w/list.md")!;
        Assert.That(hover, Does.StartWith("Lantern: Retrieval Heads That Know When to Stop\n\n"));
        Assert.That(hover, Does.Contain("- arXiv: https://arxiv.org/abs/2503.01234\n- Repository: https://github.com/lantern-lab/lantern"));
        Assert.That(hover, Does.EndWith("status: to read · #retrieval"));
    }

    [TestCase(0, "No abstract")]
    [TestCase(1, "1 word, under a minute to read")]
    [TestCase(212, "212 words, about a minute to read")]
    [TestCase(700, "700 words, about three minutes to read")]
    [TestCase(2300, "2,300 words, about ten minutes to read")]
    public void Reading_time_in_human_words(int words, string expected) =>
        Assert.That(Hover.Reading(string.Join(' ', Enumerable.Repeat("word", words))), Is.EqualTo(expected));
}
