using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Model;

namespace PaperLsp.Core.Fixes;

/// <summary>PD006: the damaged URL becomes the URL it meant (the doubled \href leftover and LaTeX escapes go).</summary>
internal static class CleanUrl
{
    public static Fix? For(DigestDocument doc, Problem problem)
    {
        if (doc.PaperAt(problem.Span.Start) is not { } paper) return null;
        var link = paper.Links.FirstOrDefault(l => l.Span == problem.Span && l.IsDamaged);
        if (link is null || link.Target.Length == 0) return null;
        IReadOnlyList<SpanEdit> edits = [Edits.Shrink(doc.Text.ToString(), new SpanEdit(link.Span, link.Target))];
        return new Fix($"clean-url@{link.Span.Start}", $"Repair the URL: {FixText.Short(link.Target)}", link.Span, () => edits)
        {
            Problems = [problem],
            Preferred = true,
            RewritesText = true,
        };
    }
}
