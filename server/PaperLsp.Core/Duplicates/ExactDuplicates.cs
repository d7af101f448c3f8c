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

        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        var byTitle = new Dictionary<string, List<int>>(StringComparer.Ordinal);
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
                if (!byTitle.TryGetValue(p.TitleKey, out var list)) byTitle[p.TitleKey] = list = [];
                list.Add(i);
            }
        }
        foreach (var list in byTitle.Values)
        {
            if (list.Count < 2) continue;
            for (int k = 1; k < list.Count; k++)
            {
                int a = list[0], b = list[k];
                string? ia = papers[a].Paper.ArxivId, ib = papers[b].Paper.ArxivId;
                if (ia is not null && ib is not null && ia != ib) continue;
                parent[Find(b)] = Find(a);
            }
        }

        var groups = new Dictionary<int, List<PaperRef>>();
        for (int i = 0; i < papers.Count; i++)
        {
            int root = Find(i);
            if (!groups.TryGetValue(root, out var g)) groups[root] = g = [];
            g.Add(papers[i]);
        }
        return groups.Values.Where(g => g.Count > 1).ToList();
    }
}
