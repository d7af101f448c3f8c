using PaperLsp.Core.Model;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Features;

/// <summary>A code lens over a title: "Open repository" or "Open project page", with the link's target.</summary>
public sealed record RepoLens(TextSpan Span, string Title, string Target);

/// <summary>
/// "Open linked repo" (DESIGN §3): the paper's primary link (repository, else project page, else
/// paper page) for the command, and a lens on every paper that has a repository or project page.
/// Only http(s) targets (<see cref="SafeUrl"/>).
/// </summary>
public static class LinkedRepo
{
    public const string Command = "paperlsp.openLinkedRepo";

    /// <summary>The primary link of the paper whose entry holds the offset, or null.</summary>
    public static string? At(DigestDocument doc, int offset)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return doc.PaperAt(offset) is { } paper ? SafeUrl.Http(paper.PrimaryLink?.Target) : null;
    }

    public static IReadOnlyList<RepoLens> Lenses(DigestDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var lenses = new List<RepoLens>();
        foreach (var paper in doc.Papers)
        {
            var link = paper.Links.FirstOrDefault(l => l.Kind == LinkKind.Repository && SafeUrl.Http(l.Target) is not null)
                ?? paper.Links.FirstOrDefault(l => l.Kind == LinkKind.ProjectPage && SafeUrl.Http(l.Target) is not null);
            if (link is null) continue;
            string title = link.Kind == LinkKind.Repository ? "Open repository" : "Open project page";
            lenses.Add(new RepoLens(paper.TitleSpan, title, SafeUrl.Http(link.Target)!));
        }
        return lenses;
    }
}
