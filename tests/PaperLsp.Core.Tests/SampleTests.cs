using PaperLsp.Core.Syntax;
using PaperLsp.Core.Tests.Support;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests;

/// <summary>The project's own samples (every dialect, every code): outline and diagnostics baselines.</summary>
public class SampleTests
{
    private static IEnumerable<string> SampleFiles() =>
        Directory.GetFiles(Path.Combine(Seeds.RepoRoot, "samples")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    [TestCaseSource(nameof(SampleFiles))]
    public void Sample_outline_and_diagnostics_match_the_baseline(string name)
    {
        var all = Directory.GetFiles(Path.Combine(Seeds.RepoRoot, "samples"))
            .Select(f => (Id: Path.GetFileName(f), Document: DigestParser.Parse(File.ReadAllText(f), f))).ToList();
        var snapshot = new WorkspaceSnapshot(all);
        var doc = all.Single(d => d.Id == name).Document;
        Assert.That(Lossless.Reassemble(doc), Is.EqualTo(doc.Text.ToString()));
        Baseline.Check($"samples/{name}.txt", OutlineRenderer.Render(doc, snapshot.ProblemsOf(name)));
    }

    [Test]
    public void Samples_exercise_every_diagnostic_code()
    {
        var all = Directory.GetFiles(Path.Combine(Seeds.RepoRoot, "samples"))
            .Select(f => (Id: f, Document: DigestParser.Parse(File.ReadAllText(f), f))).ToList();
        var snapshot = new WorkspaceSnapshot(all);
        var codes = all.SelectMany(d => snapshot.ProblemsOf(d.Id)).Select(p => p.Code).ToHashSet();
        Assert.That(codes, Is.EquivalentTo(Diagnostics.DiagnosticCodes.All.Select(r => r.Code)));
    }
}
