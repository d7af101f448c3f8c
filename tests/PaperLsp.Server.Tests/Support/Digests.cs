using System.Text;

namespace PaperLsp.Server.Tests.Support;

/// <summary>Generated digests of a chosen size: every title distinct, a few exact duplicates.</summary>
public static class Digests
{
    public static string Spaced(int bytes, int seed = 1)
    {
        var rng = new Random(seed);
        string[] words = ["graph", "neural", "sparse", "attention", "robust", "tiny", "streaming", "federated", "causal", "quantum", "retrieval", "vision"];
        var sb = new StringBuilder(bytes + 4096);
        sb.Append("Daily Papers\n\nSep 10\n\n");
        int k = 0;
        while (sb.Length < bytes)
        {
            string w1 = words[rng.Next(words.Length)], w2 = words[rng.Next(words.Length)];
            string title = k % 500 == 499 ? "Repeated: A Paper Copied Into Many Digests" : $"Paper {k}: {char.ToUpperInvariant(w1[0])}{w1[1..]} Methods for {w2} Data";
            sb.Append(title).Append("\n\n");
            sb.Append($"We study {w1} {w2} models at scale and propose a simple method. It improves accuracy by {rng.Next(1, 40)}.{rng.Next(10)}% ");
            sb.Append($"on {rng.Next(2, 9)} benchmarks and runs {rng.Next(2, 20)}x faster than prior work. Code: https://github.com/lab{k % 97}/{w1}-{k}.");
            sb.Append(" We also analyse failure cases and release our evaluation suite for the community.\n\n");
            k++;
        }
        return sb.ToString();
    }
}
