using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Fixes;

/// <summary>
/// Joins the lines of one hard-wrapped abstract paragraph with single spaces (whitespace only). Paragraphs
/// stay apart, and a Markdown hard break (two trailing spaces or a backslash) is kept. Offered in the
/// editor only: <c>paperlsp fix</c> leaves the user's own wrapping alone.
/// </summary>
internal static class UnwrapAbstract
{
    public static Fix? For(DigestDocument doc, Paper paper)
    {
        var edits = Joins(new DocLines(doc), paper);
        if (edits.Count == 0) return null;
        return new Fix($"unwrap@{paper.TitleSpan.Start}", $"Unwrap the abstract of \"{FixText.Short(paper.Title)}\"", paper.AbstractSpan, () => edits);
    }

    public static Fix? All(DigestDocument doc)
    {
        var lines = new DocLines(doc);
        var edits = doc.Papers.SelectMany(p => Joins(lines, p)).ToList();
        if (edits.Count == 0) return null;
        return new Fix("unwrap-all", "Unwrap every hard-wrapped abstract in the file", FixText.Bounds(edits), () => edits) { Kind = FixKind.AllOfKind };
    }

    private static List<SpanEdit> Joins(DocLines lines, Paper paper)
    {
        var edits = new List<SpanEdit>();
        if (!paper.HasAbstract) return edits;
        int first = lines.LineOf(paper.AbstractSpan.Start), last = lines.LineOf(paper.AbstractSpan.End);
        for (int i = first; i < last; i++)
        {
            if (lines.Kind(i) != SyntaxKind.AbstractLine || lines.Kind(i + 1) != SyntaxKind.AbstractLine) continue;
            if (lines.IsBlank(i) || lines.IsBlank(i + 1) || lines.Owner(i) != paper.Index || lines.Owner(i + 1) != paper.Index) continue;
            var content = lines.Content(i);
            if (lines.IsMarkdown && (content.EndsWith("  ", StringComparison.Ordinal) || content.EndsWith("\\", StringComparison.Ordinal))) continue;
            var gap = TextSpan.FromBounds(FixText.ContentEnd(lines.Text, lines[i]), FixText.ContentStart(lines.Text, lines[i + 1]));
            edits.Add(new SpanEdit(gap, " "));
        }
        return edits;
    }
}
