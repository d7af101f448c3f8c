using PaperLsp.Core.Tests.Support;
using static PaperLsp.Core.Tests.Fixes.Abstracts;

namespace PaperLsp.Core.Tests.Fixes;

public class UnwrapAbstractTests
{
    [Test]
    public void The_lines_of_one_paragraph_join_with_single_spaces_and_paragraphs_stay_apart()
    {
        var fix = FixFixture.Check($"""
            Alpha: A $0First Paper

            [|We propose a method that does one  
              thing well. It improves accuracy by
            4.2% on two benchmarks.|]

            {More}

            """, "unwrap", $"""
            Alpha: A First Paper

            We propose a method that does one thing well. It improves accuracy by 4.2% on two benchmarks.

            {More}

            """);
        Assert.That(fix.Safe, Is.False, "paperlsp fix leaves the user's wrapping alone");
    }

    [Test]
    public void A_markdown_hard_break_is_kept()
    {
        FixFixture.Check($"""
            # List

            ### Alpha: A $0First Paper

            [|We propose a method that does one thing well.  
            It improves accuracy by 4.2% on two benchmarks.
            Code is in the repository.|]

            """, "unwrap", $"""
            # List

            ### Alpha: A First Paper

            We propose a method that does one thing well.  
            It improves accuracy by 4.2% on two benchmarks. Code is in the repository.

            """, "l.md");
    }

    [Test]
    public void Not_offered_for_an_abstract_on_one_line()
    {
        Assert.That(FixFixture.Offered($"Alpha: A $0First Paper\n\n{A}\n"), Does.Not.Contain("unwrap").And.Not.Contain("unwrap-all"));
    }

    [Test]
    public void Unwrap_all_is_offered_when_other_abstracts_are_wrapped_too()
    {
        FixFixture.Check($"""
            Alpha: A $0First Paper

            [|We propose a method that does one
            thing well. It improves accuracy.

            Beta: A Second Paper

            This paper studies another question
            in depth. We find that it scales.|]

            """, "unwrap-all", """
            Alpha: A First Paper

            We propose a method that does one thing well. It improves accuracy.

            Beta: A Second Paper

            This paper studies another question in depth. We find that it scales.

            """);
    }
}
