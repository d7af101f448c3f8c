using PaperLsp.Core.Facts;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Fixes;

/// <summary>
/// Marks a paper <c>#read</c>, <c>#toread</c> or <c>#skip</c>: replaces the status tag in its notes, or adds a
/// note line <c>&gt; #read</c> under its abstract (after its other notes). Not offered where a note line
/// would break the structure: a Markdown table row or a <c>&lt;details&gt;</c> block.
/// </summary>
internal static class MarkStatus
{
    public static readonly IReadOnlyList<string> Offered = ["read", "toread", "skip"];

    public static IEnumerable<Fix> For(DigestDocument doc, Paper paper)
    {
        var current = Tags.StatusOf(LastStatus(doc, paper)?.Tag ?? "");
        foreach (var status in Offered)
        {
            if (Tags.StatusOf(status) == current) continue;
            if (Edit(doc, paper, status) is not { } edit) yield break;
            IReadOnlyList<SpanEdit> edits = [edit];
            yield return new Fix($"mark-{status}@{paper.TitleSpan.Start}", $"Mark \"{FixText.Short(paper.Title)}\" as #{status}", paper.Span, () => edits);
        }
    }

    private static (TextSpan Span, string Tag)? LastStatus(DigestDocument doc, Paper paper)
    {
        (TextSpan, string)? found = null;
        foreach (var note in paper.Notes)
            foreach (var (offset, tag) in Tags.Find(doc.Text.Window(note), note.Start, note.Length))
                if (Tags.StatusOf(tag) != PaperStatus.None) found = (new TextSpan(offset, tag.Length + 1), tag);
        return found;
    }

    private static SpanEdit? Edit(DigestDocument doc, Paper paper, string status)
    {
        if (LastStatus(doc, paper) is { } tag) return new SpanEdit(tag.Span, "#" + status);
        var lines = new DocLines(doc);
        int title = lines.LineOf(paper.TitleSpan.Start);
        if (lines.IsTableRow(title)) return null;
        int first = lines.FirstLine(paper), lastSpan = lines.LastSpanLine(paper), at = -1;
        for (int i = first; i <= lastSpan; i++)
        {
            if (lines.Owner(i) != paper.Index && i != title) continue;
            var kind = lines.Kind(i);
            if (kind == SyntaxKind.HtmlLine) return null;
            if (kind is SyntaxKind.TitleLine or SyntaxKind.AbstractLine or SyntaxKind.NoteLine || (lines.IsMarkdown && kind == SyntaxKind.LinkLine)) at = i;
        }
        if (at < 0) return null;
        var line = lines[at];
        string note = "> #" + status;
        return line.BreakLength == 0
            ? SpanEdit.Insert(line.End, lines.LineEnding + note)
            : SpanEdit.Insert(line.End, note + lines.LineEnding);
    }
}
