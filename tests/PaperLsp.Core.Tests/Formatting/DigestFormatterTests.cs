using PaperLsp.Core.Fixes;
using PaperLsp.Core.Formatting;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Tests.Support;
using PaperLsp.Core.Text;
using static PaperLsp.Core.Tests.Fixes.Abstracts;

namespace PaperLsp.Core.Tests.Formatting;

/// <summary>The canonical layout, under LF and CRLF: whitespace-only edits, idempotent.</summary>
public class DigestFormatterTests
{
    private static void Check(string before, string after, string fileName = "x.digest")
    {
        foreach (bool crlf in new[] { false, true })
        {
            string b = crlf ? Fixture.Crlf(before) : before, a = crlf ? Fixture.Crlf(after) : after;
            var edits = DigestFormatter.Edits(DigestParser.Parse(b, fileName));
            foreach (var e in edits)
                Assert.That(b.AsSpan(e.Span.Start, e.Span.Length).IsWhiteSpace() && e.NewText.AsSpan().IsWhiteSpace(), $"{e} changes more than whitespace");
            string formatted = Edits.Apply(b, edits);
            Assert.That(formatted, Is.EqualTo(a), crlf ? "CRLF" : "LF");
            Assert.That(DigestFormatter.Edits(DigestParser.Parse(formatted, fileName)), Is.Empty, "formatting twice changes nothing");
        }
    }

    [Test]
    public void A_canonical_spaced_digest_is_left_alone()
    {
        Check($"Daily Papers\n\nSep 10\n\nAlpha: A First Paper\n\n{A}\n> #read\n\nBeta: A Second Paper\n\n{B}\n", $"Daily Papers\n\nSep 10\n\nAlpha: A First Paper\n\n{A}\n> #read\n\nBeta: A Second Paper\n\n{B}\n");
    }

    [Test]
    public void Compact_becomes_spaced()
    {
        Check($"Alpha: A First Paper\n{A}\nBeta: A Second Paper\n{B}\n", $"Alpha: A First Paper\n\n{A}\n\nBeta: A Second Paper\n\n{B}\n");
    }

    [Test]
    public void Blank_lines_collapse_and_vanish_at_the_ends_and_trailing_whitespace_goes()
    {
        Check($"\n\n  \nAlpha: A First Paper   \n \n\n\t\n{A}\t\n\n\n\nBeta: A Second Paper\n  \n{B}\n\n\n  \n", $"Alpha: A First Paper\n\n{A}\n\nBeta: A Second Paper\n\n{B}\n");
    }

    [Test]
    public void A_missing_final_newline_is_added_after_trailing_whitespace_goes()
    {
        Check($"Alpha: A First Paper\n\n{A}   ", $"Alpha: A First Paper\n\n{A}\n");
    }

    [Test]
    public void Notes_move_right_under_the_abstract_and_paragraphs_and_wrapping_stay()
    {
        Check($"""
            Alpha: A First Paper

            We propose a method that does one thing well.
            It improves accuracy by 4.2% on two benchmarks.


            {More}

            > #read #graphs


            > a second note
            Beta: A Second Paper
            {B}
            """, $"""
            Alpha: A First Paper

            We propose a method that does one thing well.
            It improves accuracy by 4.2% on two benchmarks.

            {More}
            > #read #graphs
            > a second note

            Beta: A Second Paper

            {B}

            """);
    }

    [Test]
    public void Page_copy_cards_stay_together_and_entries_get_a_blank_line()
    {
        Check($"""
            Daily Papers
            [-] 42
            https://huggingface.co/papers/2502.01234
            Folded Attention: Linear-Time Transformers
            5 authors
            Feb 7, 2025
            {A}
            12 comments
            [-] 7
            https://huggingface.co/papers/2406.11912
            Lattice Sieves for Sparse Attention Routing
            {B}
            """, $"""
            Daily Papers

            [-] 42
            https://huggingface.co/papers/2502.01234
            Folded Attention: Linear-Time Transformers
            5 authors
            Feb 7, 2025
            {A}
            12 comments

            [-] 7
            https://huggingface.co/papers/2406.11912
            Lattice Sieves for Sparse Attention Routing

            {B}

            """, "p.papers");
    }

    [Test]
    public void A_byte_order_mark_and_astral_characters_stay()
    {
        Check($"\uFEFF\n\nSep 21\nGlyph-Level Pretraining for 𐔸ncient Scripts 📜\n{A}", $"\uFEFFSep 21\n\nGlyph-Level Pretraining for 𐔸ncient Scripts 📜\n\n{A}\n");
    }

    [Test]
    public void New_line_breaks_follow_the_file_even_when_it_mixes_them()
    {
        string before = $"Alpha: A First Paper\r\n{A}\nBeta: A Second Paper\n{B}";
        string after = Edits.Apply(before, DigestFormatter.Edits(DigestParser.Parse(before)));
        Assert.That(after, Is.EqualTo($"Alpha: A First Paper\r\n\r\n{A}\n\r\nBeta: A Second Paper\n\r\n{B}\r\n"), "existing breaks are kept, new ones are the file's first kind");
    }

    [Test]
    public void Markdown_keeps_its_layout_but_for_blank_lines_between_papers_and_at_the_ends()
    {
        Check($"""


            # List

            ## Retrieval
            ### Lantern: Retrieval Heads
            {A}  
            hard break above, kept

            | Title | Abstract |
            |---|---|
            | Pebble: Tiny Models | {B} |



            **Quiet Queries: Compressing Search Prompts**
            {C}
            > #read



            <details>
            <summary>Bramble: Planning With Partial Maps</summary>


            {B}

            </details>


            """, $"""
            # List

            ## Retrieval
            ### Lantern: Retrieval Heads
            {A}  
            hard break above, kept

            | Title | Abstract |
            |---|---|
            | Pebble: Tiny Models | {B} |

            **Quiet Queries: Compressing Search Prompts**
            {C}
            > #read

            <details>
            <summary>Bramble: Planning With Partial Maps</summary>


            {B}

            </details>

            """, "list.md");
    }

    [Test]
    public void Range_formatting_touches_only_the_lines_in_the_range()
    {
        string text = $"Alpha: A First Paper\n{A}\nBeta: A Second Paper\n{B}\nGamma: A Third Paper\n{C}";
        var doc = DigestParser.Parse(text);
        int from = text.IndexOf("Beta", StringComparison.Ordinal), to = text.IndexOf(B, StringComparison.Ordinal) + 5;
        var edits = DigestFormatter.Edits(doc, TextSpan.FromBounds(from, to));
        Assert.That(Edits.Apply(text, edits), Is.EqualTo($"Alpha: A First Paper\n{A}\n\nBeta: A Second Paper\n\n{B}\nGamma: A Third Paper\n{C}"));
    }

    [Test]
    public void Whitespace_only_is_emptied()
    {
        Check(" \n\t\n", "");
        Check("", "");
    }

    [TestCase(Seeds.Spaced)]
    [TestCase(Seeds.Compact)]
    public void Seeds_format_to_whitespace_changes_only_and_stay_formatted(string seed)
    {
        string text = Seeds.Read(seed);
        var doc = DigestParser.Parse(text, seed);
        var edits = DigestFormatter.Edits(doc);
        Assert.That(edits.All(e => text.AsSpan(e.Span.Start, e.Span.Length).IsWhiteSpace() && string.IsNullOrWhiteSpace(e.NewText)));
        string formatted = Edits.Apply(text, edits);
        var after = DigestParser.Parse(formatted, seed);
        Assert.That(after.Papers.Select(p => (p.Title, after.AbstractText(p))), Is.EqualTo(doc.Papers.Select(p => (p.Title, doc.AbstractText(p)))));
        Assert.That(DigestFormatter.Edits(after), Is.Empty);
        if (seed == Seeds.Spaced) Assert.That(edits, Has.Count.EqualTo(1), "seed 000 is spaced already: only its final newline is missing");
    }
}
