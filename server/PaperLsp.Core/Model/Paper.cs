using PaperLsp.Core.Text;

namespace PaperLsp.Core.Model;

public enum PaperStatus
{
    None,
    ToRead,
    Reading,
    Read,
    Skip,
}

/// <summary>One entry of a digest and every fact the parser extracted from it.</summary>
public sealed record Paper
{
    public required int Index { get; init; }
    /// <summary>Index into <see cref="DigestDocument.Sections"/>, or -1 outside any section.</summary>
    public int SectionIndex { get; init; } = -1;
    /// <summary>The whole entry: metadata, title, abstract, notes (line breaks included).</summary>
    public required TextSpan Span { get; init; }
    public required TextSpan TitleSpan { get; init; }
    public required string Title { get; init; }
    /// <summary>The abstract's text span (empty when the paper has none).</summary>
    public TextSpan AbstractSpan { get; init; }
    public bool HasAbstract => AbstractSpan.Length > 0;
    public string? ArxivId { get; init; }
    public string? Date { get; init; }
    public string? Votes { get; init; }
    public int? AuthorCount { get; init; }
    public string? Organisation { get; init; }
    public int? CommentCount { get; init; }
    public IReadOnlyList<PaperLink> Links { get; init; } = [];
    public IReadOnlyList<TextSpan> Notes { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public PaperStatus Status { get; init; }
    /// <summary>The normalised title (DESIGN §2): two entries with equal keys are the same paper.</summary>
    public required string TitleKey { get; init; }
    /// <summary>A suppression marker stands before the entry: repeats of it are deliberate.</summary>
    public bool DuplicateAllowed { get; init; }

    /// <summary>
    /// Keys derived from the paper's own text, computed once. A paper that an edit elsewhere only moved
    /// is a copy of this record (<c>with</c>) and shares the cache, so its keys are not computed again.
    /// </summary>
    internal PaperCache Cache { get; init; } = new();

    /// <summary>The paper's repository, else project page, else paper page (DESIGN §3).</summary>
    public PaperLink? PrimaryLink =>
        Links.FirstOrDefault(l => l.Kind == LinkKind.Repository)
        ?? Links.FirstOrDefault(l => l.Kind == LinkKind.ProjectPage)
        ?? Links.FirstOrDefault(l => l.Kind is LinkKind.PaperPage or LinkKind.Pdf);
}

/// <summary>Lazily computed keys of one paper's text (see <see cref="Paper.Cache"/>).</summary>
internal sealed class PaperCache
{
    public string[]? TitleWords;
    /// <summary>The lower-cased words of the paper's outline name, for workspace symbol search.</summary>
    public string[]? SymbolWords;
    public int[]? WordIds;
    /// <summary>The paper's detail in the outline (ids, date, tags), or "" for none.</summary>
    public string? OutlineDetail;
    public Duplicates.AbstractFingerprint? AbstractFingerprint;
    public bool HasFingerprint;
    /// <summary>Near-duplicate scores against other papers' caches (guarded by NearDuplicates' score gates).</summary>
    public Dictionary<PaperCache, (double Score, string Reason)>? Scores;
}
