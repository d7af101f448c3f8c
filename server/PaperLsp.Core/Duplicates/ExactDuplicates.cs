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
        return GroupIndices(papers.Count, i => papers[i].Paper).Select(g => g.Select(i => papers[i]).ToList()).ToList();
    }

    /// <summary>The groups of two or more, as indices, in the order of their first member; members in input order.</summary>
    internal static List<List<int>> GroupIndices(int count, Func<int, Paper> paperAt)
    {
        var parent = new int[count];
        for (int i = 0; i < parent.Length; i++) parent[i] = i;
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }

        // Union-find over both keys. Unions are made as the keys repeat; the order of unions does not
        // change the groups, only which member is the root, and roots are not part of the result.
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        var byTitle = new Dictionary<string, (int First, string? Id)>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            var p = paperAt(i);
            if (p.ArxivId is { } id)
            {
                if (byId.TryGetValue(id, out int first)) parent[Find(i)] = Find(first);
                else byId[id] = i;
            }
            if (p.TitleKey.Length >= 4)
            {
                if (byTitle.TryGetValue(p.TitleKey, out var a))
                {
                    // Joined to the first paper with this title, unless both have ids and they differ.
                    string? ia = a.Id, ib = p.ArxivId;
                    if (!(ia is not null && ib is not null && ia != ib)) parent[Find(i)] = Find(a.First);
                }
                else byTitle[p.TitleKey] = (i, p.ArxivId);
            }
        }

        var size = new int[count];
        for (int i = 0; i < count; i++) size[Find(i)]++;
        var byRoot = new Dictionary<int, List<int>>();
        var groups = new List<List<int>>();
        for (int i = 0; i < count; i++)
        {
            int root = Find(i);
            if (size[root] < 2) continue;
            if (!byRoot.TryGetValue(root, out var g))
            {
                byRoot[root] = g = [];
                groups.Add(g);
            }
            g.Add(i);
        }
        return groups;
    }
}
