using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Duplicates;
using PaperLsp.Core.Model;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Fixes;

/// <summary>
/// PD001: removes one copy of a duplicate paper — the whole entry (card, title, abstract, metadata, notes,
/// marker) and one separating blank line, nothing else. Lines the parser merely attached to the entry
/// (boilerplate or stray text after it) stay.
/// </summary>
internal static class RemoveDuplicate
{
    public static Fix? For(DigestDocument doc, Problem problem)
    {
        if (FixText.PaperWithTitle(doc, problem.Span) is not { } paper) return null;
        var lines = new DocLines(doc);
        var remove = EntryLines(lines, paper);
        var edits = lines.RemoveLines(remove, oneBlankAfter: false);
        return new Fix($"remove-duplicate@{paper.TitleSpan.Start}", $"Remove this copy of \"{FixText.Short(paper.Title)}\"", FixText.Bounds(edits),
            () => edits)
        {
            Problems = [problem],
            RemovedPapers = [paper.Index],
        };
    }

    /// <summary>Fix all: in every group of copies inside this file, the first copy stays and the later ones go.</summary>
    public static Fix? LaterCopies(DigestDocument doc, IReadOnlyList<Problem> problems)
    {
        var later = InFileGroups(doc).SelectMany(g => g.Skip(1)).ToList();
        if (later.Count == 0) return null;
        return Removal(doc, later, "all-PD001", $"Remove the later copies of papers repeated in this file ({later.Count})",
            problems.Where(p => p.Code == DiagnosticCodes.Duplicate).ToList());
    }

    /// <summary>
    /// For <c>paperlsp fix --remove-duplicates</c>: later copies inside one file whose title, abstract and notes
    /// are exactly those of the first copy (nothing of them would be lost).
    /// </summary>
    public static Fix? ExactCopies(DigestDocument doc)
    {
        var exact = new List<Paper>();
        foreach (var group in InFileGroups(doc))
        {
            var kept = group[0];
            exact.AddRange(group.Skip(1).Where(p => p.Title == kept.Title && doc.AbstractText(p) == doc.AbstractText(kept)
                && p.Notes.All(n => kept.Notes.Any(k => doc.Slice(k).Trim() == doc.Slice(n).Trim()))));
        }
        if (exact.Count == 0) return null;
        return Removal(doc, exact, "exact-duplicates", $"Remove {exact.Count} exact duplicate {(exact.Count == 1 ? "copy" : "copies")}", []);
    }

    private static Fix Removal(DigestDocument doc, List<Paper> papers, string id, string title, IReadOnlyList<Problem> problems)
    {
        var lines = new DocLines(doc);
        var edits = lines.RemoveLines(papers.SelectMany(p => EntryLines(lines, p)), oneBlankAfter: false);
        return new Fix(id, title, FixText.Bounds(edits), () => edits)
        {
            Kind = FixKind.AllOfKind,
            Problems = problems,
            RemovedPapers = papers.Select(p => p.Index).ToList(),
        };
    }

    private static List<List<Paper>> InFileGroups(DigestDocument doc) =>
        ExactDuplicates.Groups(doc.Papers.Where(p => !p.DuplicateAllowed).Select(p => new PaperRef("", doc, p)).ToList())
            .Select(g => g.Select(r => r.Paper).ToList()).ToList();

    /// <summary>The entry's lines and the blank line that separates it from its neighbours.</summary>
    public static IEnumerable<int> EntryLines(DocLines lines, Paper paper)
    {
        int first = lines.FirstLine(paper), last = lines.LastEntryLine(paper);
        if (!lines.IsTableRow(lines.LineOf(paper.TitleSpan.Start)))
        {
            bool blankBefore = first > 0 && lines.IsBlank(first - 1);
            if ((first == 0 || blankBefore) && last + 1 < lines.Count && lines.IsBlank(last + 1)) last++;
            else if (blankBefore && NothingAfter(lines, last)) first--;
        }
        return Enumerable.Range(first, last - first + 1);
    }

    private static bool NothingAfter(DocLines lines, int last)
    {
        for (int i = last + 1; i < lines.Count; i++) if (!lines.IsBlank(i)) return false;
        return true;
    }
}
