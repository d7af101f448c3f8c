using System.Text;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using static PaperLsp.Core.Tests.Support.MarkdownFixture;

namespace PaperLsp.Core.Tests;

/// <summary>Markdown digests under CRLF, BOM, astral characters and hostile input: never a throw, never a lost character.</summary>
public class MarkdownRobustnessTests
{
    [Test]
    public void LF_and_CRLF_give_the_same_papers_at_different_offsets()
    {
        const string lf = "## Topic\n\n### First Paper\n\nFirst abstract,\nwrapped.\n\n**Second Paper**\nSecond abstract.\n";
        string crlf = lf.Replace("\n", "\r\n");
        var a = DigestParser.Parse(lf, "x.md");
        var b = DigestParser.Parse(crlf, "x.md");
        Assert.That(Outline(b), Is.EqualTo(Outline(a)));
        Assert.That(b.Papers.Select(p => p.Title), Is.EqualTo(new[] { "First Paper", "Second Paper" }));
        Assert.That(b.Papers.Select(b.AbstractText), Is.EqualTo(a.Papers.Select(a.AbstractText)));
        Assert.That(b.Papers[1].TitleSpan.Start, Is.GreaterThan(a.Papers[1].TitleSpan.Start));
        Assert.That(b.Lines.GetPosition(b.Papers[1].TitleSpan.Start), Is.EqualTo(a.Lines.GetPosition(a.Papers[1].TitleSpan.Start)));
    }

    [Test]
    public void Astral_characters_in_titles()
    {
        var doc = DigestParser.Parse("### 🦙 Llamas over 𝔸-modules\n\nAbstract 🦙.\n\n**𝔹old 🚀 Title**\nAbstract.\n", "x.md");
        Assert.That(doc.Papers.Select(p => p.Title), Is.EqualTo(new[] { "🦙 Llamas over 𝔸-modules", "𝔹old 🚀 Title" }));
        var second = doc.Papers[1].TitleSpan;
        Assert.That(doc.Lines.GetPosition(second.End).Character - doc.Lines.GetPosition(second.Start).Character, Is.EqualTo(14));
        Assert.That(doc.Lines.GetPosition(second.Start).Character, Is.EqualTo(2));
    }

    [Test]
    public void A_tab_after_the_heading_marks() => Check("Intro.\n## \tTabbed Title **bold** ##\n\nAbstract.\n", """
        paper 'Tabbed Title **bold**' abstract='Abstract.'
        """);

    [Test]
    public void Latex_in_titles_is_kept_verbatim() => Check("""
        ### Sorting in $\mathcal{O}(n)$ with $x_i$ and $y_j$

        Abstract.
        """, """
        paper 'Sorting in $\mathcal{O}(n)$ with $x_i$ and $y_j$' abstract='Abstract.'
        """);

    [Test]
    public void A_byte_order_mark_is_kept_and_skipped()
    {
        const string text = "\uFEFF## Topic\n\n### Paper After BOM\n\nAbstract.\n";
        var doc = DigestParser.Parse(text, "x.md");
        Assert.That(Outline(doc), Is.EqualTo("section 'Topic'\n  paper 'Paper After BOM' abstract='Abstract.'"));
        Assert.That(doc.Root.Children[0].Kind, Is.EqualTo(SyntaxKind.ByteOrderMark));
        Assert.That(doc.Lines.GetPosition(doc.Sections[0].TitleSpan.Start).Character, Is.EqualTo(3));
        AssertLossless(doc, text);
    }

    [TestCase("\n")]
    [TestCase("\r\n")]
    [TestCase("\r")]
    public void Every_character_belongs_to_one_leaf(string newline)
    {
        string text = string.Join(newline,
            "\uFEFF# Digest", "", "## Topic", "<!-- paperlsp: allow-duplicate -->", "### Paper 🦙", "Abstract  ", "> #toread",
            "", "| Title | Abstract |", "|---|---|", "| Row | Cell |", "", "<details><summary>S</summary>", "x", "</details>",
            "- **Item**", "  text", "```", "code", "```", "---", "[ref]: https://example.org", "   ");
        AssertLossless(DigestParser.Parse(text, "x.md"), text);
    }

    private static IEnumerable<TestCaseData> HostileInputs()
    {
        yield return new TestCaseData(new string('>', 10_000) + " deep quote\n").SetName("Hostile_deep_quotes");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("- ", 10_000)) + "deep list\n").SetName("Hostile_deep_list");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("> - ", 3_000)) + "x\n").SetName("Hostile_quotes_in_lists");
        yield return new TestCaseData(new string('[', 5_000) + "x" + new string(']', 5_000) + "\n").SetName("Hostile_brackets");
        yield return new TestCaseData(new string('*', 5_000) + "x\n### T\n").SetName("Hostile_stars");
        yield return new TestCaseData("| Title |\n|---|---|---|\n| a | b | c | d |\n|\n||||\n").SetName("Hostile_malformed_table");
        yield return new TestCaseData("<details><summary>\n\n<summary><summary></summary>\n<details>\n<!-- open").SetName("Hostile_unclosed_html");
        yield return new TestCaseData("\0\uFFFF\uD800 ## \t#\r\r\n\t> *").SetName("Hostile_control_characters");
        yield return new TestCaseData("").SetName("Hostile_empty");
        yield return new TestCaseData("x](<b>\n## \t<summary>🦙</summary>\t<!--`").SetName("Hostile_tab_in_heading");
    }

    [TestCaseSource(nameof(HostileInputs))]
    public void Hostile_input_never_throws(string text)
    {
        var doc = DigestParser.Parse(text, "x.md");
        AssertLossless(doc, text);
        AssertPapersOwnTheirText(doc);
    }

    [Test]
    public void Nesting_beyond_Markdig_limit_falls_back_to_the_plain_reading()
    {
        var doc = DigestParser.Parse(new string('>', 1_000) + " x\n", "x.md");
        Assert.That(doc.Dialect.HasFlag(Dialect.Markdown), Is.False);
    }

    // ---- helpers ----
}
