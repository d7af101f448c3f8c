using PaperLsp.Core.Text;

namespace PaperLsp.Core.Model;

public enum LinkKind
{
    Other,
    Repository,
    ProjectPage,
    PaperPage,
    Pdf,
}

/// <summary>A URL found in a digest: where it stands, what it said, and where it really points.</summary>
/// <param name="Span">The raw URL as it stands in the text, copy damage included.</param>
/// <param name="Target">The cleaned http(s) target.</param>
/// <param name="Damage">What cleaning removed, or null when the URL was intact.</param>
public sealed record PaperLink(TextSpan Span, string Raw, string Target, LinkKind Kind, string? Damage)
{
    public bool IsDamaged => Damage is not null;
}
