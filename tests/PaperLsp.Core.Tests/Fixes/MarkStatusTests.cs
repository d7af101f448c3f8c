using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Tests.Support;
using static PaperLsp.Core.Tests.Fixes.Abstracts;

namespace PaperLsp.Core.Tests.Fixes;

public class MarkStatusTests
{
    [Test]
    public void A_note_line_goes_right_under_the_abstract()
    {
        var fix = FixFixture.Check($"""
            Alpha: A $0First Paper

            {A}
            [||]
            Beta: A Second Paper

            {B}

            """, "mark-read", $"""
            Alpha: A First Paper

            {A}
            > #read

            Beta: A Second Paper

            {B}

            """);
        Assert.That(fix.Title, Is.EqualTo("Mark \"Alpha: A First Paper\" as #read"));
    }

    [Test]
    public void An_existing_status_tag_is_replaced_and_the_rest_of_the_note_stays()
    {
        FixFixture.Check($"""
            Tide: Streaming $0Graph Partitioning

            {A}
            > [|#toread|] #graphs skim the repair section first

            """, "mark-skip", $"""
            Tide: Streaming Graph Partitioning

            {A}
            > #skip #graphs skim the repair section first

            """);
    }

    [Test]
    public void The_note_goes_after_the_other_notes_and_the_status_is_read_back()
    {
        string after = $"""
            Alpha: A First Paper 𝔸
            {A}
            > #graphs a note
            > #toread
            Beta: A Second Paper
            {B}
            """;
        FixFixture.Check($"""
            Alpha: A $0First Paper 𝔸
            {A}
            > #graphs a note
            [||]Beta: A Second Paper
            {B}
            """, "mark-toread", after);
        Assert.That(DigestParser.Parse(after).Papers[0].Status, Is.EqualTo(PaperStatus.ToRead));
    }

    [Test]
    public void At_the_end_of_a_file_without_a_final_newline()
    {
        FixFixture.Check($"""
            Alpha: A $0First Paper

            {A}[||]
            """, "mark-read", $"""
            Alpha: A First Paper

            {A}
            > #read
            """);
    }

    [Test]
    public void In_markdown_after_the_link_line()
    {
        FixFixture.Check($"""
            # List

            ### Lantern: $0Retrieval Heads

            {A}

            [arXiv](https://arxiv.org/abs/2503.01234)
            [||]
            ### Other: A Paper

            {B}

            """, "mark-read", $"""
            # List

            ### Lantern: Retrieval Heads

            {A}

            [arXiv](https://arxiv.org/abs/2503.01234)
            > #read

            ### Other: A Paper

            {B}

            """, "l.md");
    }

    [Test]
    public void The_current_status_is_not_offered_and_nothing_is_offered_inside_tables_or_details()
    {
        Assert.That(FixFixture.Offered($"Alpha: A $0First Paper\n\n{A}\n> #toread\n").Where(f => f.StartsWith("mark-")),
            Is.EqualTo(new[] { "mark-read", "mark-skip" }));
        Assert.That(FixFixture.Offered($"# A\n\n| Title | Abstract |\n|---|---|\n| Alpha: A $0First Paper | {A} |\n", "t.md").Where(f => f.StartsWith("mark-")), Is.Empty);
        Assert.That(FixFixture.Offered($"# A\n\n<details>\n<summary>Alpha: A $0First Paper</summary>\n\n{A}\n\n</details>\n", "d.md").Where(f => f.StartsWith("mark-")), Is.Empty);
    }
}
