using System.Buffers;
using PaperLsp.Core.Facts;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Features;

public enum HighlightKind
{
    /// <summary>A paper's title (after its head, when it has one).</summary>
    Title,
    /// <summary>The one-word name a title opens with, colon included: <c>zkDL:</c>.</summary>
    TitleHead,
    /// <summary>A section heading: a date line or a Markdown heading's text.</summary>
    Heading,
    Url,
    ArxivId,
    /// <summary>Inline math (<c>$…$</c>) or a LaTeX command (<c>\textit{…}</c>).</summary>
    Latex,
    /// <summary>A number with a unit: <c>98.2%</c>, <c>5.2x</c>, <c>7B</c>, <c>4.1 meters</c>.</summary>
    Quantity,
    Note,
    Tag,
    /// <summary>Page boilerplate copied with the papers (a whole line, or the phrase glued to a title).</summary>
    Boilerplate,
}

/// <summary>A classified piece of one line.</summary>
public readonly record struct HighlightToken(TextSpan Span, HighlightKind Kind);

/// <summary>
/// Semantic highlighting: tokens in text order, never overlapping, never containing a line break.
/// Computed paper by paper from the paper records and the parser's line table (no tree); a range
/// only visits the papers and lines it touches.
/// </summary>
public static class SyntaxHighlighting
{
    public static IReadOnlyList<HighlightToken> Of(DigestDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return InRange(doc, new TextSpan(0, doc.Text.Length));
    }

    /// <summary>The tokens that intersect the range.</summary>
    public static IReadOnlyList<HighlightToken> InRange(DigestDocument doc, TextSpan range)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var table = doc.Table;
        var lines = table.Lines;
        var all = new List<HighlightToken>();
        var scratch = new Scratch();
        if (lines.Count == 0) return all;
        int line = doc.Lines.LineOf(range.Start);
        int lastLine = Math.Min(lines.Count - 1, doc.Lines.LineOf(range.End));
        while (line <= lastLine)
        {
            int owner = table.Owner[line];
            if (owner >= 0 && owner < doc.Papers.Count)
            {
                var paper = doc.Papers[owner];
                PaperTokens(doc, paper, scratch, all);
                // Past every line of this paper (its lines are contiguous).
                line = Math.Max(line + 1, doc.Lines.LineOf(Math.Max(paper.Span.Start, paper.Span.End - 1)) + 1);
                continue;
            }
            LineTokens(doc, line, all);
            line++;
        }
        return Clip(all, range);
    }

    /// <summary>Lines outside papers: section headings and boilerplate.</summary>
    private static void LineTokens(DigestDocument doc, int line, List<HighlightToken> into)
    {
        var table = doc.Table;
        var content = table.Lines[line].Content;
        if (table.SectionStart[line] >= 0)
        {
            var title = doc.Sections[table.SectionStart[line]].TitleSpan;
            Add(into, doc.Text.Window(title), title, HighlightKind.Heading);
        }
        else if (table.Kinds[line] == SyntaxKind.BoilerplateLine)
            Add(into, doc.Text.Window(content), Trimmed(doc.Text.Window(content), content, table.BomLength), HighlightKind.Boilerplate);
    }

    private sealed class Scratch
    {
        public readonly List<HighlightToken> Inline = [];
        public readonly List<HighlightToken> Paper = [];
    }

    private static void PaperTokens(DigestDocument doc, Paper paper, Scratch scratch, List<HighlightToken> into)
    {
        var text = doc.Text.Window(paper.Span, before: 1);
        var table = doc.Table;
        var inline = scratch.Inline;
        inline.Clear();
        // Inline tokens: links first; the scanners skip whatever a link covers.
        foreach (var link in paper.Links) inline.Add(new HighlightToken(link.Span, HighlightKind.Url));
        int links = inline.Count;
        ScanProse(text, paper.TitleSpan, inline, links);
        ScanProse(text, paper.AbstractSpan, inline, links);
        foreach (var note in paper.Notes)
            foreach (var (offset, tag) in Tags.Find(text, note.Start, note.Length))
                inline.Add(new HighlightToken(new TextSpan(offset, tag.Length + 1), HighlightKind.Tag));
        inline.Sort(static (a, b) => a.Span.Start.CompareTo(b.Span.Start));

        // Base tokens, cut around the inline ones.
        var tokens = scratch.Paper;
        tokens.Clear();
        int first = doc.Lines.LineOf(paper.Span.Start);
        int last = doc.Lines.LineOf(Math.Max(paper.Span.Start, paper.Span.End - 1));
        for (int i = first; i <= last && i < table.Lines.Count; i++)
        {
            if (table.Kinds[i] == SyntaxKind.BoilerplateLine)
                Carve(Trimmed(text, table.Lines[i].Content, table.BomLength), HighlightKind.Boilerplate, inline, tokens);
            if (table.Glued.TryGetValue(i, out int glued))
                Carve(new TextSpan(table.Lines[i].Start, glued), HighlightKind.Boilerplate, inline, tokens);
        }
        var title = paper.TitleSpan;
        int head = HeadLength(text.AsSpan(title.Start, title.Length));
        if (head > 0)
        {
            Carve(new TextSpan(title.Start, head), HighlightKind.TitleHead, inline, tokens);
            int rest = title.Start + head;
            while (rest < title.End && char.IsWhiteSpace(text[rest])) rest++;
            title = TextSpan.FromBounds(rest, title.End);
        }
        Carve(title, HighlightKind.Title, inline, tokens);
        foreach (var note in paper.Notes) Carve(note, HighlightKind.Note, inline, tokens);

        // Inline tokens that overlap one before them (a URL in a LaTeX command) are dropped.
        int end = -1;
        foreach (var t in inline)
        {
            if (t.Span.Start < end || t.Span.Length == 0) continue;
            tokens.Add(t);
            end = t.Span.End;
        }
        tokens.Sort(static (a, b) => a.Span.Start.CompareTo(b.Span.Start));
        foreach (var t in tokens) Add(into, text, t.Span, t.Kind);
    }

    /// <summary>Adds the parts of <paramref name="span"/> that no inline token covers.</summary>
    private static void Carve(TextSpan span, HighlightKind kind, List<HighlightToken> inline, List<HighlightToken> into)
    {
        if (span.Length <= 0) return;
        int at = span.Start;
        foreach (var t in inline)
        {
            if (t.Span.End <= at) continue;
            if (t.Span.Start >= span.End) break;
            if (t.Span.Start > at) into.Add(new HighlightToken(TextSpan.FromBounds(at, t.Span.Start), kind));
            at = Math.Max(at, t.Span.End);
        }
        if (at < span.End) into.Add(new HighlightToken(TextSpan.FromBounds(at, span.End), kind));
    }

    /// <summary>
    /// The length of a title's head: one word (no spaces, at most 40 characters, with a letter) and its
    /// colon, followed by a space. 0 when the title has none.
    /// </summary>
    public static int HeadLength(ReadOnlySpan<char> title)
    {
        int colon = title[..Math.Min(title.Length, 41)].IndexOf(':');
        if (colon <= 0 || colon + 1 >= title.Length || title[colon + 1] != ' ') return 0;
        var word = title[..colon];
        bool letter = false;
        foreach (char c in word)
        {
            if (char.IsWhiteSpace(c)) return 0;
            letter |= char.IsLetter(c);
        }
        return letter ? colon + 1 : 0;
    }

    private static readonly SearchValues<char> ProseMarks = SearchValues.Create("0123456789$\\");

    /// <summary>Math, LaTeX commands, arXiv ids and quantities in a title or an abstract, outside the first <paramref name="links"/> tokens.</summary>
    private static void ScanProse(TextWindow text, TextSpan region, List<HighlightToken> into, int links)
    {
        int end = region.End;
        int i = region.Start;
        while (i < end)
        {
            int rel = text.AsSpan(i, end - i).IndexOfAny(ProseMarks);
            if (rel < 0) return;
            i += rel;
            int covered = CoveredUntil(into, links, i);
            if (covered > i)
            {
                i = covered;
                continue;
            }
            int len = text[i] switch
            {
                '$' => MathLength(text, i, end),
                '\\' => CommandLength(text, i, end),
                _ => 0,
            };
            if (len > 0)
            {
                into.Add(new HighlightToken(new TextSpan(i, len), HighlightKind.Latex));
                i += len;
                continue;
            }
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }
            int run = i;
            while (run < end && (char.IsAsciiDigit(text[run]) || text[run] is '.' or ',')) run++;
            if (i > region.Start && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '.' or '_' or '-' && i - 1 > region.Start && char.IsLetterOrDigit(text[i - 2])))
            {
                i = run; // digits inside a word: C2N, GPT-4
                continue;
            }
            var id = ArxivId.Parse(text.AsSpan(i, end - i));
            if (id is not null && char.IsAsciiDigit(id[0]))
            {
                int idEnd = i + id.Length;
                if (idEnd + 1 < end && text[idEnd] == 'v' && char.IsAsciiDigit(text[idEnd + 1]))
                    for (idEnd++; idEnd < end && char.IsAsciiDigit(text[idEnd]); idEnd++) { }
                into.Add(new HighlightToken(TextSpan.FromBounds(i, idEnd), HighlightKind.ArxivId));
                i = idEnd;
                continue;
            }
            len = QuantityLength(text.AsSpan(i, end - i));
            if (len > 0) into.Add(new HighlightToken(new TextSpan(i, len), HighlightKind.Quantity));
            i += Math.Max(len, run - i);
        }
    }

    /// <summary>Where the link covering the offset ends, or -1.</summary>
    private static int CoveredUntil(List<HighlightToken> tokens, int links, int offset)
    {
        for (int k = 0; k < links; k++) if (tokens[k].Span.Contains(offset)) return tokens[k].Span.End;
        return -1;
    }

    /// <summary><c>$…$</c> (or <c>$$…$$</c>) on one line, with no space just inside the dollars; 0 when it is not math (prices).</summary>
    private static int MathLength(TextWindow text, int at, int end)
    {
        int open = at + 1 < end && text[at + 1] == '$' ? 2 : 1;
        int inner = at + open;
        if (inner >= end || char.IsWhiteSpace(text[inner]) || text[inner] == '$') return 0;
        int limit = Math.Min(end, inner + 300);
        for (int j = inner; j < limit; j++)
        {
            char c = text[j];
            if (c is '\n' or '\r') return 0;
            if (c != '$' || text[j - 1] == '\\') continue;
            if (char.IsWhiteSpace(text[j - 1])) return 0;
            int close = j + (open == 2 && j + 1 < end && text[j + 1] == '$' ? 2 : 1);
            if (close < end && char.IsAsciiDigit(text[close])) return 0;
            return close - at;
        }
        return 0;
    }

    /// <summary><c>\command</c> with the braced argument right after it (on the same line), or an escape like <c>\%</c>.</summary>
    private static int CommandLength(TextWindow text, int at, int end)
    {
        int j = at + 1;
        while (j < end && char.IsAsciiLetter(text[j])) j++;
        if (j == at + 1) return j < end && text[j] is '%' or '_' or '&' or '#' or '{' or '}' ? 2 : 0;
        if (j < end && text[j] == '{')
        {
            int close = text.AsSpan(j, Math.Min(end, j + 300) - j).IndexOfAny('}', '\n', '\r');
            if (close > 0 && text[j + close] == '}') j += close + 1;
        }
        return j - at;
    }

    /// <summary>The line's text without surrounding white space (and without a byte order mark).</summary>
    private static TextSpan Trimmed(TextWindow text, TextSpan content, int bom)
    {
        int start = Math.Max(content.Start, content.Start == 0 ? bom : 0), end = content.End;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>Adds a token, split at line breaks (a token never spans lines).</summary>
    private static void Add(List<HighlightToken> into, TextWindow text, TextSpan span, HighlightKind kind)
    {
        int at = span.Start;
        while (at < span.End)
        {
            int brk = text.AsSpan(at, span.End - at).IndexOfAny('\r', '\n');
            int stop = brk < 0 ? span.End : at + brk;
            if (stop > at) into.Add(new HighlightToken(TextSpan.FromBounds(at, stop), kind));
            if (brk < 0) break;
            at = stop + 1;
        }
    }

    private static List<HighlightToken> Clip(List<HighlightToken> all, TextSpan range)
    {
        if (range.Start <= 0 && all.Count > 0 && all[^1].Span.End <= range.End) return all;
        return all.FindAll(t => t.Span.End > range.Start && t.Span.Start < range.End);
    }

    private static readonly string[] AttachedUnits =
        ["%", "×", "x", "X", "k", "K", "M", "B", "T", "ms", "GB", "MB", "TB", "KB", "GiB", "fps", "FPS", "Hz", "kHz", "MHz", "GHz", "dB", "px", "pp", "cm", "mm", "km", "m", "h"];

    private static readonly string[] SpacedUnits =
        ["%", "percent", "pp", "points", "times", "meters", "metres", "m", "cm", "mm", "km", "seconds", "s", "ms", "minutes", "min",
         "hours", "h", "days", "GB", "MB", "TB", "fps", "FPS", "Hz", "kHz", "MHz", "GHz", "dB", "px", "pixels", "tokens",
         "parameters", "params", "thousand", "million", "billion", "trillion", "K", "M", "B", "GPUs", "languages", "FLOPs"];

    /// <summary>The length of a number with its unit at the start of the text, or 0 when the number has no unit.</summary>
    private static int QuantityLength(ReadOnlySpan<char> s)
    {
        int n = 0;
        while (n < s.Length && char.IsAsciiDigit(s[n])) n++;
        while (n + 1 < s.Length && s[n] is '.' or ',' && char.IsAsciiDigit(s[n + 1]))
        {
            int m = n + 1;
            while (m < s.Length && char.IsAsciiDigit(s[m])) m++;
            if (s[n] == ',' && m - n - 1 != 3) break;
            n = m;
        }
        var rest = s[n..];
        int unit = UnitLength(rest, AttachedUnits);
        if (unit > 0) return n + unit;
        if (rest.Length > 1 && rest[0] == ' ' && (unit = UnitLength(rest[1..], SpacedUnits)) > 0) return n + 1 + unit;
        return 0;
    }

    private static int UnitLength(ReadOnlySpan<char> s, string[] units)
    {
        foreach (var unit in units)
        {
            if (!s.StartsWith(unit, StringComparison.Ordinal)) continue;
            // "%" and "×" end a quantity by themselves; a unit word must end where the word does.
            if (unit is "%" or "×" || s.Length == unit.Length || !char.IsLetterOrDigit(s[unit.Length])) return unit.Length;
        }
        return 0;
    }
}
