using PaperLsp.Core.Model;

namespace PaperLsp.Core.Duplicates;

/// <summary>
/// Groups the papers that are the same paper (DESIGN §2): equal arXiv ids, or, failing ids,
/// equal normalised titles. Union-find over both keys; two copies whose ids are both known and
/// differ are never joined by their titles alone.
/// </summary>
public static class ExactDuplicates
{
    public static List<List<PaperRef>> Groups(IReadOnlyList<PaperRef> papers)
    {
        ArgumentNullException.ThrowIfNull(papers);
        var parent = new int[papers.Count];
        for (int i = 0; i < parent.Length; i++) parent[i] = i;
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }

        // Union-find over both keys. Unions are made as the keys repeat; the order of unions does not
        // change the groups, only which member is the root, and roots are not part of the result.
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        var byTitle = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < papers.Count; i++)
        {
            var p = papers[i].Paper;
            if (p.ArxivId is { } id)
            {
                if (byId.TryGetValue(id, out int first)) parent[Find(i)] = Find(first);
                else byId[id] = i;
            }
            if (p.TitleKey.Length >= 4)
            {
                if (byTitle.TryGetValue(p.TitleKey, out int a))
                {
                    // Joined to the first paper with this title, unless both have ids and they differ.
                    string? ia = papers[a].Paper.ArxivId, ib = p.ArxivId;
                    if (!(ia is not null && ib is not null && ia != ib)) parent[Find(i)] = Find(a);
                }
                else byTitle[p.TitleKey] = i;
            }
        }

        // Groups of two or more, in the order of their first member; members in input order.
        var size = new int[papers.Count];
        for (int i = 0; i < papers.Count; i++) size[Find(i)]++;
        var byRoot = new Dictionary<int, List<PaperRef>>();
        var groups = new List<List<PaperRef>>();
        for (int i = 0; i < papers.Count; i++)
        {
            int root = Find(i);
            if (size[root] < 2) continue;
            if (!byRoot.TryGetValue(root, out var g))
            {
                byRoot[root] = g = [];
                groups.Add(g);
            }
            g.Add(papers[i]);
        }
        return groups;
    }
}
