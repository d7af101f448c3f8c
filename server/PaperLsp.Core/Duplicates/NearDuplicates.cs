using PaperLsp.Core.Model;

namespace PaperLsp.Core.Duplicates;

/// <summary>A pair of different entries that are probably the same paper, with how alike they are.</summary>
public sealed record NearPair(PaperRef A, PaperRef B, double Similarity, string Reason);

/// <summary>
/// Near duplicates in near-linear time: every paper is put in the buckets of its two rarest title
/// words, its first four title words and its abstract fingerprint; only papers sharing a bucket are scored. Scores: word-set
/// Jaccard (one-word edits, reordering), prefix containment (truncated titles), equal abstracts.
/// </summary>
public static class NearDuplicates
{
    private const int MaxBucket = 64;

    public static List<NearPair> Find(IReadOnlyList<PaperRef> papers, double threshold = 0.8)
    {
        ArgumentNullException.ThrowIfNull(papers);
        var words = papers.Select(p => TitleWords(p.Paper.Title)).ToArray();
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var set in words) foreach (var w in set.Distinct()) frequency[w] = frequency.GetValueOrDefault(w) + 1;

        var buckets = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < papers.Count; i++)
        {
            foreach (var w in words[i].Distinct().OrderBy(w => frequency[w]).ThenBy(w => w, StringComparer.Ordinal).Take(2))
                Add(buckets, "w:" + w, i);
            if (words[i].Length >= 4) Add(buckets, "p:" + string.Join(' ', words[i].Take(4)), i); // truncated titles share their start
            if (papers[i].Paper.HasAbstract && AbstractFingerprint(papers[i]) is { } fp) Add(buckets, "a:" + fp, i);
        }

        var seen = new HashSet<(int, int)>();
        var pairs = new List<NearPair>();
        foreach (var bucket in buckets.Values)
        {
            if (bucket.Count < 2 || bucket.Count > MaxBucket) continue;
            for (int x = 0; x < bucket.Count; x++)
                for (int y = x + 1; y < bucket.Count; y++)
                {
                    int a = bucket[x], b = bucket[y];
                    if (!seen.Add((a, b))) continue;
                    var pa = papers[a].Paper;
                    var pb = papers[b].Paper;
                    if (pa.TitleKey == pb.TitleKey || (pa.ArxivId is not null && pa.ArxivId == pb.ArxivId)) continue; // exact: PD001
                    if (pa.ArxivId is not null && pb.ArxivId is not null) continue; // both identified, and differently
                    var (score, reason) = Score(papers[a], papers[b], words[a], words[b]);
                    if (score >= threshold) pairs.Add(new NearPair(papers[a], papers[b], score, reason));
                }
        }
        return pairs;
    }

    private static void Add(Dictionary<string, List<int>> buckets, string key, int i)
    {
        if (!buckets.TryGetValue(key, out var list)) buckets[key] = list = [];
        list.Add(i);
    }

    private static (double, string) Score(PaperRef a, PaperRef b, string[] wa, string[] wb)
    {
        if (a.Paper.HasAbstract && b.Paper.HasAbstract && AbstractFingerprint(a) is { } fa && fa == AbstractFingerprint(b))
            return (1.0, "the same abstract under another title");
        var sa = wa.ToHashSet(StringComparer.Ordinal);
        var sb = wb.ToHashSet(StringComparer.Ordinal);
        int common = sa.Count(sb.Contains);
        int union = sa.Count + sb.Count - common;
        double jaccard = union == 0 ? 0 : (double)common / union;
        var (shorter, longer) = wa.Length <= wb.Length ? (wa, wb) : (wb, wa);
        if (shorter.Length >= 4 && longer.Take(shorter.Length).SequenceEqual(shorter, StringComparer.Ordinal))
            return (Math.Max(jaccard, 0.8 + 0.2 * shorter.Length / longer.Length), "a truncated title");
        if (sa.SetEquals(sb)) return (1.0, "the same title words in another order");
        double edit = 1.0 - (double)WordEditDistance(wa, wb) / Math.Max(wa.Length, wb.Length);
        return (Math.Max(jaccard, edit), "nearly the same title");
    }

    /// <summary>Levenshtein distance counted in words, so one changed word costs one edit.</summary>
    private static int WordEditDistance(string[] a, string[] b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitute = previous[j - 1] + (string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal) ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    internal static string[] TitleWords(string title)
    {
        var list = new List<string>();
        foreach (var raw in title.Split([' ', '\t', ':', ',', ';', '-', '(', ')', '"', '?', '!', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            var key = Facts.TitleKey.Of(raw);
            if (key.Length > 0) list.Add(key);
        }
        return list.ToArray();
    }

    /// <summary>The abstract's first 300 letters and digits, lower-cased: equal for copies of one abstract.</summary>
    private static string? AbstractFingerprint(PaperRef p)
    {
        var span = p.Paper.AbstractSpan;
        var text = p.Document.Text.AsSpan(span.Start, span.Length);
        var buffer = new char[300];
        int n = 0;
        foreach (char c in text)
        {
            if (!char.IsLetterOrDigit(c)) continue;
            buffer[n++] = char.ToLowerInvariant(c);
            if (n == buffer.Length) break;
        }
        return n < 80 ? null : new string(buffer, 0, n);
    }
}
