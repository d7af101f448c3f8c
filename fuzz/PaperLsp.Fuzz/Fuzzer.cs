using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace PaperLsp.Fuzz;

/// <summary>What one run of a target saw: the features it reached, or the failure it hit.</summary>
internal readonly record struct Outcome(IReadOnlyCollection<long> Features, string? Failure);

/// <summary>A fuzz target: runs one input and checks its oracles.</summary>
internal interface ITarget
{
    string Name { get; }
    IEnumerable<byte[]> InitialCorpus(string repoRoot, string? seedsFolder);
    Outcome Run(byte[] input, Random rng);
}

/// <summary>
/// A feature-guided mutation fuzzer, in the manner of libFuzzer: inputs that reach a feature no earlier
/// input reached join the corpus and are mutated further. Features here are behavioural (what the target
/// decided: line kinds and their transitions, problem codes, read statuses), not edge coverage: .NET has no
/// in-process coverage counters without SharpFuzz, which the package registry here lacks.
/// </summary>
internal sealed class Fuzzer(ITarget target, string outDir, Action<string> log)
{
    private readonly List<byte[]> _corpus = [];
    private readonly HashSet<long> _seen = [];

    public int Run(TimeSpan budget, int seed, string repoRoot, string? seeds)
    {
        var rng = new Random(seed);
        foreach (var input in target.InitialCorpus(repoRoot, seeds)) Keep(input, rng);
        log($"{target.Name}: {_corpus.Count} initial inputs, {_seen.Count} features");
        var clock = Stopwatch.StartNew();
        long runs = 0;
        int failures = 0;
        var nextReport = TimeSpan.FromSeconds(10);
        while (clock.Elapsed < budget)
        {
            var parent = _corpus[rng.Next(_corpus.Count)];
            var input = Mutator.Mutate(parent, _corpus[rng.Next(_corpus.Count)], rng);
            runs++;
            var outcome = target.Run(input, rng);
            if (outcome.Failure is { } why)
            {
                failures++;
                string file = Save("failures", input);
                log($"FAILURE {why}\n  input saved to {file}");
                continue;
            }
            if (outcome.Features.Any(f => !_seen.Contains(f))) Keep(input, rng, outcome);
            if (clock.Elapsed >= nextReport)
            {
                log(string.Create(CultureInfo.InvariantCulture, $"{target.Name}: {clock.Elapsed.TotalSeconds:F0} s, {runs:N0} runs ({runs / clock.Elapsed.TotalSeconds:N0}/s), corpus {_corpus.Count}, features {_seen.Count}, failures {failures}"));
                nextReport += TimeSpan.FromSeconds(10);
            }
        }
        log(string.Create(CultureInfo.InvariantCulture, $"{target.Name}: done in {clock.Elapsed.TotalSeconds:F0} s: {runs:N0} runs, corpus {_corpus.Count}, features {_seen.Count}, failures {failures}"));
        foreach (var input in _corpus) Save("corpus", input);
        return failures;
    }

    private void Keep(byte[] input, Random rng, Outcome? known = null)
    {
        var outcome = known ?? target.Run(input, rng);
        if (outcome.Failure is not null) log($"FAILURE on an initial input: {outcome.Failure}");
        _seen.UnionWith(outcome.Features);
        if (input.Length <= 64 * 1024) _corpus.Add(input);
    }

    private string Save(string kind, byte[] input)
    {
        string dir = Path.Combine(outDir, target.Name, kind);
        Directory.CreateDirectory(dir);
        string file = Path.Combine(dir, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(input))[..16].ToLowerInvariant());
        File.WriteAllBytes(file, input);
        return file;
    }
}

/// <summary>Byte-level mutations plus digest-shaped insertions, as libFuzzer's mutators and a dictionary do.</summary>
internal static class Mutator
{
    private static readonly byte[][] Dictionary = new[]
    {
        "\n", "\r\n", "\n\n", " ", "\t", "#", "## ", "> #toread ", "**", "|", "<details>", "</details>", "<!-- paperlsp: allow-duplicate -->",
        "Subscribe", "Daily Papers", "Sep 10", "[-] 19", "6 authors", "https://github.com/o/r", "https://arxiv.org/abs/2406.11912v2",
        "{https://github.com/o/r\\_x}", "$\\alpha$", "\\textit{", "...", "…", "𝔸", "\0", "Content-Length: ", "\r\n\r\n", "{\"jsonrpc\":\"2.0\",",
        "\"id\":", "\"method\":\"", "\"params\":", "}", "[", "]", "null", "-1", "99999999999",
    }.Select(Encoding.UTF8.GetBytes).ToArray();

    private const string Punctuation = "\n\r #*|[]()<>$\\-.:{}\"0123456789";

    public static byte[] Mutate(byte[] parent, byte[] other, Random rng)
    {
        var data = new List<byte>(parent);
        int rounds = 1 + rng.Next(4);
        for (int r = 0; r < rounds; r++)
        {
            int at = data.Count == 0 ? 0 : rng.Next(data.Count + 1);
            switch (rng.Next(7))
            {
                case 0 when data.Count > 0: data[Math.Min(at, data.Count - 1)] = (byte)rng.Next(256); break;
                case 1: data.InsertRange(at, Dictionary[rng.Next(Dictionary.Length)]); break;
                case 2 when data.Count > 0:
                    int len = Math.Min(data.Count - Math.Min(at, data.Count - 1), 1 + rng.Next(64));
                    data.RemoveRange(Math.Min(at, data.Count - 1), len);
                    break;
                case 3 when data.Count > 0:
                    int from = rng.Next(data.Count), n = Math.Min(data.Count - from, 1 + rng.Next(256));
                    data.InsertRange(at, data.GetRange(from, n));
                    break;
                case 4 when other.Length > 0:
                    int start = rng.Next(other.Length), count = Math.Min(other.Length - start, 1 + rng.Next(512));
                    data.InsertRange(at, new ArraySegment<byte>(other, start, count));
                    break;
                case 5: data.Insert(at, (byte)Punctuation[rng.Next(Punctuation.Length)]); break;
                default:
                    if (data.Count > 1) data.RemoveRange(rng.Next(data.Count / 2), data.Count / 4);
                    break;
            }
        }
        return [.. data];
    }
}
