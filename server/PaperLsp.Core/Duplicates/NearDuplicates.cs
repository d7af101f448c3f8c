using System.Buffers;
using System.Collections.Concurrent;
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
    // A word shared by more papers than this is not rare enough to suggest a copy.
    internal const int MaxBucket = 32;

    public static List<NearPair> Find(IReadOnlyList<PaperRef> papers, double threshold = 0.8)
    {
        ArgumentNullException.ThrowIfNull(papers);
        // Each paper's words and abstract fingerprint, computed once (Score reuses them).
        // Cached on the paper: an edit re-derives only the keys of the papers it re-parsed.
        var words = new string[papers.Count][];
        var fingerprints = new AbstractFingerprint?[papers.Count];
        var pool = new HashSet<string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var scratch = new List<string>();
        var ids = new int[papers.Count][];
        for (int i = 0; i < papers.Count; i++)
        {
            var cache = Keys(papers[i].Document, papers[i].Paper, pool, scratch);
            words[i] = cache.TitleWords!;
            ids[i] = cache.WordIds!;
            fingerprints[i] = cache.AbstractFingerprint;
        }
        var frequency = new int[WordIdsCount];
        for (int i = 0; i < ids.Length; i++)
        {
            var set = ids[i];
            for (int k = 0; k < set.Length; k++)
                if (Array.IndexOf(set, set[k]) == k) frequency[set[k]]++;
        }

        // A bucket per rare word, per title start and per abstract fingerprint, kept in the order they were made.
        var wordBuckets = new Dictionary<int, List<int>>();
        var prefixBuckets = new Dictionary<(int, int, int, int), List<int>>();
        var abstractBuckets = new Dictionary<AbstractFingerprint, List<int>>();
        var buckets = new List<List<int>>();
        for (int i = 0; i < papers.Count; i++)
        {
            var set = ids[i];
            var (first, second) = RarestTwo(set, words[i], frequency);
            if (first >= 0) Add(wordBuckets, buckets, set[first], i);
            if (second >= 0) Add(wordBuckets, buckets, set[second], i);
            if (set.Length >= 4) Add(prefixBuckets, buckets, (set[0], set[1], set[2], set[3]), i); // truncated titles share their start
            if (fingerprints[i] is { } fp) Add(abstractBuckets, buckets, fp, i);
        }

        var seen = new HashSet<(int, int)>();
        var pairs = new List<NearPair>();
        foreach (var bucket in buckets)
        {
            if (bucket.Count < 2 || bucket.Count > MaxBucket) continue;
            for (int x = 0; x < bucket.Count; x++)
                for (int y = x + 1; y < bucket.Count; y++)
                {
                    int a = bucket[x], b = bucket[y];
                    if (!seen.Add((a, b))) continue;
                    var pa = papers[a].Paper;
                    var pb = papers[b].Paper;
                    if (!Comparable(pa, pb)) continue;
                    var (score, reason) = CachedScore(pa.Cache, pb.Cache, fingerprints[a], fingerprints[b], ids[a], ids[b]);
                    if (score >= threshold) pairs.Add(new NearPair(papers[a], papers[b], score, reason));
                }
        }
        return pairs;
    }

    /// <summary>
    /// The paper's title words, their ids and its abstract fingerprint, cached on the paper. Words are
    /// small integers (interned once per word for the process), so counting and bucketing hash ints.
    /// </summary>
    /// <param name="intern">False: leave the word ids to a later call, so that ids are handed out in paper
    /// order even when the words were found on several threads.</param>
    internal static PaperCache Keys(DigestDocument document, Paper paper, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> pool, List<string> scratch, bool intern = true)
    {
        var cache = paper.Cache;
        cache.TitleWords ??= TitleWords(paper.Title, pool, scratch);
        if (!cache.HasFingerprint)
        {
            cache.AbstractFingerprint = paper.HasAbstract ? AbstractFingerprint.Of(document.Text.AsSpan(paper.AbstractSpan.Start, paper.AbstractSpan.Length)) : null;
            cache.HasFingerprint = true;
        }
        if (intern) cache.WordIds ??= Intern(cache.TitleWords);
        return cache;
    }

    /// <summary>
    /// The positions in <paramref name="ids"/> of the paper's two rarest distinct words (-1 when missing):
    /// rarest first, equally rare words in ordinal order.
    /// </summary>
    internal static (int First, int Second) RarestTwo(int[] ids, string[] words, int[] frequency)
    {
        int first = -1, second = -1;
        for (int k = 0; k < ids.Length; k++)
        {
            int w = ids[k];
            if ((first >= 0 && w == ids[first]) || (second >= 0 && w == ids[second])) continue;
            if (first < 0 || Rarer(k, first)) { second = first; first = k; }
            else if (second < 0 || Rarer(k, second)) second = k;
        }
        return (first, second);

        bool Rarer(int x, int y) =>
            frequency[ids[x]] != frequency[ids[y]] ? frequency[ids[x]] < frequency[ids[y]] : string.CompareOrdinal(words[x], words[y]) < 0;
    }

    /// <summary>Whether two different papers may be reported as near duplicates at all (exact copies are PD001's).</summary>
    internal static bool Comparable(Paper pa, Paper pb) =>
        !(pa.TitleKey == pb.TitleKey || (pa.ArxivId is not null && pa.ArxivId == pb.ArxivId)) // exact: PD001
        && !(pa.ArxivId is not null && pb.ArxivId is not null); // both identified, and differently

    /// <summary>A pair's score depends only on the two papers' own text, so it is kept for the next analysis.</summary>
    internal static (double, string) CachedScore(PaperCache ca, PaperCache cb, AbstractFingerprint? fa, AbstractFingerprint? fb, int[] wa, int[] wb)
    {
        var gate = ScoreGate(ca);
        lock (gate)
        {
            if (ca.Scores is not null && ca.Scores.TryGetValue(cb, out var known)) return known;
        }
        var result = Score(fa, fb, wa, wb);
        lock (gate)
        {
            ca.Scores ??= new Dictionary<PaperCache, (double, string)>(ReferenceEqualityComparer.Instance);
            if (ca.Scores.Count >= 2 * MaxBucket) ca.Scores.Clear(); // old partners of edited papers: let them go
            ca.Scores[cb] = result;
        }
        return result;
    }

    // Striped locks rather than lock (cache): the caches are dictionary keys, so their object headers hold a
    // hash code, and locking such an object makes the runtime inflate a sync block for it (the slow path of
    // Monitor.Enter stood out in a profile of the first analysis of 11,800 papers).
    private static readonly Lock[] ScoreGates = [.. Enumerable.Range(0, 64).Select(_ => new Lock())];

    private static Lock ScoreGate(PaperCache cache) =>
        ScoreGates[(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(cache) & int.MaxValue) % ScoreGates.Length];

    private static readonly ConcurrentDictionary<string, int> WordIds = new(StringComparer.Ordinal);
    private static int _nextWordId;

    internal static int WordIdsCount => Volatile.Read(ref _nextWordId);

    private static int[] Intern(string[] words)
    {
        var result = new int[words.Length];
        for (int k = 0; k < words.Length; k++)
            result[k] = WordIds.GetOrAdd(words[k], static _ => Interlocked.Increment(ref _nextWordId) - 1);
        return result;
    }

    private static void Add<TKey>(Dictionary<TKey, List<int>> index, List<List<int>> buckets, TKey key, int i) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
            buckets.Add(list);
        }
        list.Add(i);
    }

    /// <param name="fa">The abstract fingerprint of paper a (null without an abstract, or when it is too short).</param>
    /// <param name="wa">The ids of paper a's title words, in title order (equal words have equal ids).</param>
    internal static (double, string) Score(AbstractFingerprint? fa, AbstractFingerprint? fb, int[] wa, int[] wb)
    {
        if (fa is { } a && fb is { } b && a == b)
            return (1.0, "the same abstract under another title");
        // Titles are a few dozen words at most: plain loops over word ids beat building sets for every pair.
        int distinctA = CountDistinct(wa), distinctB = CountDistinct(wb);
        int common = 0;
        for (int i = 0; i < wa.Length; i++)
            if (!Before(wa, i) && Contains(wb, wa[i])) common++;
        int union = distinctA + distinctB - common;
        double jaccard = union == 0 ? 0 : (double)common / union;
        var (shorter, longer) = wa.Length <= wb.Length ? (wa, wb) : (wb, wa);
        if (shorter.Length >= 4 && longer.AsSpan(0, shorter.Length).SequenceEqual(shorter))
            return (Math.Max(jaccard, 0.8 + 0.2 * shorter.Length / longer.Length), "a truncated title");
        if (common == distinctA && common == distinctB) return (1.0, "the same title words in another order");
        double edit = 1.0 - (double)WordEditDistance(wa, wb) / Math.Max(wa.Length, wb.Length);
        return (Math.Max(jaccard, edit), "nearly the same title");
    }

    internal static int CountDistinct(int[] words)
    {
        int n = 0;
        for (int i = 0; i < words.Length; i++) if (!Before(words, i)) n++;
        return n;
    }

    /// <summary>Whether the word at <paramref name="i"/> already stood earlier in the title (a plain loop: titles are short, and a span search per word cost more than it scanned).</summary>
    internal static bool Before(int[] words, int i)
    {
        int word = words[i];
        for (int k = 0; k < i; k++) if (words[k] == word) return true;
        return false;
    }

    private static bool Contains(int[] words, int word)
    {
        foreach (int w in words) if (w == word) return true;
        return false;
    }

    /// <summary>Levenshtein distance counted in words, so one changed word costs one edit.</summary>
    private static int WordEditDistance(int[] a, int[] b)
    {
        Span<int> previous = b.Length < 64 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 64 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int word = a[i - 1];
            for (int j = 1; j <= b.Length; j++)
            {
                int substitute = previous[j - 1] + (word == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.Length];
    }

    private static readonly SearchValues<char> WordSeparators = SearchValues.Create(" \t:,;-()\"?!/");

    /// <summary>The title's word keys; equal words share one string through the pool.</summary>
    private static string[] TitleWords(string title, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> pool, List<string> list)
    {
        list.Clear();
        var s = title.AsSpan();
        foreach (var range in s.SplitAny(WordSeparators))
        {
            var raw = s[range];
            if (raw.IsEmpty) continue;
            var key = Facts.TitleKey.Of(raw, pool);
            if (key.Length > 0) list.Add(key);
        }
        return list.ToArray();
    }
}
