using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Fixes;

/// <summary>
/// The last line of defence for "no lost text": applies a fix's edits, parses the result, and checks that
/// every paper the fix does not remove on purpose is still there, in order, with its title and abstract
/// word for word — where the fix's own edits inside a title or abstract (a repaired URL) are expected.
/// A fix that fails is not applied.
/// </summary>
public static class FixVerifier
{
    /// <summary>The document after the fix, or null with the reason when a paper would lose text.</summary>
    public static DigestDocument? Apply(DigestDocument doc, Fix fix, string? fileName, out string? failure)
    {
        ArgumentNullException.ThrowIfNull(fix);
        return Apply(doc, fix.Edits, fix.RemovedPapers.ToHashSet(), fileName, out failure, fix.RewritesText);
    }

    /// <summary>
    /// The document after the edits, or null with the reason when a paper would lose text. Unless
    /// <paramref name="rewritesText"/>, edits inside a title or an abstract may change only whitespace.
    /// </summary>
    public static DigestDocument? Apply(DigestDocument doc, IReadOnlyList<SpanEdit> edits, IReadOnlyCollection<int> removedPapers,
        string? fileName, out string? failure, bool rewritesText = false)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(edits);
        ArgumentNullException.ThrowIfNull(removedPapers);
        List<SpanEdit> sorted;
        try
        {
            sorted = Edits.Sorted(edits, doc.Text.Length);
        }
        catch (ArgumentException e)
        {
            failure = e.Message;
            return null;
        }
        string text = Edits.Apply(doc.Text.ToString(), sorted);
        var after = sorted.Count == 0 ? doc : IncrementalParser.Reparse(doc, text, Edits.Covering(sorted), fileName);
        failure = Compare(doc, rewritesText ? sorted : [], removedPapers, after);
        return failure is null ? after : null;
    }

    /// <param name="edits">The edits whose changes inside titles and abstracts are meant (none: only whitespace may change there).</param>
    private static string? Compare(DigestDocument before, List<SpanEdit> edits, IReadOnlyCollection<int> removed, DigestDocument after)
    {
        var kept = before.Papers.Where(p => !removed.Contains(p.Index)).ToList();
        if (kept.Count != after.Papers.Count)
            return $"the fix would leave {after.Papers.Count} papers where {kept.Count} should remain";
        for (int k = 0; k < kept.Count; k++)
        {
            var was = kept[k];
            var now = after.Papers[k];
            // A paper the incremental re-parse only moved (it shares the old record's cache) has its old text.
            if (ReferenceEquals(was.Cache, now.Cache) && was.Title == now.Title) continue;
            if (!TryExpected(before.Text.ToString(), was.TitleSpan, edits, out string? title)) return $"an edit crosses the edge of the title \"{was.Title}\"";
            title = (title ?? was.Title).Trim();
            if (title != now.Title) return $"the title \"{was.Title}\" would become \"{now.Title}\"";
            if (!TryExpected(before.Text.ToString(), was.AbstractSpan, edits, out string? expected)) return $"an edit crosses the edge of the abstract of \"{was.Title}\"";
            bool same = expected is null
                ? SameWords(before.Text.ToString(), was.AbstractSpan, after.Text.ToString(), now.AbstractSpan)
                : SameWords(expected, new TextSpan(0, expected.Length), after.Text.ToString(), now.AbstractSpan);
            if (!same) return $"the abstract of \"{was.Title}\" would change";
        }
        return null;
    }

    /// <summary>
    /// The text of <paramref name="span"/> after the edits that lie inside it (null: no edit does; an insertion
    /// at its edge is outside it). False when an edit straddles the edge: what it does to the span is a guess.
    /// </summary>
    private static bool TryExpected(string text, TextSpan span, List<SpanEdit> edits, out string? expected)
    {
        expected = null;
        var inside = new List<SpanEdit>();
        foreach (var e in edits)
        {
            if (e.Span.End <= span.Start || e.Span.Start >= span.End) continue;
            if (e.Span.Start < span.Start || e.Span.End > span.End) return false;
            inside.Add(new SpanEdit(new TextSpan(e.Span.Start - span.Start, e.Span.Length), e.NewText));
        }
        if (inside.Count > 0) expected = Edits.Apply(text.Substring(span.Start, span.Length), inside);
        return true;
    }

    /// <summary>Whether two regions hold the same words (whitespace-separated), without allocating.</summary>
    public static bool SameWords(string a, TextSpan sa, string b, TextSpan sb)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int i = sa.Start, ie = sa.End, j = sb.Start, je = sb.End;
        while (true)
        {
            while (i < ie && char.IsWhiteSpace(a[i])) i++;
            while (j < je && char.IsWhiteSpace(b[j])) j++;
            if (i >= ie || j >= je) return i >= ie && j >= je;
            while (i < ie && j < je && !char.IsWhiteSpace(a[i]) && !char.IsWhiteSpace(b[j]))
            {
                if (a[i] != b[j]) return false;
                i++;
                j++;
            }
            bool endA = i >= ie || char.IsWhiteSpace(a[i]), endB = j >= je || char.IsWhiteSpace(b[j]);
            if (endA != endB) return false;
        }
    }
}
