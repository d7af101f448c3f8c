using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests;

public class DuplicateTests
{
    private const string Abstract = "We propose a method that does one thing well. It improves accuracy by 4.2% on two benchmarks.";

    private static List<Problem> Problems(string text, string code)
    {
        var doc = DigestParser.Parse(text, "a.digest");
        return new WorkspaceSnapshot([("a.digest", doc)]).ProblemsOf("a.digest").Where(p => p.Code == code).ToList();
    }

    [Test]
    public void A_paper_copied_many_times_names_a_few_places_and_counts_the_rest()
    {
        string text = string.Concat(Enumerable.Repeat($"Alpha: The Same Paper\n\n{Abstract}\n\n", 2000));
        var dups = Problems(text, DiagnosticCodes.Duplicate);
        Assert.That(dups, Has.Count.EqualTo(2000));
        Assert.That(dups[0].Message, Is.EqualTo("Duplicate paper (same title): also at line 5, line 9, line 13, line 17, line 21 and 1994 more"));
        Assert.That(dups[0].RelatedLocations, Has.Count.EqualTo(50));
    }

    [Test]
    public void Same_arXiv_id_under_different_titles_is_one_paper()
    {
        var dups = Problems($"Alpha v1\n{Abstract} arXiv:2406.11912\nAlpha: Renamed in v2\n{Abstract.Replace("one", "two")} https://arxiv.org/abs/2406.11912v2\n", DiagnosticCodes.Duplicate);
        Assert.That(dups.Select(d => d.Message), Is.EqualTo(new[]
        {
            "Duplicate paper (same arXiv id 2406.11912): also at line 3",
            "Duplicate paper (same arXiv id 2406.11912): also at line 1",
        }));
    }

    [Test]
    public void Equal_titles_with_different_arXiv_ids_are_different_papers()
    {
        var dups = Problems($"Alpha\n{Abstract} arXiv:2406.11912\nAlpha\n{Abstract.Replace("one", "two")} arXiv:2406.22222\n", DiagnosticCodes.Duplicate);
        Assert.That(dups, Is.Empty);
    }

    [TestCase("Tide: Streaming Graph Partitioning for Billion-Edge Workloads", "Tide: Streaming Graph Partitioning for Trillion-Edge Workloads", "nearly the same title, 88% similar")]
    [TestCase("Tide: Streaming Graph Partitioning for Billion-Edge Workloads", "Tide: Streaming Graph Partitioning", "a truncated title, 90% similar")]
    [TestCase("Streaming Graph Partitioning for Billion-Edge Workloads", "Billion-Edge Workloads: Streaming Graph Partitioning for", "the same title words in another order, 100% similar")]
    public void Near_duplicate_titles_are_reported_with_their_similarity(string a, string b, string expected)
    {
        var near = Problems($"{a}\n{Abstract}\n{b}\n{Abstract.Replace("one thing", "something")} Other words here.\n", DiagnosticCodes.NearDuplicate);
        Assert.That(near, Has.Count.EqualTo(2));
        Assert.That(near[0].Message, Does.Contain($"({expected})"));
    }

    [Test]
    public void The_same_abstract_under_another_title_is_a_near_duplicate()
    {
        var near = Problems($"Alpha: One Name\n{Abstract}\nZeta: Another Name Entirely\n{Abstract}\n", DiagnosticCodes.NearDuplicate);
        Assert.That(near.Select(n => n.Message), Has.All.Contain("the same abstract under another title, 100% similar"));
    }

    [Test]
    public void Short_titles_sharing_words_are_not_near_duplicates()
    {
        var near = Problems($"Graph Neural Networks\n{Abstract}\nDeep Graph Neural Networks Revisited\n{Abstract.Replace("one", "two")} More.\n", DiagnosticCodes.NearDuplicate);
        Assert.That(near, Is.Empty);
    }

    [Test]
    public void A_suppression_marker_silences_a_deliberate_repeat()
    {
        var dups = Problems($"Alpha\n{Abstract}\n<!-- paperlsp: allow-duplicate -->\nAlpha\n{Abstract}\n", DiagnosticCodes.Duplicate);
        Assert.That(dups, Is.Empty);
        var whole = Problems($"<!-- paperlsp: allow-duplicates-file -->\nAlpha\n{Abstract}\nAlpha\n{Abstract}\n", DiagnosticCodes.Duplicate);
        Assert.That(whole, Is.Empty);
    }
}

public class CrossDialectDuplicateTests
{
    [Test]
    public void A_plain_text_copy_and_a_Markdown_copy_of_one_paper_are_duplicates()
    {
        const string plain = "Tide: Streaming Graph Partitioning\n\nWe partition graphs while edges arrive. Bad choices are repaired lazily.\n";
        const string markdown = "## Graphs\n\n### Tide: Streaming *Graph* Partitioning\n\nWe partition graphs while edges arrive. Bad choices are repaired lazily.\n";
        var snapshot = new WorkspaceSnapshot([
            ("a.digest", DigestParser.Parse(plain, "a.digest")),
            ("b.md", DigestParser.Parse(markdown, "b.md")),
        ]);
        var a = snapshot.ProblemsOf("a.digest").Single(p => p.Code == DiagnosticCodes.Duplicate);
        var b = snapshot.ProblemsOf("b.md").Single(p => p.Code == DiagnosticCodes.Duplicate);
        Assert.That(a.Message, Is.EqualTo("Duplicate paper (same title): also at b.md:3"));
        Assert.That(b.Message, Is.EqualTo("Duplicate paper (same title): also at a.digest:1"));
    }
}
