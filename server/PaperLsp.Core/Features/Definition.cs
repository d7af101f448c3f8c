using PaperLsp.Core.Model;
using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Features;

/// <summary>Where "go to definition" goes: a web page (<see cref="Url"/>) or a place in a document.</summary>
public sealed record DefinitionTarget(string? Url, string? DocumentId, TextSpan Span)
{
    public static DefinitionTarget Web(string url) => new(url, null, default);
}

/// <summary>The span the request was about and where it leads.</summary>
public sealed record DefinitionResult(TextSpan Origin, IReadOnlyList<DefinitionTarget> Targets);

/// <summary>
/// Go to definition (DESIGN §3, "go to linked repo"). On a URL: its cleaned target. On a title: the
/// paper's primary link (repository, else project page, else paper page), and for a copy of a paper
/// that appears earlier in the workspace, the title of that first copy.
/// </summary>
public static class Definition
{
    public static DefinitionResult? At(WorkspaceSnapshot workspace, string documentId, int offset)
    {
        if (Lookup.Document(workspace, documentId) is not { } doc) return null;
        if (Lookup.LinkAt(doc, offset) is { } link)
            return SafeUrl.Http(link.Target) is { } url ? new DefinitionResult(link.Span, [DefinitionTarget.Web(url)]) : null;
        if (Lookup.TitleAt(doc, offset) is not { } paper) return null;
        var targets = new List<DefinitionTarget>(2);
        if (SafeUrl.Http(paper.PrimaryLink?.Target) is { } primary) targets.Add(DefinitionTarget.Web(primary));
        if (FirstCopy(workspace, documentId, paper) is { } first) targets.Add(first);
        return targets.Count == 0 ? null : new DefinitionResult(paper.TitleSpan, targets);
    }

    /// <summary>The first copy of the paper in the workspace, when it is not this one.</summary>
    private static DefinitionTarget? FirstCopy(WorkspaceSnapshot workspace, string documentId, Paper paper)
    {
        var copies = PaperCopies.Of(workspace, documentId, paper);
        if (copies.Count == 0) return null;
        var first = copies[0];
        if (first.DocumentId == documentId && first.Paper.TitleSpan.Start == paper.TitleSpan.Start) return null;
        return new DefinitionTarget(null, first.DocumentId, first.Paper.TitleSpan);
    }
}
