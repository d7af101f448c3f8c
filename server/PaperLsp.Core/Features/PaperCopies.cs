using System.Runtime.CompilerServices;
using PaperLsp.Core.Duplicates;
using PaperLsp.Core.Model;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Features;

/// <summary>
/// Every copy of a paper in a workspace snapshot (DESIGN §2 identity: <see cref="ExactDuplicates"/>),
/// deliberate repeats included. The groups are computed once per snapshot.
/// </summary>
public static class PaperCopies
{
    private static readonly ConditionalWeakTable<WorkspaceSnapshot, Dictionary<(string, int), List<PaperRef>>> Index = new();

    /// <summary>All copies of the paper, itself included, in workspace order; empty when it has none.</summary>
    public static IReadOnlyList<PaperRef> Of(WorkspaceSnapshot workspace, string documentId, Paper paper)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(paper);
        var index = Index.GetValue(workspace, Build);
        return index.TryGetValue((documentId, paper.TitleSpan.Start), out var group) ? group : [];
    }

    /// <summary>The other copies of the paper.</summary>
    public static IReadOnlyList<PaperRef> Others(WorkspaceSnapshot workspace, string documentId, Paper paper) =>
        Of(workspace, documentId, paper).Where(r => !(r.DocumentId == documentId && r.Paper.TitleSpan.Start == paper.TitleSpan.Start)).ToList();

    private static Dictionary<(string, int), List<PaperRef>> Build(WorkspaceSnapshot workspace)
    {
        var papers = new List<PaperRef>();
        foreach (var (id, doc) in workspace.Documents)
            foreach (var paper in doc.Papers)
                papers.Add(new PaperRef(id, doc, paper));
        var index = new Dictionary<(string, int), List<PaperRef>>();
        foreach (var group in ExactDuplicates.Groups(papers))
            foreach (var copy in group)
                index[(copy.DocumentId, copy.Paper.TitleSpan.Start)] = group;
        return index;
    }
}
