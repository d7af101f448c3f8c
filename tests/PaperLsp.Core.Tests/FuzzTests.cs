using System.Text;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Tests.Support;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests;

/// <summary>
/// Random and mutated inputs with a fixed seed: the parser never throws and stays lossless.
/// The longer run is `PAPERLSP_FUZZ_ITERATIONS=200000 dotnet test --filter FuzzTests` (see README).
/// </summary>
public class FuzzTests
{
    private static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("PAPERLSP_FUZZ_ITERATIONS"), out int n) ? n : 3000;

    private static readonly string[] Pieces =
    [
        "\n", "\r\n", "\r", "\n\n", " ", "\t", "\uFEFF", "\0", "new", "Subscribe", "Daily Papers", "Sep 10", "Feb 7, 2025",
        "[-] 19", "[-] -", "[", "](https://huggingface.co/papers/2410.05434)", "6 authors", "·", "3 comments",
        "https://huggingface.co/papers/2410.05434", "https://github.com/o/r{https://github.com/o/r\\_x}.", "https://",
        "> #toread note", "## ", "### Topic", "# ", "**Bold Title**", "| Title | Abstract |", "|---|---|", "| a | b |",
        "<details>", "<summary>T</summary>", "</details>", "<!-- paperlsp: allow-duplicate -->", "$\\nabla^2$", "\\textit{",
        "𝔸", "📜", "\uD800", "\uDC00", "Title: A Paper About Things", "We propose a method. It works well on benchmarks and scales.",
        "...", "…", "`", "[x](command:evil)", "<img src=x>", "\u001b[31m", "arXiv:2406.11912v2",
    ];

    [Test]
    public void Random_piece_sequences_never_throw_and_stay_lossless()
    {
        var rng = new Random(20261121);
        for (int i = 0; i < Iterations; i++)
        {
            var sb = new StringBuilder();
            int n = rng.Next(0, 40);
            for (int k = 0; k < n; k++) sb.Append(Pieces[rng.Next(Pieces.Length)]);
            AssertSound(sb.ToString(), rng.Next(2) == 0 ? "f.md" : "f.digest");
        }
    }

    [Test]
    public void Random_characters_never_throw_and_stay_lossless()
    {
        var rng = new Random(7);
        for (int i = 0; i < Iterations; i++)
        {
            var chars = new char[rng.Next(0, 300)];
            for (int k = 0; k < chars.Length; k++)
                chars[k] = rng.Next(4) == 0 ? "\n\r #*|[]()<>$\\-.:"[rng.Next(17)] : (char)rng.Next(0, 0x3000);
            AssertSound(new string(chars), rng.Next(2) == 0 ? "f.md" : "f.txt");
        }
    }

    [Test]
    public void Mutated_samples_never_throw_and_stay_lossless()
    {
        var sources = Directory.GetFiles(Path.Combine(Seeds.RepoRoot, "samples")).Select(File.ReadAllText).ToList();
        string seeds = Path.Combine(Seeds.Folder);
        if (Directory.Exists(seeds)) sources.AddRange(Directory.GetFiles(seeds).Select(f => File.ReadAllText(f)[..20000]));
        var rng = new Random(42);
        for (int i = 0; i < Iterations / 3; i++)
        {
            var text = new StringBuilder(sources[rng.Next(sources.Count)]);
            for (int m = rng.Next(1, 12); m > 0 && text.Length > 0; m--)
            {
                int at = rng.Next(text.Length);
                switch (rng.Next(4))
                {
                    case 0: text.Remove(at, Math.Min(rng.Next(1, 200), text.Length - at)); break;
                    case 1: text.Insert(at, Pieces[rng.Next(Pieces.Length)]); break;
                    case 2: text[at] = (char)rng.Next(0, 0x10000); break;
                    default:
                        int from = rng.Next(text.Length);
                        text.Insert(at, text.ToString(from, Math.Min(rng.Next(1, 400), text.Length - from)));
                        break;
                }
            }
            AssertSound(text.ToString(), rng.Next(2) == 0 ? "f.md" : "f.txt");
        }
    }

    private static void AssertSound(string text, string name)
    {
        var doc = DigestParser.Parse(text, name);
        if (Lossless.Reassemble(doc) != text) Assert.Fail($"not lossless for input {Escape(text)}");
        for (int k = 0; k < doc.Papers.Count; k++)
        {
            var p = doc.Papers[k];
            if (p.Span.Start < 0 || p.Span.End > text.Length || !Holds(p.Span, p.TitleSpan) || !Holds(p.Span, p.AbstractSpan))
                Assert.Fail($"paper span {p.Span} does not hold its title {p.TitleSpan} and abstract {p.AbstractSpan} for input {Escape(text)}");
            if (k > 0 && doc.Papers[k - 1].Span.End > p.Span.Start)
                Assert.Fail($"papers {k - 1} and {k} overlap for input {Escape(text)}");
        }
        _ = new WorkspaceSnapshot([("a", doc), ("b", doc)]).ProblemsOf("a");
    }

    private static bool Holds(Text.TextSpan outer, Text.TextSpan inner) =>
        inner.Length == 0 || (inner.Start >= outer.Start && inner.End <= outer.End);

    private static string Escape(string s) => System.Text.Json.JsonSerializer.Serialize(s.Length > 2000 ? s[..2000] : s);
}
