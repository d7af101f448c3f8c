using System.Text;
using PaperLsp.Core.Fixes;
using PaperLsp.Core.Formatting;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests.Fixes;

/// <summary>
/// Bad input never crashes a fix: on random and mutated digests, every fix offered at every line and problem
/// computes its edits, keeps them inside its range and non-overlapping, and the verifier, the formatter and the
/// safe-fix run all finish. Fixed seeds; PAPERLSP_FUZZ_ITERATIONS raises the count as for the parser's fuzz tests.
/// </summary>
public class FixFuzzTests
{
    private static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("PAPERLSP_FUZZ_ITERATIONS"), out int n) ? Math.Max(1, n / 10) : 300;

    private static readonly string[] Pieces =
    [
        "\n", "\r\n", "\r", "\n\n", " ", "\t", "\uFEFF", "new", "Subscribe", "SubscribeTitle: Glued", "Daily Papers", "Sep 10", "Feb 7, 2025",
        "[-] 19", "[-] -", "[", "](https://huggingface.co/papers/2410.05434)", "6 authors", "·", "3 comments", "Example Lab",
        "https://huggingface.co/papers/2410.05434", "https://huggingface.co/login?next=%2Fpapers", "https://github.com/o/r{https://github.com/o/r\\_x}.",
        "> #toread note", "> #read", "## ", "### Topic", "# ", "**Bold Title**", "| Title | Abstract |", "|---|---|", "| a | b |",
        "<details>", "<summary>T</summary>", "</details>", "<!-- paperlsp: allow-duplicate -->", "$\\nabla^2$", "𝔸", "📜", "\uD800",
        "Title: A Paper About Things", "We propose a method. It works well on benchmarks and scales to large models in practice.",
        "Fast weights are written by a Hebbian rule at every step, and the slow network is consolidated only at task boundaries.", "...", "  ",
    ];

    [Test]
    public void Random_digests_never_break_a_fix()
    {
        var rng = new Random(606);
        for (int i = 0; i < Iterations; i++)
        {
            var sb = new StringBuilder();
            for (int k = rng.Next(0, 40); k > 0; k--) sb.Append(Pieces[rng.Next(Pieces.Length)]);
            Exercise(sb.ToString(), rng.Next(2) == 0 ? "f.md" : "f.digest");
        }
    }

    [Test]
    public void Mutated_samples_never_break_a_fix()
    {
        var sources = Directory.GetFiles(Path.Combine(Support.Seeds.RepoRoot, "samples")).Select(File.ReadAllText).ToList();
        var rng = new Random(607);
        for (int i = 0; i < Iterations / 3; i++)
        {
            var text = new StringBuilder(sources[rng.Next(sources.Count)]);
            for (int m = rng.Next(1, 8); m > 0 && text.Length > 0; m--)
            {
                int at = rng.Next(text.Length);
                if (rng.Next(2) == 0) text.Remove(at, Math.Min(rng.Next(1, 80), text.Length - at));
                else text.Insert(at, Pieces[rng.Next(Pieces.Length)]);
            }
            Exercise(text.ToString(), rng.Next(2) == 0 ? "f.md" : "f.txt");
        }
    }

    private static void Exercise(string text, string name)
    {
        var doc = DigestParser.Parse(text, name);
        var problems = new WorkspaceSnapshot([(name, doc)]).ProblemsOf(name);
        var places = problems.Select(p => p.Span).Concat(Enumerable.Range(0, doc.Lines.LineCount).Select(l => new TextSpan(doc.Lines.LineStart(l), 0)));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var place in places)
            foreach (var fix in CodeFixes.At(doc, problems, place))
            {
                if (!seen.Add(fix.Id)) continue;
                List<SpanEdit> edits = [];
                try
                {
                    edits = Edits.Sorted(fix.Edits, text.Length);
                }
                catch (ArgumentException e)
                {
                    Assert.Fail($"{fix}: {e.Message} for input {Escape(text)} ({name})");
                }
                foreach (var e in edits)
                    if (e.Span.Start < fix.Scope.Start || e.Span.End > fix.Scope.End)
                        Assert.Fail($"{fix}: {e} outside {fix.Scope} for input {Escape(text)}");
                _ = Edits.Apply(text, edits);
                _ = FixVerifier.Apply(doc, fix, name, out _);
            }
        string formatted = Edits.Apply(text, DigestFormatter.Edits(doc, name));
        if (DigestFormatter.Edits(DigestParser.Parse(formatted, name), name).Count != 0)
            Assert.Fail($"formatting is not idempotent for input {Escape(text)}");
        _ = SafeFixes.Run(doc, name, removeDuplicates: true);
    }

    private static string Escape(string s) => System.Text.Json.JsonSerializer.Serialize(s);
}
