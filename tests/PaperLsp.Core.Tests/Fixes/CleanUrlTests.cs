using PaperLsp.Core.Tests.Support;
using static PaperLsp.Core.Tests.Fixes.Abstracts;

namespace PaperLsp.Core.Tests.Fixes;

public class CleanUrlTests
{
    [Test]
    public void A_doubled_href_leftover_is_cut_and_the_sentence_stop_stays()
    {
        var fix = FixFixture.Check($"""
            Alpha: A First Paper

            {A} Code: [|$0https://github.com/o/r{"{"}https://github.com/o/r\_x{"}"}|].

            """, "clean-url", $"""
            Alpha: A First Paper

            {A} Code: https://github.com/o/r.

            """);
        Assert.That(fix.Title, Is.EqualTo("Repair the URL: https://github.com/o/r"));
        Assert.That(fix.Edits.Single().Span.Length, Is.EqualTo("{https://github.com/o/r\\_x}".Length), "the edit deletes only the leftover");
        Assert.That(fix.Safe, Is.False, "it rewrites a word of the abstract");
    }

    [Test]
    public void A_latex_escape_loses_its_backslash_only()
    {
        var fix = FixFixture.Check($"""
            Quiet Gradients: Noise Floors in Low-Precision Training 𝔸

            {A} Code at [|$0https://github.com/example-lab/quiet\_gradients|] for all.

            """, "clean-url", $"""
            Quiet Gradients: Noise Floors in Low-Precision Training 𝔸

            {A} Code at https://github.com/example-lab/quiet_gradients for all.

            """);
        Assert.That(fix.Edits.Single().Span.Length, Is.EqualTo(1));
        Assert.That(fix.Edits.Single().NewText, Is.Empty);
    }

    [Test]
    public void In_markdown_too()
    {
        FixFixture.Check($"""
            # List

            **Quiet Queries: Compressing Search Prompts**
            {A}
            Code is at [|$0https://github.com/some-org/some_repo{"{"}https://github.com/some-org/some\_repo{"}"}|].

            **Other: Another Paper**
            {B}

            """, "clean-url", $"""
            # List

            **Quiet Queries: Compressing Search Prompts**
            {A}
            Code is at https://github.com/some-org/some_repo.

            **Other: Another Paper**
            {B}

            """, "list.md");
    }

    [Test]
    public void Fix_all_repairs_every_damaged_url()
    {
        FixFixture.Check($"""
            Alpha: A First Paper

            [|{A} See $0https://github.com/o/a\_b and https://github.com/o/c{"{"}https://github.com/o/c\_d{"}"}|].

            """, "all-PD006", $"""
            Alpha: A First Paper

            {A} See https://github.com/o/a_b and https://github.com/o/c.

            """);
    }
}
