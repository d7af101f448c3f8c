using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Model;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Fixes;

/// <summary>
/// The entry point: every fix on offer at a range of a document, given the document's problems (its own
/// and the workspace's duplicates). The cases are tried in turn — the problems under the range, fix-all of
/// their kinds, the paper under the range, the page lines under it, the file's layout — each bailing out early.
/// </summary>
public static class CodeFixes
{
    public const string SafeFixAllId = "safe-fix-all";

    public static List<Fix> At(DigestDocument doc, IReadOnlyList<Problem> problems, TextSpan range)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(problems);
        var fixes = new List<Fix>();
        var touched = problems.Where(p => p.Span.Start <= range.End && range.Start <= p.Span.End).ToList();
        foreach (var problem in touched) fixes.AddRange(ForProblem(doc, problem));
        foreach (var code in touched.Select(p => p.Code).Distinct(StringComparer.Ordinal))
            if (AllOfKind(doc, problems, code) is { } all) fixes.Add(all);

        var lines = new DocLines(doc);
        if (lines.Count > 0)
        {
            int first = lines.LineOf(range.Start), last = lines.LineOf(range.End);
            bool pageLine = false;
            for (int i = first; i <= last && !pageLine; i++) pageLine = RemoveBoilerplate.IsPageLine(doc, i);
            if (pageLine || touched.Any(p => p.Code == DiagnosticCodes.BoilerplateInList))
            {
                if (RemoveBoilerplate.PageCopy(doc, problems, keepMetadata: true) is { } keep) fixes.Add(keep);
                if (RemoveBoilerplate.PageCopy(doc, problems, keepMetadata: false) is { } strip) fixes.Add(strip);
            }
        }

        if (doc.PaperAt(range.Start) is { } paper)
        {
            fixes.AddRange(MarkStatus.For(doc, paper));
            if (UnwrapAbstract.For(doc, paper) is { } unwrap)
            {
                fixes.Add(unwrap);
                if (UnwrapAbstract.All(doc) is { } all && all.Edits.Count > unwrap.Edits.Count) fixes.Add(all);
            }
            if (InsertBlankLines.For(doc) is { } spaced && spaced.Edits.Any(e => e.Span.Start >= paper.Span.Start && e.Span.Start <= paper.Span.End))
                fixes.Add(spaced);
        }
        return fixes.DistinctBy(f => f.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The fix named <paramref name="id"/> among those at the range (how a lazily resolved action finds its edits).</summary>
    public static Fix? Find(DigestDocument doc, IReadOnlyList<Problem> problems, TextSpan range, string id, string? fileName = null) =>
        id == SafeFixAllId ? SafeFixAll(doc, problems, fileName) : At(doc, problems, range).FirstOrDefault(f => f.Id == id);

    /// <summary>Every safe fix in the file, then formatting: what <c>source.fixAll</c> and <c>paperlsp fix</c> apply.</summary>
    public static Fix SafeFixAll(DigestDocument doc, IReadOnlyList<Problem> problems, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(problems);
        return new Fix(SafeFixAllId, "Fix all safe problems and format the digest", new TextSpan(0, doc.Text.Length),
            () => SafeFixes.Run(doc, fileName, removeDuplicates: false).Edits)
        {
            Kind = FixKind.SafeFixAll,
            Safe = true,
            Problems = problems.Where(p => SafeFixes.Codes.Contains(p.Code)).ToList(),
        };
    }

    /// <summary>The fixes of one problem, the obvious one first.</summary>
    public static IEnumerable<Fix> ForProblem(DigestDocument doc, Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var fix = problem.Code switch
        {
            DiagnosticCodes.Duplicate => RemoveDuplicate.For(doc, problem),
            DiagnosticCodes.GluedBoilerplate => SplitGlued.For(doc, problem),
            DiagnosticCodes.SplitAbstract => JoinAbstract.For(doc, problem),
            DiagnosticCodes.DamagedUrl => CleanUrl.For(doc, problem),
            DiagnosticCodes.BoilerplateInList => RemoveBoilerplate.Line(doc, problem),
            _ => null,
        };
        if (fix is not null) yield return fix;
        if (problem.Code is DiagnosticCodes.Duplicate or DiagnosticCodes.NearDuplicate && SuppressDuplicate.For(doc, problem) is { } suppress)
            yield return suppress;
    }

    /// <summary>"Fix all of this kind in the file", when the file has at least two of them.</summary>
    public static Fix? AllOfKind(DigestDocument doc, IReadOnlyList<Problem> problems, string code)
    {
        ArgumentNullException.ThrowIfNull(problems);
        switch (code)
        {
            case DiagnosticCodes.Duplicate: return RemoveDuplicate.LaterCopies(doc, problems);
            case DiagnosticCodes.BoilerplateInList: return RemoveBoilerplate.AllInList(doc, problems);
            case DiagnosticCodes.GluedBoilerplate or DiagnosticCodes.SplitAbstract or DiagnosticCodes.DamagedUrl: break;
            default: return null;
        }
        var ofKind = problems.Where(p => p.Code == code).ToList();
        var fixes = ofKind.SelectMany(p => ForProblem(doc, p).Take(1)).ToList();
        if (fixes.Count < 2) return null;
        string title = code switch
        {
            DiagnosticCodes.GluedBoilerplate => $"Split every glued page phrase from its title ({fixes.Count})",
            DiagnosticCodes.SplitAbstract => $"Join every split abstract in the file ({fixes.Count})",
            _ => $"Repair every damaged URL in the file ({fixes.Count})",
        };
        return new Fix($"all-{code}", title, TextSpan.FromBounds(fixes.Min(f => f.Scope.Start), fixes.Max(f => f.Scope.End)),
            () => fixes.SelectMany(f => f.Edits).ToList())
        {
            Kind = FixKind.AllOfKind,
            Problems = ofKind,
            Safe = fixes.All(f => f.Safe),
            RewritesText = fixes.Any(f => f.RewritesText),
            Count = fixes.Count,
        };
    }
}
