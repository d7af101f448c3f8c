using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Fixes;

/// <summary>
/// PD005, whitespace only: an abstract split from its title by several blank lines keeps one of them; a
/// paragraph that continues the abstract above joins it (the blank line between becomes one space). Nothing
/// is offered when anything but whitespace stands between the two (a note, metadata).
/// </summary>
internal static class JoinAbstract
{
    public static Fix? For(DigestDocument doc, Problem problem)
    {
        var lines = new DocLines(doc);
        int at = lines.LineOf(problem.Span.Start);
        int prev = at - 1;
        while (prev >= 0 && lines.IsBlank(prev)) prev--;
        if (prev < 0 || lines.Owner(prev) != lines.Owner(at) || lines.Owner(at) < 0) return null;

        if (lines.Kind(prev) == SyntaxKind.TitleLine)
        {
            if (at - prev - 1 < 2) return null;
            var gap = lines.Lines(prev + 2, at - 1);
            IReadOnlyList<SpanEdit> edits = [SpanEdit.Delete(gap)];
            return new Fix($"join-abstract@{problem.Span.Start}", "Join the abstract to its title (one blank line between)",
                TextSpan.FromBounds(lines[prev].End, lines[at].Start), () => edits)
            {
                Problems = [problem],
                Safe = true,
                Preferred = true,
            };
        }
        if (lines.Kind(prev) == SyntaxKind.AbstractLine)
        {
            var gap = TextSpan.FromBounds(FixText.ContentEnd(doc.Text.ToString(), lines[prev]), FixText.ContentStart(doc.Text.ToString(), lines[at]));
            IReadOnlyList<SpanEdit> edits = [new SpanEdit(gap, " ")];
            return new Fix($"join-paragraph@{problem.Span.Start}", "Join this paragraph to the abstract above", gap, () => edits)
            {
                Problems = [problem],
                Safe = true,
                Preferred = true,
            };
        }
        return null;
    }
}
