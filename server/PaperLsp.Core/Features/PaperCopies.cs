using PaperLsp.Core.Duplicates;
using PaperLsp.Core.Model;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Features;

/// <summary>
/// Every copy of a paper in a workspace snapshot (DESIGN §2 identity: <see cref="ExactDuplicates"/>),
/// deliberate repeats included. Looked up in the duplicate index: only papers sharing a key are read.
/// </summary>
public static class PaperCopies
{
    /// <summary>All copies of the paper, itself included, in workspace order; empty when it has none.</summary>
    public static IReadOnlyList<PaperRef> Of(WorkspaceSnapshot workspace, string documentId, Paper paper)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(paper);
        return workspace.CopiesOf(documentId, paper);
    }

    /// <summary>The other copies of the paper.</summary>
    public static IReadOnlyList<PaperRef> Others(WorkspaceSnapshot workspace, string documentId, Paper paper) =>
        Of(workspace, documentId, paper).Where(r => !(r.DocumentId == documentId && r.Paper.TitleSpan.Start == paper.TitleSpan.Start)).ToList();
}
