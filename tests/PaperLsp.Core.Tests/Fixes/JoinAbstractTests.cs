using PaperLsp.Core.Tests.Support;
using static PaperLsp.Core.Tests.Fixes.Abstracts;

namespace PaperLsp.Core.Tests.Fixes;

public class JoinAbstractTests
{
    [Test]
    public void An_abstract_two_blank_lines_below_its_title_keeps_one()
    {
        var fix = FixFixture.Check($"""
            Ledger: Reproducible Experiment Tracking Without a Server

            [|
            |]$0{A}
            > #read #tooling

            """, "join-abstract", $"""
            Ledger: Reproducible Experiment Tracking Without a Server

            {A}
            > #read #tooling

            """);
        Assert.That(fix.Safe && fix.Preferred);
    }

    [Test]
    public void A_paragraph_that_continues_the_abstract_joins_it_with_one_space()
    {
        FixFixture.Check($"""
            Slow Weights, Fast Weights: Two Timescales for Continual Learning

            {A}[|

            |]$0{More}
            > #reading

            """, "join-paragraph", $"""
            Slow Weights, Fast Weights: Two Timescales for Continual Learning

            {A} {More}
            > #reading

            """);
    }

    [Test]
    public void Nothing_is_joined_across_a_note()
    {
        var offered = FixFixture.Offered($"""
            Slow Weights, Fast Weights: Two Timescales for Continual Learning

            {A}
            > #reading

            $0{More}

            """);
        Assert.That(offered, Does.Not.Contain("join-paragraph").And.Not.Contain("join-abstract"));
    }

    [Test]
    public void Fix_all_joins_every_split_abstract()
    {
        FixFixture.Check($"""
            Alpha: A First Paper
            [|

            {A}

            $0{More}

            Beta: A Second Paper


            |]{B}

            """, "all-PD005", $"""
            Alpha: A First Paper

            {A} {More}

            Beta: A Second Paper

            {B}

            """);
    }
}
