using PaperLsp.Core.Text;

namespace PaperLsp.Core.Diagnostics;

/// <summary>Another place a problem refers to: a span in some document (null = the same one).</summary>
public sealed record RelatedLocation(string? DocumentId, TextSpan Span, string Message);

/// <summary>A finding on one document. Severity here is the rule's default; settings apply at the edge.</summary>
public sealed record Problem(string Code, TextSpan Span, string Message, IReadOnlyList<RelatedLocation>? Related = null)
{
    public ProblemSeverity DefaultSeverity => DiagnosticCodes.Rule(Code).DefaultSeverity;
    public IReadOnlyList<RelatedLocation> RelatedLocations => Related ?? [];
}
