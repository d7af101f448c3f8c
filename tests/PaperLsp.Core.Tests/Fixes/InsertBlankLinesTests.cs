using PaperLsp.Core.Tests.Support;
using static PaperLsp.Core.Tests.Fixes.Abstracts;

namespace PaperLsp.Core.Tests.Fixes;

public class InsertBlankLinesTests
{
    [Test]
    public void A_compact_digest_becomes_spaced_and_only_blank_lines_are_added()
    {
        var fix = FixFixture.Check($"""
            [|Get trending papers in your email inbox!
            Subscribe
            Alpha: A $0First Paper
            {A}
            Beta: A Second Paper 🚀
            {B}
            |]
            """, "insert-blank-lines", $"""
            Get trending papers in your email inbox!
            Subscribe

            Alpha: A First Paper

            {A}

            Beta: A Second Paper 🚀

            {B}

            """);
        Assert.That(fix.Safe);
        Assert.That(fix.Edits.All(e => e.Span.Length == 0 && e.NewText == "\n"));
    }

    [Test]
    public void A_page_copy_gets_blank_lines_between_entries_but_its_cards_stay_together()
    {
        FixFixture.Check($"""
            [|Daily Papers
            [-] 42
            https://huggingface.co/papers/2502.01234
            Folded Attention: Linear-Time $0Transformers
            5 authors
            Feb 7, 2025
            {A}
            [-] 7
            https://huggingface.co/papers/2406.11912
            Lattice Sieves for Sparse Attention Routing
            {B}|]
            """, "insert-blank-lines", $"""
            Daily Papers

            [-] 42
            https://huggingface.co/papers/2502.01234
            Folded Attention: Linear-Time Transformers
            5 authors
            Feb 7, 2025
            {A}

            [-] 7
            https://huggingface.co/papers/2406.11912
            Lattice Sieves for Sparse Attention Routing

            {B}
            """, "p.papers");
    }

    [Test]
    public void Not_offered_for_a_spaced_digest_or_markdown()
    {
        Assert.That(FixFixture.Offered($"Alpha: A $0First Paper\n\n{A}\n\nBeta: A Second Paper\n\n{B}\n"), Does.Not.Contain("insert-blank-lines"));
        Assert.That(FixFixture.Offered($"# List\n\n**Alpha: A $0First Paper**\n{A}\n**Beta: A Second Paper**\n{B}\n", "l.md"), Does.Not.Contain("insert-blank-lines"));
    }
}
