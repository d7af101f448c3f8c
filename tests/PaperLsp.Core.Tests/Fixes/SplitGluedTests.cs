using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Tests.Support;
using static PaperLsp.Core.Tests.Fixes.Abstracts;

namespace PaperLsp.Core.Tests.Fixes;

public class SplitGluedTests
{
    [Test]
    public void The_phrase_goes_on_a_line_of_its_own_and_the_title_stays_word_for_word()
    {
        var fix = FixFixture.Check($"""
            Get trending papers in your email inbox!
            [|$0SubscribeasanAI: In-Browser, No-Code, Offline-First Machine Learning Toolkit|]
            {A}

            """, "split-glued", $"""
            Get trending papers in your email inbox!
            Subscribe
            asanAI: In-Browser, No-Code, Offline-First Machine Learning Toolkit
            {A}

            """);
        Assert.That(fix.Safe && fix.Preferred);
        Assert.That(fix.Title, Is.EqualTo("Split \"Subscribe\" from the title"));
        Assert.That(fix.Edits, Has.Count.EqualTo(1).And.All.Matches<PaperLsp.Core.Fixes.SpanEdit>(e => e.Span.Length == 0));
    }

    [Test]
    public void After_the_split_the_title_is_read_alone_and_the_problem_is_gone()
    {
        string before = $"Get trending papers in your email inbox!\nSubscribeasanAI: A Toolkit 📜\n{A}\n";
        var doc = DigestParser.Parse(before, "x.txt");
        var fix = PaperLsp.Core.Fixes.CodeFixes.ForProblem(doc, doc.Problems.Single(p => p.Code == DiagnosticCodes.GluedBoilerplate)).First();
        var after = DigestParser.Parse(PaperLsp.Core.Fixes.Edits.Apply(before, fix.Edits), "x.txt");
        Assert.That(after.Papers.Single().Title, Is.EqualTo("asanAI: A Toolkit 📜"));
        Assert.That(after.Problems.Select(p => p.Code), Does.Not.Contain(DiagnosticCodes.GluedBoilerplate));
    }

    [Test]
    public void Fix_all_splits_every_glued_phrase()
    {
        FixFixture.Check($"""
            Get trending papers in your email inbox!
            [|$0SubscribeAlpha: A First Paper
            {A}
            Daily Papers
            SubscribeBeta: A Second Paper|]
            {B}

            """, "all-PD003", $"""
            Get trending papers in your email inbox!
            Subscribe
            Alpha: A First Paper
            {A}
            Daily Papers
            Subscribe
            Beta: A Second Paper
            {B}

            """);
    }
}
