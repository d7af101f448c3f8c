using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Model;

namespace PaperLsp.Core.Fixes;

/// <summary>
/// PD001/PD002: the repeat is deliberate — a marker line <c>&lt;!-- paperlsp: allow-duplicate --&gt;</c> right
/// before the entry silences it (in plain text and Markdown alike). Not offered for a Markdown table row.
/// </summary>
internal static class SuppressDuplicate
{
    public const string Marker = "<!-- paperlsp: allow-duplicate -->";

    public static Fix? For(DigestDocument doc, Problem problem)
    {
        if (FixText.PaperWithTitle(doc, problem.Span) is not { } paper) return null;
        var lines = new DocLines(doc);
        if (lines.IsTableRow(lines.LineOf(paper.TitleSpan.Start))) return null;
        int at = lines[lines.FirstLine(paper)].Start;
        IReadOnlyList<SpanEdit> edits = [SpanEdit.Insert(at, Marker + lines.LineEnding)];
        string what = problem.Code == DiagnosticCodes.Duplicate ? "duplicate" : "near duplicate";
        return new Fix($"suppress-{problem.Code}@{paper.TitleSpan.Start}", $"Keep this {what}: mark it as a deliberate repeat", paper.Span, () => edits)
        {
            Problems = [problem],
        };
    }
}
