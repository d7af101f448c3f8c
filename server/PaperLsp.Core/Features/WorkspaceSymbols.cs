using PaperLsp.Core.Facts;
using PaperLsp.Core.Model;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Features;

/// <summary>A paper found by a workspace symbol search, with its score (higher is better).</summary>
public sealed record SymbolMatch(string DocumentId, DigestDocument Document, Paper Paper, string Name, int Score);

/// <summary>
/// Workspace symbol search over every paper of every document (DESIGN §3). A query is words,
/// <c>#tags</c> and arXiv ids; a paper matches when every part does. A word scores by how it matches
/// the title's words: exactly (3) &gt; as a prefix (2) &gt; fuzzily, as pieces of word starts (1).
/// Ranked by score, then shorter titles, then workspace order.
/// </summary>
public static class WorkspaceSymbols
{
    public const int DefaultLimit = 200;

    public static IReadOnlyList<SymbolMatch> Search(WorkspaceSnapshot workspace, string? query, int limit = DefaultLimit, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var parts = Parse(query ?? "");
        if (parts is { Words.Count: 1, Tags.Count: 0, Ids.Count: 0 } && parts.Words[0].All(char.IsLetter)
            && WordStarts(workspace, parts.Words[0], limit, token) is { } found)
            return found;
        return Rank(Scan(workspace, parts, token), limit);
    }

    /// <summary>A match before its record is made: only the best <c>limit</c> ever become <see cref="SymbolMatch"/>es.</summary>
    private readonly record struct Hit(int Score, int NameLength, int Order, string Id, DigestDocument Doc, int Paper);

    /// <summary>Every paper of the workspace, scored (what a query needs in general: fuzzy matches, tags, ids).</summary>
    private static List<(SymbolMatch Match, int Order)> Scan(WorkspaceSnapshot workspace, Query parts, CancellationToken token)
    {
        var matches = new List<(SymbolMatch Match, int Order)>();
        int order = 0;
        foreach (var (id, doc) in workspace.Documents)
        {
            token.ThrowIfCancellationRequested();
            foreach (var paper in doc.Papers)
            {
                order++;
                if (Score(doc, paper, parts) is { } score) matches.Add((new SymbolMatch(id, doc, paper, Outline.Name(doc, paper), score), order));
            }
        }
        return matches;
    }

    /// <summary>
    /// One word: the papers where it starts a word of the name (exact 3, prefix 2), found with a vectorised
    /// search in each document's names. Fuzzy matches score 1, below all of these, so when these fill the
    /// limit the ranking is the same as a full scan's; otherwise (null) the caller scans.
    /// </summary>
    private static List<SymbolMatch>? WordStarts(WorkspaceSnapshot workspace, string word, int limit, CancellationToken token)
    {
        if (limit <= 0) return [];
        // The best `limit` so far, the worst of them on top: "Neural" starts a word in tens of thousands of titles.
        var best = new PriorityQueue<Hit, Hit>(Comparer<Hit>.Create(static (x, y) => Rank(y, x)));
        long total = 0;
        int before = 0;
        foreach (var (id, doc) in workspace.Documents)
        {
            token.ThrowIfCancellationRequested();
            var names = Names.GetValue(doc, NamesOf);
            var text = names.Text.AsSpan();
            int at = 0, paper = -1, score = 0;
            while (at < text.Length && text[at..].IndexOf(word, StringComparison.Ordinal) is int found and >= 0)
            {
                int h = at + found;
                at = h + 1;
                if (text[h - 1] is not (' ' or '\n')) continue; // every name starts after a '\n', every word after a ' '
                int end = h + word.Length;
                int s = end == text.Length || text[end] is ' ' or '\n' ? 3 : 2;
                int owner = UpperBound(names.Starts, h) - 1;
                if (owner == paper)
                {
                    score = Math.Max(score, s);
                    continue;
                }
                Offer(paper, score);
                (paper, score) = (owner, s);
            }
            Offer(paper, score);
            before += doc.Papers.Count;

            void Offer(int index, int value)
            {
                if (index < 0) return;
                total++;
                var hit = new Hit(value, Outline.Name(doc, doc.Papers[index]).Length, before + index + 1, id, doc, index);
                if (best.Count < limit) best.Enqueue(hit, hit);
                else if (Rank(hit, best.Peek()) < 0) best.EnqueueDequeue(hit, hit);
            }
        }
        if (total < limit) return null;
        var top = new List<Hit>(best.Count);
        while (best.Count > 0) top.Add(best.Dequeue());
        top.Sort(Rank);
        return top.Select(h =>
        {
            var p = h.Doc.Papers[h.Paper];
            return new SymbolMatch(h.Id, h.Doc, p, Outline.Name(h.Doc, p), h.Score);
        }).ToList();
    }

    /// <summary>Negative when <paramref name="a"/> ranks before <paramref name="b"/>: score, then shorter names, then workspace order.</summary>
    private static int Rank(Hit a, Hit b) =>
        a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.NameLength != b.NameLength ? a.NameLength.CompareTo(b.NameLength) : a.Order.CompareTo(b.Order);

    private sealed record DocumentNames(string Text, int[] Starts);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DigestDocument, DocumentNames> Names = new();

    /// <summary>"\nword word\nword …": each paper's name words, lower-cased, a line per paper.</summary>
    private static DocumentNames NamesOf(DigestDocument doc)
    {
        var sb = new System.Text.StringBuilder();
        var starts = new int[doc.Papers.Count];
        for (int i = 0; i < doc.Papers.Count; i++)
        {
            var paper = doc.Papers[i];
            starts[i] = sb.Length;
            sb.Append('\n').AppendJoin(' ', paper.Cache.SymbolWords ??= Words(Outline.Name(doc, paper)));
        }
        return new DocumentNames(sb.ToString(), starts);
    }

    private static int UpperBound(int[] starts, int offset)
    {
        int lo = 0, hi = starts.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static List<SymbolMatch> Rank(List<(SymbolMatch Match, int Order)> matches, int limit) =>
        matches
            .OrderByDescending(m => m.Match.Score)
            .ThenBy(m => m.Match.Name.Length)
            .ThenBy(m => m.Order)
            .Take(Math.Max(0, limit))
            .Select(m => m.Match)
            .ToList();

    private sealed record Query(List<string> Words, List<string> Tags, List<string> Ids);

    private static Query Parse(string query)
    {
        var q = new Query([], [], []);
        foreach (var part in query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            string p = part.ToLowerInvariant();
            if (p.Length > 1 && p[0] == '#') q.Tags.Add(p[1..]);
            else if (p.StartsWith("arxiv:", StringComparison.Ordinal) && p.Length > 6) q.Ids.Add(ArxivId.Parse(p.AsSpan(6)) ?? p[6..]);
            else if (ArxivId.Parse(p) is { } id) q.Ids.Add(id);
            else if (IsIdPrefix(p)) q.Words.Add(p); // "2406.119": an id typed in part, or a number in a title
            else if (Words(p) is { Length: > 0 } words) q.Words.AddRange(words);
        }
        return q;
    }

    private static int? Score(DigestDocument doc, Paper paper, Query q)
    {
        int score = 0;
        foreach (var tag in q.Tags)
        {
            if (paper.Tags.Contains(tag)) score += 3;
            else if (paper.Tags.Any(t => t.StartsWith(tag, StringComparison.Ordinal))) score += 2;
            else return null;
        }
        foreach (var id in q.Ids)
        {
            if (paper.ArxivId is not { } own || !own.StartsWith(id, StringComparison.OrdinalIgnoreCase)) return null;
            score += own.Length == id.Length ? 3 : 2;
        }
        if (q.Words.Count == 0) return score;
        // The name's words, once per paper: a search runs over every paper of the workspace.
        var title = paper.Cache.SymbolWords ??= Words(Outline.Name(doc, paper));
        foreach (var word in q.Words)
        {
            // A number may be an arXiv id typed in part ("2406.119").
            if (paper.ArxivId is { } own && word.Length >= 4 && own.StartsWith(word, StringComparison.Ordinal))
            {
                score += 2;
                continue;
            }
            int best = 0;
            bool initial = false; // some word starts with the word's first letter: nothing can match otherwise
            foreach (var t in title)
            {
                if (t[0] != word[0]) continue;
                initial = true;
                if (t == word) { best = 3; break; }
                if (best < 2 && t.StartsWith(word, StringComparison.Ordinal)) best = 2;
            }
            if (best == 0 && initial && CouldBeFuzzy(word, title) && Fuzzy(word, title)) best = 1;
            if (best == 0) return null;
            score += best;
        }
        return score;
    }

    /// <summary>
    /// A cheap necessary condition for <see cref="Fuzzy"/>: the word's letters appear in order in the
    /// title's words. A search runs over every paper of the workspace, and most titles fail here.
    /// </summary>
    private static bool CouldBeFuzzy(string word, string[] title)
    {
        int k = 0;
        foreach (var t in title)
            foreach (char c in t)
                if (c == word[k] && ++k == word.Length) return true;
        return false;
    }

    /// <summary>Computes the words every search reads, ahead of the first search (the workspace index does it while it parses).</summary>
    public static void Prepare(DigestDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        foreach (var paper in doc.Papers) paper.Cache.SymbolWords ??= Words(Outline.Name(doc, paper));
        _ = Names.GetValue(doc, NamesOf);
    }

    /// <summary>
    /// The word as a chain of pieces of the title's words, each piece a word's start ("grtr" in
    /// "Graph Transformers", "gtas" in "Graph Transformers at Scale"), the first at any word.
    /// </summary>
    private static bool Fuzzy(string word, string[] title)
    {
        int n = word.Length, count = title.Length;
        if (n > 64 || count > 256) return false;
        // any[k, w]: word[k..] is a chain of word starts beginning at title word w or a later one.
        // Filled from the end of the word backwards, without allocating: a search runs this on every title.
        int stride = count + 1;
        Span<bool> any = stackalloc bool[(n + 1) * stride];
        for (int k = n - 1; k >= 0; k--)
        {
            for (int w = count - 1; w >= 0; w--)
            {
                string t = title[w];
                bool ok = false;
                for (int len = 1; len <= t.Length && k + len <= n && t[len - 1] == word[k + len - 1]; len++)
                {
                    int next = k + len;
                    if (next == n || any[next * stride + w + 1]) { ok = true; break; }
                }
                any[k * stride + w] = ok || any[k * stride + w + 1];
            }
        }
        return any[0];
    }

    private static bool IsIdPrefix(string p) =>
        p.Length > 4 && p[4] == '.' && p.AsSpan(0, 4).IndexOfAnyExceptInRange('0', '9') < 0 && p.AsSpan(5).IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>Lower-case runs of letters and digits.</summary>
    private static string[] Words(string text) => WordList(text).ToArray();

    private static List<string> WordList(string text)
    {
        var words = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            if (i > start) words.Add(text[start..i].ToLowerInvariant());
        }
        return words;
    }
}
