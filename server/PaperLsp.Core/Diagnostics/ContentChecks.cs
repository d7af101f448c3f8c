using PaperLsp.Core.Model;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Diagnostics;

/// <summary>Problems visible in one paper's own text: damaged URLs, truncated abstracts, leftover LaTeX.</summary>
internal static class ContentChecks
{
    public static IEnumerable<Problem> Run(string text, IReadOnlyList<Paper> papers)
    {
        foreach (var paper in papers)
        {
            foreach (var link in paper.Links)
                if (link.Damage is { } damage)
                    yield return new Problem(DiagnosticCodes.DamagedUrl, link.Span,
                        $"This URL was damaged by copying ({damage}); it points to {link.Target}");
            if (paper.HasAbstract && IsTruncated(text.AsSpan(paper.AbstractSpan.Start, paper.AbstractSpan.Length)))
                yield return new Problem(DiagnosticCodes.TruncatedAbstract,
                    TextSpan.FromBounds(Math.Max(paper.AbstractSpan.Start, paper.AbstractSpan.End - 3), paper.AbstractSpan.End),
                    "This abstract ends in \"...\": it was cut off when it was copied");
            foreach (var p in LatexLeftovers(text, paper.TitleSpan, paper.Links)) yield return p;
            foreach (var p in LatexLeftovers(text, paper.AbstractSpan, paper.Links)) yield return p;
        }
    }

    private static bool IsTruncated(ReadOnlySpan<char> s)
    {
        s = s.TrimEnd();
        return s.EndsWith("...", StringComparison.Ordinal) || s.EndsWith("…", StringComparison.Ordinal);
    }

    /// <summary>LaTeX commands and escapes outside $math$ and outside URLs.</summary>
    private static IEnumerable<Problem> LatexLeftovers(string text, TextSpan region, IReadOnlyList<PaperLink> links)
    {
        int end = region.End;
        bool math = false;
        for (int i = region.Start; i < end; i++)
        {
            char c = text[i];
            if (c == '$') { math = !math; continue; }
            if (c != '\\' || math || InLink(links, i)) continue;
            int j = i + 1;
            while (j < end && char.IsAsciiLetter(text[j])) j++;
            if (j == i + 1 && j < end && text[j] is '%' or '_' or '&' or '#' or '{' or '}') j++;
            if (j == i + 1) continue;
            string markup = text[i..j];
            yield return new Problem(DiagnosticCodes.LeftoverLatex, TextSpan.FromBounds(i, j),
                $"Leftover LaTeX markup \"{markup}\"");
            i = j - 1;
        }
    }

    private static bool InLink(IReadOnlyList<PaperLink> links, int offset)
    {
        foreach (var link in links) if (link.Span.Contains(offset)) return true;
        return false;
    }
}
