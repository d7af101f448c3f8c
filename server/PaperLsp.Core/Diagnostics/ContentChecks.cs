using PaperLsp.Core.Model;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Diagnostics;

/// <summary>Problems visible in one paper's own text: damaged URLs, truncated abstracts, leftover LaTeX.</summary>
internal static class ContentChecks
{
    /// <summary>
    /// Adds one paper's problems: damaged URLs, a truncated abstract, then LaTeX in the title and in the
    /// abstract. The assembler calls this right after it extracted the paper's facts, while the paper's
    /// text is still in the CPU cache (a separate pass over all papers read the whole text again).
    /// </summary>
    public static void Check(TextWindow text, Paper paper, List<Problem> into)
    {
        var links = paper.Links;
        for (int k = 0; k < links.Count; k++)
            if (links[k].Damage is { } damage)
                into.Add(new Problem(DiagnosticCodes.DamagedUrl, links[k].Span,
                    $"This URL was damaged by copying ({damage}); it points to {links[k].Target}"));
        if (paper.HasAbstract && IsTruncated(text.AsSpan(paper.AbstractSpan.Start, paper.AbstractSpan.Length)))
            into.Add(new Problem(DiagnosticCodes.TruncatedAbstract,
                TextSpan.FromBounds(Math.Max(paper.AbstractSpan.Start, paper.AbstractSpan.End - 3), paper.AbstractSpan.End),
                "This abstract ends in \"...\": it was cut off when it was copied"));
        LatexLeftovers(text, paper.TitleSpan, links, into);
        LatexLeftovers(text, paper.AbstractSpan, links, into);
    }

    private static bool IsTruncated(ReadOnlySpan<char> s)
    {
        s = s.TrimEnd();
        return s.EndsWith("...", StringComparison.Ordinal) || s.EndsWith("…", StringComparison.Ordinal);
    }

    /// <summary>LaTeX commands and escapes outside $math$ and outside URLs.</summary>
    private static void LatexLeftovers(TextWindow text, TextSpan region, IReadOnlyList<PaperLink> links, List<Problem> into)
    {
        int end = region.End;
        bool math = false;
        for (int i = region.Start; i < end; i++)
        {
            // Only '$' and '\\' change anything below: jump to the next one (vectorised) instead of visiting every char.
            int next = text.AsSpan(i, end - i).IndexOfAny('$', '\\');
            if (next < 0) break;
            i += next;
            char c = text[i];
            if (c == '$') { math = !math; continue; }
            if (c != '\\' || math || InLink(links, i)) continue;
            int j = i + 1;
            while (j < end && char.IsAsciiLetter(text[j])) j++;
            if (j == i + 1 && j < end && text[j] is '%' or '_' or '&' or '#' or '{' or '}') j++;
            if (j == i + 1) continue;
            string markup = text[i..j];
            into.Add(new Problem(DiagnosticCodes.LeftoverLatex, TextSpan.FromBounds(i, j),
                $"Leftover LaTeX markup \"{markup}\""));
            i = j - 1;
        }
    }

    private static bool InLink(IReadOnlyList<PaperLink> links, int offset)
    {
        for (int k = 0; k < links.Count; k++) if (links[k].Span.Contains(offset)) return true;
        return false;
    }
}
