using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Fixes;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Tests.Support;
using static PaperLsp.Core.Tests.Fixes.Abstracts;

namespace PaperLsp.Core.Tests.Fixes;

/// <summary>The safe fixes together (source.fixAll and paperlsp fix): whitespace and boilerplate only.</summary>
public class SafeFixesTests
{
    [Test]
    public void A_glued_compact_copy_is_split_spaced_and_cleaned()
    {
        string before = $"Get trending papers in your email inbox!\r\nSubscribeAlpha: A First Paper\r\n{A}\r\nDaily Papers\r\nBeta: A Second Paper  \r\n{B}";
        var run = SafeFixes.Run(DigestParser.Parse(before, "x.txt"), "x.txt", removeDuplicates: false);
        Assert.That(run.Text, Is.EqualTo($"Get trending papers in your email inbox!\r\nSubscribe\r\n\r\nAlpha: A First Paper\r\n\r\n{A}\r\n\r\nBeta: A Second Paper\r\n\r\n{B}\r\n"));
        Assert.That(run.Applied, Is.EqualTo(new[]
        {
            "split the glued page phrase from 1 title (PD003)",
            "removed 1 page boilerplate line",
            "formatted: inserted 4 blank lines (compact → spaced) and made 2 other whitespace edits",
        }));
        Assert.That(Edits.Apply(before, run.Edits), Is.EqualTo(run.Text), "the composed edits are the run");
        Assert.That(run.Skipped, Is.Empty);
    }

    [Test]
    public void Running_again_changes_nothing()
    {
        string before = $"SubscribeAlpha: A First Paper\n{A}\nBeta: A Second Paper\n\n\n{B}\n\n{More}\n";
        var once = SafeFixes.Run(DigestParser.Parse(before, "x.txt"), "x.txt", removeDuplicates: true);
        var twice = SafeFixes.Run(DigestParser.Parse(once.Text, "x.txt"), "x.txt", removeDuplicates: true);
        Assert.That(twice.Changed, Is.False, string.Join("; ", twice.Applied));
        Assert.That(once.Document.Problems.Select(p => p.Code), Has.None.AnyOf(SafeFixes.Codes.ToArray()));
    }

    [Test]
    public void Duplicates_go_only_when_asked_and_only_exact_copies()
    {
        string before = $"""
            Alpha: A First Paper

            {A}

            Alpha: A First Paper

            {A}

            Alpha: A First Paper

            {B}

            Alpha: A First Paper

            {A}
            > #read my own note

            """;
        var doc = DigestParser.Parse(before, "x.digest");
        Assert.That(SafeFixes.Run(doc, "x.digest", removeDuplicates: false).Changed, Is.False);
        var run = SafeFixes.Run(doc, "x.digest", removeDuplicates: true);
        Assert.That(run.Document.Papers.Select(p => run.Document.AbstractText(p)), Is.EqualTo(new[] { A, B, A }));
        Assert.That(run.Document.Papers[2].Notes, Has.Count.EqualTo(1), "a copy with notes of its own stays");
        Assert.That(run.Applied, Is.EqualTo(new[] { "removed 1 exact duplicate copy (PD001)" }));
    }

    [Test]
    public void Seed_004_keeps_every_paper_and_loses_its_glue()
    {
        string text = Seeds.Read(Seeds.Compact);
        var doc = DigestParser.Parse(text, Seeds.Compact);
        var run = SafeFixes.Run(doc, Seeds.Compact, removeDuplicates: false);
        Assert.That(run.Document.Papers.Select(p => p.Title), Is.EqualTo(doc.Papers.Select(p => p.Title)));
        Assert.That(run.Document.Papers.Select(p => run.Document.AbstractText(p)), Is.EqualTo(doc.Papers.Select(p => doc.AbstractText(p))));
        Assert.That(run.Document.Problems.Select(p => p.Code).Distinct(), Is.EquivalentTo(new[] { DiagnosticCodes.DamagedUrl, DiagnosticCodes.LeftoverLatex }));
        Assert.That(run.Applied, Has.Count.EqualTo(2));
        Assert.That(run.Applied[0], Is.EqualTo("split the glued page phrase from 1 title (PD003)"));
        Assert.That(run.Applied[1], Does.StartWith("formatted: inserted ").And.Contain("(compact → spaced)"));
    }
}
