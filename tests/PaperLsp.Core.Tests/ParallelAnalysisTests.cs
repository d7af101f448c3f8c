using System.Text;
using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Duplicates;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Tests.Support;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests;

/// <summary>
/// A large digest is assembled, and a first duplicate analysis keyed, on several threads: the answers must be
/// exactly those of one thread. The thresholds are lowered so the test's digest takes both paths.
/// </summary>
[NonParallelizable]
public class ParallelAnalysisTests
{
    private static readonly string[] PlainDialects = ["spaced", "compact", "glued", "page-copy", "annotated", "mixed"];

    [Test]
    public void Papers_built_in_slices_equal_papers_built_in_one_pass()
    {
        string text = MixedDigest();
        var sequential = WithThresholds(int.MaxValue, int.MaxValue, () => DigestParser.Parse(text, "big.digest"));
        var sliced = WithThresholds(16, int.MaxValue, () => DigestParser.Parse(text, "big.digest"));
        Assert.That(sequential.Papers, Has.Count.GreaterThan(400), "the digest must be big enough for several slices");
        Assert.That(sequential.Problems.Select(p => p.Code).Distinct().Count(), Is.GreaterThan(3), "the generator must produce content problems");
        Assert.That(OutlineRenderer.Render(sliced), Is.EqualTo(OutlineRenderer.Render(sequential)));
        Assert.That(Lossless.Reassemble(sliced), Is.EqualTo(text));
    }

    [Test]
    public void A_first_scan_keyed_on_several_threads_answers_as_one_thread_does()
    {
        var texts = Enumerable.Range(0, 3).ToDictionary(d => $"file:///d{d}.digest", d => MixedDigest(first: d * 40, count: 40) + Copies(d), StringComparer.Ordinal);
        // Each run parses anew, so no paper brings keys computed by the other run.
        Dictionary<string, string> Analyse(int keysFrom) => WithThresholds(int.MaxValue, keysFrom, () =>
        {
            var snapshot = new WorkspaceSnapshot(texts.Select(t => (t.Key, DigestParser.Parse(t.Value, t.Key))), new DuplicateIndex());
            return texts.Keys.ToDictionary(id => id, id => Render(snapshot.ProblemsOf(id)), StringComparer.Ordinal);
        });
        var oneThread = Analyse(int.MaxValue);
        var threads = Analyse(64);
        Assert.That(threads, Is.EqualTo(oneThread));
        Assert.That(oneThread.Values.Sum(r => r.Split('\n').Count(l => l.StartsWith("PD00", StringComparison.Ordinal))), Is.GreaterThan(20),
            "the documents must share papers");
    }

    /// <summary>Generated plain digests of every dialect, one after another.</summary>
    private static string MixedDigest(int first = 0, int count = 120)
    {
        var sb = new StringBuilder();
        for (int seed = first; seed < first + count; seed++)
        {
            string part = DigestGenerator.Generate(PlainDialects[seed % PlainDialects.Length], seed).Text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
            sb.Append(part.TrimEnd('\n')).Append("\n\n");
        }
        return sb.ToString();
    }

    /// <summary>The same three papers in every document, one of them under another title.</summary>
    private static string Copies(int d) =>
        "Shared Sparse Attention Kernels for Tiny Devices\n\nWe study sparse attention kernels on tiny devices and report memory and speed on three benchmarks across many settings.\n\n" +
        "Streaming Retrieval With Causal Priors\n\nA streaming retrieval method with causal priors that keeps memory bounded while the index grows, evaluated on four corpora.\n\n" +
        (d == 0 ? "A Different Title Entirely\n\n" : "Lattice Fields For Quantum Agents\n\n") +
        "Lattice fields give quantum agents a compact state; we derive bounds and test them on simulated tasks with noisy rewards.\n\n";

    private static T WithThresholds<T>(int assemble, int keys, Func<T> run)
    {
        var (a, k) = (DraftAssembler.ParallelFrom, DuplicateIndex.ParallelFrom);
        DraftAssembler.ParallelFrom = assemble;
        DuplicateIndex.ParallelFrom = keys;
        try
        {
            return run();
        }
        finally
        {
            DraftAssembler.ParallelFrom = a;
            DuplicateIndex.ParallelFrom = k;
        }
    }

    private static string Render(IEnumerable<Problem> problems) =>
        string.Join("\n", problems.Select(p => $"{p.Code} {p.Span.Start}+{p.Span.Length} {p.Message} [{string.Join(";", p.RelatedLocations.Select(r => $"{r.DocumentId}@{r.Span.Start}"))}]"));
}
