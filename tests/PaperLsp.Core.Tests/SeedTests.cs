using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Tests.Support;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests;

/// <summary>The two real digests: exact paper counts and titles, glued boilerplate, the 13 shared papers.</summary>
public class SeedTests
{
    [TestCase(Seeds.Spaced, 113, 6)]
    [TestCase(Seeds.Compact, 119, 2)]
    public void Every_paper_is_found_with_the_exact_text_of_its_title_line(string seed, int papers, int headerLines)
    {
        string text = Seeds.Read(seed);
        var doc = DigestParser.Parse(text, seed);
        var nonBlank = text.Split('\n').Where(l => l.Trim().Length > 0).Skip(headerLines).ToList();
        var expectedTitles = nonBlank.Where((_, i) => i % 2 == 0).ToList();
        expectedTitles[0] = seed == Seeds.Compact ? expectedTitles[0]["Subscribe".Length..] : expectedTitles[0];

        Assert.That(doc.Papers, Has.Count.EqualTo(papers));
        Assert.That(doc.Papers.Select(p => p.Title), Is.EqualTo(expectedTitles));
        Assert.That(doc.Papers.Select(p => doc.AbstractText(p)), Is.EqualTo(nonBlank.Where((_, i) => i % 2 == 1)));
    }

    [Test]
    public void Glued_subscribe_yields_the_asanAI_title_and_a_diagnostic()
    {
        var doc = DigestParser.Parse(Seeds.Read(Seeds.Compact), Seeds.Compact);
        Assert.That(doc.Papers[0].Title, Is.EqualTo("asanAI: In-Browser, No-Code, Offline-First Machine Learning Toolkit"));
        var glued = doc.Problems.Single(p => p.Code == DiagnosticCodes.GluedBoilerplate);
        Assert.That(doc.Slice(glued.Span), Is.EqualTo("Subscribe"));
        Assert.That(doc.Lines.GetPosition(glued.Span.Start), Is.EqualTo(new Text.LinePosition(2, 0)));
    }

    [Test]
    public void The_13_papers_in_both_seeds_are_PD001_in_both_files_and_nothing_else_is()
    {
        var a = DigestParser.Parse(Seeds.Read(Seeds.Spaced), Seeds.Spaced);
        var b = DigestParser.Parse(Seeds.Read(Seeds.Compact), Seeds.Compact);
        var snapshot = new WorkspaceSnapshot([("a.txt", a), ("b.txt", b)]);
        var inA = snapshot.ProblemsOf("a.txt").Where(p => p.Code == DiagnosticCodes.Duplicate).ToList();
        var inB = snapshot.ProblemsOf("b.txt").Where(p => p.Code == DiagnosticCodes.Duplicate).ToList();

        Assert.That(inA, Has.Count.EqualTo(13));
        Assert.That(inB, Has.Count.EqualTo(13));
        Assert.That(inA.All(p => p.Message.Contains("also at b.txt:") && p.RelatedLocations.Single().DocumentId == "b.txt"));
        Assert.That(inB.All(p => p.Message.Contains("also at a.txt:") && p.RelatedLocations.Single().DocumentId == "a.txt"));
        Assert.That(snapshot.PapersInSeveralDocuments(), Is.EqualTo(13));
        var near = snapshot.ProblemsOf("a.txt").Concat(snapshot.ProblemsOf("b.txt")).Where(p => p.Code == DiagnosticCodes.NearDuplicate);
        Assert.That(near, Is.Empty, "near-duplicate false positives on the seeds");
    }

    [Test]
    public void Damaged_links_in_seed_004_resolve_to_clean_targets()
    {
        var doc = DigestParser.Parse(Seeds.Read(Seeds.Compact), Seeds.Compact);
        var targets = doc.Papers.SelectMany(p => p.Links).Select(l => l.Target).ToList();
        Assert.That(targets, Does.Contain("https://github.com/antoyang/NAS-Benchmark"));
        Assert.That(targets, Does.Contain("https://github.com/abdelfattah-lab/flan_nas"));
        Assert.That(targets.Where(t => t.EndsWith('.') || t.EndsWith(',')), Is.Empty);
    }

    [TestCase(Seeds.Spaced)]
    [TestCase(Seeds.Compact)]
    public void Seed_outline_matches_its_reviewed_baseline(string seed)
    {
        var doc = DigestParser.Parse(Seeds.Read(seed), seed);
        Baseline.Check($"seed-{seed[..3]}.outline.txt", OutlineRenderer.Render(doc, redact: true));
    }

    [Test]
    public void Seed_diagnostics_match_their_reviewed_baseline()
    {
        var a = DigestParser.Parse(Seeds.Read(Seeds.Spaced), Seeds.Spaced);
        var b = DigestParser.Parse(Seeds.Read(Seeds.Compact), Seeds.Compact);
        var snapshot = new WorkspaceSnapshot([("000", a), ("004", b)]);
        string Problems(string id, DigestDocument doc) =>
            string.Join("", OutlineRenderer.Render(doc, snapshot.ProblemsOf(id), redact: true).Split('\n').Where(l => l.StartsWith("PD")).Select(l => l + "\n"));
        Baseline.Check("seeds.diagnostics.txt", "# seed 000\n" + Problems("000", a) + "# seed 004\n" + Problems("004", b));
    }

    [TestCase(Seeds.Spaced)]
    [TestCase(Seeds.Compact)]
    public void Seed_parse_is_lossless(string seed)
    {
        string text = Seeds.Read(seed);
        Assert.That(Lossless.Reassemble(DigestParser.Parse(text, seed)), Is.EqualTo(text));
        Assert.That(DigestParser.Parse(text, seed).Dialect.HasFlag(seed == Seeds.Spaced ? Dialect.Spaced : Dialect.Compact));
    }
}
