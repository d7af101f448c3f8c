using PaperLsp.Core.Formatting;
using PaperLsp.Core.Model;

namespace PaperLsp.Core.Fixes;

/// <summary>
/// Compact → spaced: the blank lines the canonical layout wants and the file lacks (between a title and its
/// abstract, between entries, around date headings), and nothing else of formatting. Plain digests only.
/// </summary>
internal static class InsertBlankLines
{
    public static Fix? For(DigestDocument doc)
    {
        var lines = new DocLines(doc);
        if (lines.IsMarkdown || lines.Count == 0) return null;
        string eol = lines.LineEnding;
        var inserts = DigestFormatter.OneRound(doc)
            .Where(e => e.Span.Length == 0 && e.NewText == eol && lines[lines.LineOf(e.Span.Start)].Start == e.Span.Start)
            .ToList();
        if (inserts.Count == 0) return null;
        return new Fix("insert-blank-lines", $"Insert the missing blank lines (compact → spaced, {inserts.Count} lines)",
            FixText.Bounds(inserts), () => inserts)
        {
            Kind = FixKind.AllOfKind,
            Safe = true,
        };
    }
}
