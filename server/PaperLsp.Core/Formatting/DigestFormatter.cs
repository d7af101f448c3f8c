using PaperLsp.Core.Fixes;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Formatting;

/// <summary>
/// The canonical layout of a digest, as the smallest whitespace-only edits that reach it. Never changes a
/// character that is not whitespace, never changes an existing line break's kind (new breaks use the
/// file's own, or a CR after a lone CR, which an LF would join), and is idempotent.
/// <para>Plain digests: a title, one blank line, the abstract, one blank line; notes right under the
/// abstract; one blank line between entries and around date headings; at most one blank line anywhere
/// (an abstract's own paragraphs stay apart, a hard-wrapped paragraph stays wrapped); no blank lines at
/// the start; no trailing whitespace; exactly one line break at the end. Page-copy metadata between a title
/// and its abstract stays where it is.</para>
/// <para>Markdown digests keep their layout, since blank lines and trailing spaces carry meaning there:
/// only runs of blank lines before a paper shrink to one, blank lines at the start and end go, and the
/// file ends with one line break.</para>
/// </summary>
public static class DigestFormatter
{
    private const int MaxRounds = 4;

    /// <summary>
    /// The edits to the canonical layout. The parser reads blank lines as structure, so the layout is computed
    /// again on the result until nothing changes (one round, and a parse to confirm it, for any real digest);
    /// the rounds are composed into one list on <paramref name="doc"/>'s text.
    /// </summary>
    /// <param name="fileName">The document's name, so a re-parse picks the same dialect (Markdown for *.md).</param>
    public static List<SpanEdit> Edits(DigestDocument doc, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var composed = OneRound(doc);
        if (composed.Count == 0) return composed;
        fileName ??= (doc.Dialect & Dialect.Markdown) != 0 ? "digest.md" : null;
        var current = doc;
        var last = composed;
        for (int round = 1; round < MaxRounds; round++)
        {
            current = IncrementalParser.Reparse(current, Fixes.Edits.Apply(current.Text.ToString(), last), Fixes.Edits.Covering(last), fileName);
            last = OneRound(current);
            if (last.Count == 0) break;
            composed = Fixes.Edits.Compose(doc.Text.ToString(), composed, last);
        }
        return composed;
    }

    /// <summary>One pass: the edits that the layout of this parse asks for.</summary>
    internal static List<SpanEdit> OneRound(DigestDocument doc)
    {
        var lines = new DocLines(doc);
        var edits = new List<SpanEdit>();
        if (lines.Count == 0) return edits;
        int last = -1;
        for (int i = lines.Count - 1; i >= 0; i--) if (!lines.IsBlank(i)) { last = i; break; }
        if (last < 0)
        {
            // Nothing but whitespace: nothing at all.
            edits.Add(SpanEdit.Delete(TextSpan.FromBounds(lines[0].Start, doc.Text.Length)));
            return edits;
        }
        if (lines.IsMarkdown) Markdown(lines, last, edits);
        else Plain(lines, last, edits);
        End(lines, last, edits, trimTrailing: !lines.IsMarkdown);
        return Fixes.Edits.Sorted(edits, doc.Text.Length);
    }

    /// <summary>
    /// Range formatting: the edits of the lines the range touches. An edit belongs to the line where it ends
    /// (blank lines before a line, trailing whitespace of a line), so formatting line by line adds up to the whole.
    /// </summary>
    public static List<SpanEdit> Edits(DigestDocument doc, TextSpan range, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var lines = new DocLines(doc);
        if (lines.Count == 0) return [];
        int first = lines.LineOf(range.Start), last = lines.LineOf(Math.Max(range.Start, range.End - 1));
        return Edits(doc, fileName).Where(e => lines.LineOf(e.Span.End) is int at && at >= first && at <= last).ToList();
    }

    private static void Plain(DocLines lines, int last, List<SpanEdit> edits)
    {
        string eol = lines.LineEnding;
        int prev = -1;
        for (int j = 0; j <= last; j++)
        {
            if (lines.IsBlank(j)) continue;
            TrimTrailing(lines, j, edits);
            int have = j - prev - 1;
            int want = Wanted(lines, prev, j, have);
            Blanks(lines, prev, j, have, want, eol, edits);
            prev = j;
        }
    }

    /// <summary>How many blank lines belong between the non-blank lines <paramref name="prev"/> and <paramref name="j"/>.</summary>
    private static int Wanted(DocLines lines, int prev, int j, int have)
    {
        if (prev < 0) return 0;
        if (lines.IsSectionHeading(j) || lines.IsSectionHeading(prev)) return 1;
        int owner = lines.Owner(j);
        if (owner >= 0 && owner != lines.Owner(prev) && lines.StartsEntry(j)) return 1;
        if (owner >= 0 && owner == lines.Owner(prev))
        {
            var kind = lines.Kind(j);
            if (kind == SyntaxKind.AbstractLine && lines.Kind(prev) == SyntaxKind.TitleLine) return 1;
            if (kind == SyntaxKind.NoteLine && lines.Kind(prev) is SyntaxKind.AbstractLine or SyntaxKind.NoteLine) return 0;
        }
        return Math.Min(have, 1);
    }

    private static void Markdown(DocLines lines, int last, List<SpanEdit> edits)
    {
        int prev = -1;
        for (int j = 0; j <= last; j++)
        {
            if (lines.IsBlank(j)) continue;
            int have = j - prev - 1;
            int want = prev < 0 ? 0 : have;
            if (have > 1 && lines.StartsEntry(j)) want = 1;
            if (want < have) edits.Add(SpanEdit.Delete(TextSpan.FromBounds(lines[prev + 1 + want].Start, lines[j].Start)));
            prev = j;
        }
    }


    /// <summary>Makes the blank lines between two non-blank lines <paramref name="want"/> empty lines.</summary>
    private static void Blanks(DocLines lines, int prev, int j, int have, int want, string eol, List<SpanEdit> edits)
    {
        if (want > have)
        {
            // After a lone CR an LF would join it into one CRLF break: the new break is a CR then.
            int at = lines[j].Start;
            edits.Add(SpanEdit.Insert(at, eol[0] == '\n' && at > 0 && lines.Text[at - 1] == '\r' ? "\r" : eol));
            return;
        }
        int firstBlank = prev + 1;
        for (int k = firstBlank; k < firstBlank + want; k++)
        {
            // Whitespace on a kept blank line goes, unless that would join a lone CR before it to the LF after it.
            bool joins = lines[k].Start > 0 && lines.Text[lines[k].Start - 1] == '\r' && lines[k].BreakLength > 0 && lines.Text[lines[k].ContentEnd] == '\n';
            if (lines[k].ContentLength > 0 && !joins) edits.Add(SpanEdit.Delete(lines[k].Content));
        }
        if (want < have) edits.Add(SpanEdit.Delete(TextSpan.FromBounds(lines[firstBlank + want].Start, lines[j].Start)));
    }

    private static void TrimTrailing(DocLines lines, int i, List<SpanEdit> edits)
    {
        int end = FixText.ContentEnd(lines.Text, lines[i]);
        if (end < lines[i].ContentEnd) edits.Add(SpanEdit.Delete(TextSpan.FromBounds(end, lines[i].ContentEnd)));
    }

    /// <summary>Exactly one line break after the last non-blank line.</summary>
    private static void End(DocLines lines, int last, List<SpanEdit> edits, bool trimTrailing)
    {
        var line = lines[last];
        if (line.BreakLength == 0)
        {
            // The trailing-whitespace edit of the last line (if any) ends where the break goes: one edit does both.
            int at = trimTrailing ? FixText.ContentEnd(lines.Text, line) : line.ContentEnd;
            edits.RemoveAll(e => e.Span.Start == at && e.Span.End == line.ContentEnd && e.NewText.Length == 0);
            edits.Add(new SpanEdit(TextSpan.FromBounds(at, line.ContentEnd), lines.LineEnding));
            return;
        }
        if (line.End < lines.Text.Length) edits.Add(SpanEdit.Delete(TextSpan.FromBounds(line.End, lines.Text.Length)));
    }
}
