using PaperLsp.Core.Text;

namespace PaperLsp.Core.Diagnostics;

/// <summary>Another place a problem refers to: a span in some document (null = the same one).</summary>
public sealed record RelatedLocation(string? DocumentId, TextSpan Span, string Message);

/// <summary>A finding on one document. Severity here is the rule's default; settings apply at the edge.</summary>
public sealed record Problem(string Code, TextSpan Span, string Message, IReadOnlyList<RelatedLocation>? Related = null)
{
    public ProblemSeverity DefaultSeverity => DiagnosticCodes.Rule(Code).DefaultSeverity;
    public IReadOnlyList<RelatedLocation> RelatedLocations => Related ?? [];

    /// <summary>Text order, then code: a total order, so equal inputs list their problems identically.</summary>
    public static int Compare(Problem? a, Problem? b)
    {
        if (a is null || b is null) return a is null ? (b is null ? 0 : -1) : 1;
        int c = a.Span.Start.CompareTo(b.Span.Start);
        if (c == 0) c = string.CompareOrdinal(a.Code, b.Code);
        if (c == 0) c = a.Span.Length.CompareTo(b.Span.Length);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }
}
