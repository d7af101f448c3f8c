using PaperLsp.Core.Duplicates;
using PaperLsp.Core.Model;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Features;

/// <summary>
/// "Find references" for a paper (DESIGN §3): every copy of it in the workspace, exact ones
/// (deliberate repeats included) and near duplicates, in workspace order.
/// </summary>
public static class PaperReferences
{
    /// <summary>The paper whose title is at the offset, and its copies (itself included when asked).</summary>
    public static (Paper Paper, IReadOnlyList<PaperRef> Copies)? At(WorkspaceSnapshot workspace, string documentId, int offset, bool includeItself)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (Lookup.Document(workspace, documentId) is not { } doc || Lookup.TitleAt(doc, offset) is not { } paper) return null;
        var copies = CopiesOf(workspace, documentId, paper);
        if (!includeItself) copies = copies.Where(c => !IsItself(c, documentId, paper)).ToList();
        return (paper, copies);
    }

    /// <summary>Every copy, itself included; empty when the paper has none.</summary>
    public static IReadOnlyList<PaperRef> CopiesOf(WorkspaceSnapshot workspace, string documentId, Paper paper)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var near = workspace.NearDuplicatesOf(documentId, paper);
        var exact = PaperCopies.Of(workspace, documentId, paper);
        if (near.Count == 0) return exact;
        var all = new List<PaperRef>(exact);
        if (all.Count == 0 && Lookup.Document(workspace, documentId) is { } doc) all.Add(new PaperRef(documentId, doc, paper));
        foreach (var n in near)
            if (!all.Any(a => a.DocumentId == n.DocumentId && a.Paper.TitleSpan.Start == n.Paper.TitleSpan.Start)) all.Add(n);
        return all.OrderBy(a => a.DocumentId, StringComparer.Ordinal).ThenBy(a => a.Paper.TitleSpan.Start).ToList();
    }

    /// <summary>The other copies of every paper of the document that has some, for code lenses.</summary>
    public static IEnumerable<(Paper Paper, IReadOnlyList<PaperRef> Others)> Lenses(WorkspaceSnapshot workspace, string documentId)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (Lookup.Document(workspace, documentId) is not { } doc) yield break;
        foreach (var paper in doc.Papers)
        {
            var others = CopiesOf(workspace, documentId, paper).Where(c => !IsItself(c, documentId, paper)).ToList();
            if (others.Count > 0) yield return (paper, others);
        }
    }

    private static bool IsItself(PaperRef copy, string documentId, Paper paper) =>
        copy.DocumentId == documentId && copy.Paper.TitleSpan.Start == paper.TitleSpan.Start;
}
