using PaperLsp.Core.Model;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Features;

/// <summary>
/// Smart selection: the spans around an offset, innermost first, each strictly containing the one
/// before: word → URL → sentence → title, abstract or note → paper entry → sections → document.
/// </summary>
public static class SelectionRanges
{
    public static IReadOnlyList<TextSpan> At(DigestDocument doc, int offset)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var text = doc.Text;
        offset = Math.Clamp(offset, 0, text.Length);
        var chain = new List<TextSpan>(8);
        Push(chain, offset, Word(text, offset));
        var paper = doc.PaperAt(offset);
        if (paper is not null)
        {
            foreach (var link in paper.Links)
                if (link.Span.Touches(offset)) Push(chain, offset, link.Span);
            if (paper.TitleSpan.Touches(offset))
            {
                Push(chain, offset, paper.TitleSpan);
            }
            else if (paper.HasAbstract && paper.AbstractSpan.Touches(offset))
            {
                Push(chain, offset, Sentence(text, paper.AbstractSpan, offset));
                Push(chain, offset, paper.AbstractSpan);
            }
            else
            {
                foreach (var note in paper.Notes)
                    if (note.Touches(offset)) Push(chain, offset, note);
                Push(chain, offset, LineAround(text, offset, paper.Span));
            }
            Push(chain, offset, TrimEnd(text, paper.Span));
        }
        for (var section = InnermostSection(doc, paper, offset); section is not null;
             section = section.ParentIndex >= 0 ? doc.Sections[section.ParentIndex] : null)
            Push(chain, offset, TrimEnd(text, section.Span));
        Push(chain, offset, new TextSpan(0, text.Length));
        if (chain.Count == 0) chain.Add(new TextSpan(offset, 0));
        return chain;
    }

    /// <summary>Adds the span if it holds the offset and contains the last one (and is larger); otherwise skips it.</summary>
    private static void Push(List<TextSpan> chain, int offset, TextSpan span)
    {
        if (span.Length == 0 || !span.Touches(offset)) return;
        if (chain.Count > 0)
        {
            var inner = chain[^1];
            if (span.Start > inner.Start || span.End < inner.End || span == inner) return;
        }
        chain.Add(span);
    }

    /// <summary>The word at or just before the offset: letters and digits, joined inside by '-', '.', '\'' or '’'.</summary>
    private static TextSpan Word(SourceText text, int offset)
    {
        int start = offset, end = offset;
        while (true)
        {
            while (end < text.Length && IsWordChar(text[end])) end++;
            if (start == end || end + 1 >= text.Length || !IsJoiner(text[end]) || !IsWordChar(text[end + 1])) break;
            end++;
        }
        while (true)
        {
            while (start > 0 && IsWordChar(text[start - 1])) start--;
            if (start == end || start < 2 || !IsJoiner(text[start - 1]) || !IsWordChar(text[start - 2])) break;
            start--;
        }
        return TextSpan.FromBounds(start, end);
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.IsSurrogate(c) || c == '_';

    private static bool IsJoiner(char c) => c is '-' or '.' or '\'' or '’';

    /// <summary>The sentence of the region around the offset: it ends after '.', '!' or '?' and a space.</summary>
    private static TextSpan Sentence(SourceText text, TextSpan region, int offset)
    {
        int start = offset;
        while (start > region.Start && !EndsSentence(text, start - 1, region)) start--;
        while (start < offset && char.IsWhiteSpace(text[start])) start++;
        int end = Math.Max(offset, start);
        while (end < region.End && !EndsSentence(text, end, region)) end++;
        if (end < region.End) end++; // the stop itself
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>Whether the character at <paramref name="i"/> is the full stop of a sentence (not of "e.g." or "et al.").</summary>
    private static bool EndsSentence(SourceText text, int i, TextSpan region)
    {
        if (text[i] is not ('.' or '!' or '?')) return false;
        if (i + 1 < region.End && !char.IsWhiteSpace(text[i + 1])) return false;
        if (text[i] != '.') return true;
        int w = i;
        while (w > region.Start && char.IsLetter(text[w - 1])) w--;
        var word = text.AsSpan(w, i - w);
        return !(word is "al" or "vs" or "cf" or "Fig" or "Eq" or "etc" || (word.Length == 1 && char.IsUpper(word[0]))
                 || (w > region.Start && text[w - 1] == '.'));
    }

    private static TextSpan LineAround(SourceText text, int offset, TextSpan within)
    {
        int start = offset, end = offset;
        while (start > within.Start && text[start - 1] is not ('\n' or '\r')) start--;
        while (end < within.End && text[end] is not ('\n' or '\r')) end++;
        return TrimEnd(text, TextSpan.FromBounds(start, end));
    }

    private static TextSpan TrimEnd(SourceText text, TextSpan span)
    {
        int end = span.End;
        while (end > span.Start && char.IsWhiteSpace(text[end - 1])) end--;
        return TextSpan.FromBounds(span.Start, end);
    }

    private static Section? InnermostSection(DigestDocument doc, Paper? paper, int offset)
    {
        if (paper is not null) return paper.SectionIndex >= 0 ? doc.Sections[paper.SectionIndex] : null;
        Section? best = null;
        foreach (var section in doc.Sections)
            if (section.Span.Touches(offset) && (best is null || section.Span.Start >= best.Span.Start)) best = section;
        return best;
    }
}
