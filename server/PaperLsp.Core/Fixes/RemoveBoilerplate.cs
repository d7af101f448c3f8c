using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Fixes;

/// <summary>
/// PD009 and page copies: removes page boilerplate lines. Two ways for a whole page copy:
/// <list type="bullet">
/// <item>keep metadata (safe): site navigation and its URLs, vote lines, login URLs, the author link's
/// bracket lines, the middle dot and comment counts go; each paper's URL, date, author count and
/// organisation stay, and so does the daily-papers header at the top (it is how editors recognise a copy);</item>
/// <item>strip to title + abstract: every page line goes, paper URLs and dates included.</item>
/// </list>
/// Titles, abstracts, notes, markers and date headings are never touched.
/// </summary>
internal static class RemoveBoilerplate
{
    /// <summary>The header of a daily-papers page, kept at the top of a copy when metadata is kept.</summary>
    private static readonly HashSet<string> Header = new(StringComparer.Ordinal)
    {
        "new", "Get trending papers in your email inbox!", "Get trending papers in your email inbox once a day!",
        "Subscribe", "Daily Papers", "byAK and the research community",
    };

    /// <summary>PD009: this one line (and a blank line after it, when it stood between blank lines).</summary>
    public static Fix? Line(DigestDocument doc, Problem problem)
    {
        var lines = new DocLines(doc);
        int i = lines.LineOf(problem.Span.Start);
        if (lines.Kind(i) != SyntaxKind.BoilerplateLine) return null;
        var edits = lines.RemoveLines([i], oneBlankAfter: true);
        return new Fix($"remove-boilerplate@{lines[i].Start}", $"Remove the boilerplate line \"{FixText.Short(lines.Content(i).Trim().ToString())}\"",
            FixText.Bounds(edits), () => edits)
        {
            Problems = [problem],
            Safe = true,
            Preferred = true,
        };
    }

    /// <summary>Fix all PD009: every boilerplate line inside the list.</summary>
    public static Fix? AllInList(DigestDocument doc, IReadOnlyList<Problem> problems)
    {
        var lines = new DocLines(doc);
        var pd009 = problems.Where(p => p.Code == DiagnosticCodes.BoilerplateInList).ToList();
        var remove = pd009.Select(p => lines.LineOf(p.Span.Start)).Where(i => lines.Kind(i) == SyntaxKind.BoilerplateLine).Distinct().ToList();
        if (remove.Count < 2) return null;
        var edits = lines.RemoveLines(remove, oneBlankAfter: true);
        return new Fix("all-PD009", $"Remove every boilerplate line inside the list ({remove.Count})", FixText.Bounds(edits), () => edits)
        {
            Kind = FixKind.AllOfKind,
            Problems = pd009,
            Safe = true,
        };
    }

    /// <summary>The whole page copy, keeping metadata (safe) or stripping to titles and abstracts.</summary>
    public static Fix? PageCopy(DigestDocument doc, IReadOnlyList<Problem> problems, bool keepMetadata)
    {
        var lines = new DocLines(doc);
        var remove = Removable(lines, keepMetadata);
        if (remove.Count == 0) return null;
        var edits = lines.RemoveLines(remove, oneBlankAfter: true);
        var fixes = problems.Where(p => p.Code == DiagnosticCodes.BoilerplateInList).ToList();
        return keepMetadata
            ? new Fix("page-copy-keep-metadata", $"Remove page boilerplate, keep paper URLs and dates ({remove.Count} lines)", FixText.Bounds(edits), () => edits)
            {
                Kind = FixKind.AllOfKind,
                Problems = fixes,
                Safe = true,
            }
            : new Fix("page-copy-strip", $"Strip the page copy to titles and abstracts ({remove.Count} lines)", FixText.Bounds(edits), () => edits)
            {
                Kind = FixKind.AllOfKind,
                Problems = fixes,
            };
    }

    /// <summary>Whether the line is page material of the kind these fixes remove (at a cursor: offer them).</summary>
    public static bool IsPageLine(DigestDocument doc, int line)
    {
        var lines = new DocLines(doc);
        return line >= 0 && line < lines.Count && Removable(lines, line, keepMetadata: false);
    }

    private static List<int> Removable(DocLines lines, bool keepMetadata)
    {
        var result = new List<int>();
        for (int i = 0; i < lines.Count; i++)
            if (Removable(lines, i, keepMetadata)) result.Add(i);
        return result;
    }

    private static bool Removable(DocLines lines, int i, bool keepMetadata)
    {
        // A page-shaped line inside an abstract's paragraph (a URL wrapped onto a line of its own) is the abstract's.
        if (i > 0 && i + 1 < lines.Count && lines.Kind(i - 1) == SyntaxKind.AbstractLine && lines.Kind(i + 1) == SyntaxKind.AbstractLine
            && lines.Owner(i - 1) == lines.Owner(i + 1) && !lines.IsBlank(i - 1) && !lines.IsBlank(i + 1))
            return false;
        var s = lines.Content(i).Trim();
        switch (lines.Kind(i))
        {
            case SyntaxKind.BoilerplateLine:
                return !(keepMetadata && IsHeader(lines, i, s));
            case SyntaxKind.VoteLine:
            case SyntaxKind.SeparatorLine:
            case SyntaxKind.CommentCountLine:
                return true;
            case SyntaxKind.UrlLine:
                return !keepMetadata || s.Contains("login?next=", StringComparison.Ordinal);
            case SyntaxKind.AuthorsLine:
                return !keepMetadata || s.SequenceEqual("[") || s.StartsWith("](", StringComparison.Ordinal);
            case SyntaxKind.OrganisationLine:
                return !keepMetadata;
            case SyntaxKind.DateLine:
                return !keepMetadata && lines.Owner(i) >= 0 && !lines.IsSectionHeading(i);
            default:
                return false;
        }
    }

    /// <summary>A daily-papers header line before the first paper and the first section.</summary>
    private static bool IsHeader(DocLines lines, int i, ReadOnlySpan<char> s)
    {
        var doc = lines.Doc;
        int firstThing = doc.Papers.Count > 0 ? doc.Papers[0].Span.Start : doc.Text.Length;
        if (doc.Sections.Count > 0) firstThing = Math.Min(firstThing, doc.Sections[0].Span.Start);
        return lines[i].Start < firstThing && Header.GetAlternateLookup<ReadOnlySpan<char>>().Contains(s);
    }
}
