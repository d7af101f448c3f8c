using PaperLsp.Core.Tests.Support;
using static PaperLsp.Core.Tests.Fixes.Abstracts;

namespace PaperLsp.Core.Tests.Fixes;

public class RemoveDuplicateTests
{
    [Test]
    public void A_copy_in_the_middle_goes_with_its_notes_and_one_blank_line()
    {
        var fix = FixFixture.Check($"""
            Alpha: A First Paper

            {A}

            [|$0Alpha: A First Paper

            {A}
            > #read a second look

            |]Beta: A Second Paper

            {B}

            """, "remove-duplicate", $"""
            Alpha: A First Paper

            {A}

            Beta: A Second Paper

            {B}

            """);
        Assert.That(fix.Title, Is.EqualTo("Remove this copy of \"Alpha: A First Paper\""));
        Assert.That(fix.RemovedPapers, Is.EqualTo(new[] { 1 }));
        Assert.That(fix.Safe, Is.False);
    }

    [Test]
    public void The_last_copy_of_a_file_without_a_final_newline_takes_the_blank_line_before_it()
    {
        FixFixture.Check($"""
            Alpha: A First Paper

            {A}

            Beta: A Second Paper

            {B}[|

            $0Alpha: A First Paper

            {A}|]
            """, "remove-duplicate", $"""
            Alpha: A First Paper

            {A}

            Beta: A Second Paper

            {B}
            """);
    }

    [Test]
    public void A_compact_copy_of_a_paper_in_another_file_goes_alone()
    {
        FixFixture.Check($"""
            Alpha: A First Paper
            {A}
            [|$0Gamma: A Third Paper
            {C}
            |]Beta: A Second Paper
            {B}

            """, "remove-duplicate", $"""
            Alpha: A First Paper
            {A}
            Beta: A Second Paper
            {B}

            """, "a.digest", ("b.digest", $"Gamma: A Third Paper\n\n{C}\n"));
    }

    [Test]
    public void A_page_copy_entry_goes_with_its_card_but_the_boilerplate_after_it_stays()
    {
        FixFixture.Check($"""
            Daily Papers
            [-] 42
            https://huggingface.co/papers/2502.01234
            Folded Attention: Linear-Time Transformers
            [
            5 authors
            ](https://huggingface.co/papers/2502.01234#authors)
            ·
            Feb 7, 2025
            {A}
            12 comments
            [|[-] 7
            https://huggingface.co/papers/2502.01234
            $0Folded Attention: Linear-Time Transformers
            {A}
            3 comments
            |]Subscribe
            [-] 3
            https://huggingface.co/papers/2406.11912
            Lattice Sieves for Sparse Attention Routing
            {B}
            """, "remove-duplicate", $"""
            Daily Papers
            [-] 42
            https://huggingface.co/papers/2502.01234
            Folded Attention: Linear-Time Transformers
            [
            5 authors
            ](https://huggingface.co/papers/2502.01234#authors)
            ·
            Feb 7, 2025
            {A}
            12 comments
            Subscribe
            [-] 3
            https://huggingface.co/papers/2406.11912
            Lattice Sieves for Sparse Attention Routing
            {B}
            """, "p.papers");
    }

    [Test]
    public void A_markdown_heading_copy_at_the_end_leaves_its_topic_heading()
    {
        FixFixture.Check($"""
            # List

            ## Retrieval

            ### Lantern: Retrieval Heads That Know When to Stop

            {A}

            [arXiv](https://arxiv.org/abs/2503.01234)

            ## Agents[|

            ### $0Lantern: Retrieval Heads That Know When to Stop

            {A}

            > #read|]
            """, "remove-duplicate", $"""
            # List

            ## Retrieval

            ### Lantern: Retrieval Heads That Know When to Stop

            {A}

            [arXiv](https://arxiv.org/abs/2503.01234)

            ## Agents
            """, "list.md");
    }

    [Test]
    public void A_markdown_table_row_copy_is_just_its_row()
    {
        FixFixture.Check($"""
            # Archive

            | Title | Abstract |
            |---|---|
            | Pebble: Tiny Models for Sensor Streams | {A} |
            [|| $0Pebble: Tiny Models for Sensor Streams | {A} |
            |]| Moss: Growing Vocabularies During Pre-training | {B} |

            """, "remove-duplicate", $"""
            # Archive

            | Title | Abstract |
            |---|---|
            | Pebble: Tiny Models for Sensor Streams | {A} |
            | Moss: Growing Vocabularies During Pre-training | {B} |

            """, "archive.md");
    }

    [Test]
    public void Fix_all_keeps_the_first_copy_of_each_paper_in_the_file()
    {
        var fix = FixFixture.Check($"""
            $0Alpha: A First Paper

            {A}

            [|Alpha: A First Paper

            {A}

            Beta: A Second Paper

            {B}

            Alpha: A First Paper

            {B}
            |]
            """, "all-PD001", $"""
            Alpha: A First Paper

            {A}

            Beta: A Second Paper

            {B}

            """);
        Assert.That(fix.RemovedPapers, Is.EqualTo(new[] { 1, 3 }));
    }

    [Test]
    public void Fix_all_is_not_offered_for_copies_that_are_only_in_other_files()
    {
        var offered = FixFixture.Offered($"$0Gamma: A Third Paper\n\n{C}\n", "a.digest", ("b.digest", $"Gamma: A Third Paper\n\n{C}\n"));
        Assert.That(offered, Does.Contain("remove-duplicate").And.Not.Contain("all-PD001"));
    }
}
