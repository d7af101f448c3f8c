using PaperLsp.Core.Text;

namespace PaperLsp.Core.Fixes;

/// <summary>
/// Applying, composing and shrinking lists of <see cref="SpanEdit"/>s. Edits of one list refer to the
/// same original text and must not overlap (the LSP rule for a TextEdit[]): two edits overlap when one
/// starts before the other ends, or when both insert at the same offset (their order would be a guess).
/// Such a list is refused with an <see cref="ArgumentException"/>, never applied halfway.
/// </summary>
public static class Edits
{
    /// <summary>The edits sorted by position, checked against the text's length and against each other.</summary>
    public static List<SpanEdit> Sorted(IEnumerable<SpanEdit> edits, int textLength)
    {
        ArgumentNullException.ThrowIfNull(edits);
        var sorted = edits.ToList();
        sorted.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.Length.CompareTo(b.Span.Length));
        for (int k = 0; k < sorted.Count; k++)
        {
            var e = sorted[k];
            if (e.Span.Start < 0 || e.Span.Length < 0 || e.Span.End > textLength)
                throw new ArgumentException($"edit {e} lies outside the text (length {textLength})", nameof(edits));
            if (e.NewText is null) throw new ArgumentException("an edit has no text", nameof(edits));
            if (k == 0) continue;
            var p = sorted[k - 1];
            if (p.Span.End > e.Span.Start || (p.Span.Start == e.Span.Start && p.Span.Length == 0 && e.Span.Length == 0))
                throw new ArgumentException($"edits {p} and {e} overlap", nameof(edits));
        }
        return sorted;
    }

    /// <summary>The text after every edit (which all refer to <paramref name="text"/>).</summary>
    public static string Apply(string text, IEnumerable<SpanEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sorted = Sorted(edits, text.Length);
        if (sorted.Count == 0) return text;
        var sb = new System.Text.StringBuilder(text.Length + sorted.Sum(e => Math.Max(0, e.Delta)));
        int at = 0;
        foreach (var e in sorted)
        {
            sb.Append(text, at, e.Span.Start - at).Append(e.NewText);
            at = e.Span.End;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>One change covering every edit of a sorted list (what an incremental re-parse needs to know).</summary>
    public static TextChange Covering(IReadOnlyList<SpanEdit> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) return new TextChange(0, 0, 0);
        int start = sorted[0].Span.Start, end = sorted[^1].Span.End;
        return new TextChange(start, end - start, end - start + sorted.Sum(e => e.Delta));
    }

    /// <summary>
    /// The smallest edit with the same effect: the characters that the old text and the new text share at
    /// both ends are left alone. Never cuts a surrogate pair in two (UTF-16 ranges stay on characters).
    /// </summary>
    public static SpanEdit Shrink(string text, SpanEdit edit)
    {
        ArgumentNullException.ThrowIfNull(text);
        var old = text.AsSpan(edit.Span.Start, edit.Span.Length);
        var now = edit.NewText.AsSpan();
        int prefix = old.CommonPrefixLength(now);
        if (prefix > 0 && char.IsHighSurrogate(old[prefix - 1])) prefix--;
        old = old[prefix..];
        now = now[prefix..];
        int suffix = 0;
        while (suffix < old.Length && suffix < now.Length && old[^(suffix + 1)] == now[^(suffix + 1)]) suffix++;
        if (suffix > 0 && char.IsLowSurrogate(old[^suffix])) suffix--;
        return new SpanEdit(new TextSpan(edit.Span.Start + prefix, old.Length - suffix), now[..^suffix].ToString());
    }

    /// <summary>
    /// One list of edits on <paramref name="original"/> with the effect of <paramref name="first"/> (on the
    /// original) followed by <paramref name="second"/> (on the text after <paramref name="first"/>). Edits of the
    /// second list that touch the output of an edit of the first merge with it; the rest map back by offset.
    /// </summary>
    public static List<SpanEdit> Compose(string original, IReadOnlyList<SpanEdit> first, IReadOnlyList<SpanEdit> second)
    {
        ArgumentNullException.ThrowIfNull(original);
        var a = Sorted(first, original.Length);
        string middle = Apply(original, a);
        var b = Sorted(second, middle.Length);
        if (b.Count == 0) return a;
        if (a.Count == 0) return b;

        // Where each edit of the first list landed in the middle text.
        var outStart = new int[a.Count];
        int shift = 0;
        for (int k = 0; k < a.Count; k++)
        {
            outStart[k] = a[k].Span.Start + shift;
            shift += a[k].Delta;
        }

        var result = new List<SpanEdit>(a.Count + b.Count);
        int i = 0, j = 0, delta = 0; // delta: the first list's length change before the current middle offset
        while (i < a.Count || j < b.Count)
        {
            bool takeA = j >= b.Count || (i < a.Count && outStart[i] + a[i].NewText.Length < b[j].Span.Start);
            if (takeA)
            {
                result.Add(a[i]);
                delta += a[i].Delta;
                i++;
                continue;
            }
            if (i < a.Count && outStart[i] > b[j].Span.End)
            {
                // A second-list edit in text the first list left alone: map it back.
                result.Add(new SpanEdit(new TextSpan(b[j].Span.Start - delta, b[j].Span.Length), b[j].NewText));
                j++;
                continue;
            }
            if (i >= a.Count)
            {
                result.Add(new SpanEdit(new TextSpan(b[j].Span.Start - delta, b[j].Span.Length), b[j].NewText));
                j++;
                continue;
            }
            // A cluster: second-list edits and first-list outputs that touch each other, in middle coordinates.
            int cs = Math.Min(outStart[i], b[j].Span.Start), ce = Math.Max(outStart[i] + a[i].NewText.Length, b[j].Span.End);
            int origStart = outStart[i] <= b[j].Span.Start ? a[i].Span.Start : b[j].Span.Start - delta;
            int firstA = i, firstB = j;
            int lastA = i, lastB = j;
            i++;
            j++;
            while (true)
            {
                if (i < a.Count && outStart[i] <= ce) { ce = Math.Max(ce, outStart[i] + a[i].NewText.Length); lastA = i++; continue; }
                if (j < b.Count && b[j].Span.Start <= ce) { ce = Math.Max(ce, b[j].Span.End); lastB = j++; continue; }
                break;
            }
            int deltaIn = 0;
            for (int k = firstA; k <= lastA; k++) deltaIn += a[k].Delta;
            int origEnd = ce - delta - deltaIn;
            // The cluster's new text: the middle text of the cluster with the second list's edits applied.
            var local = new List<SpanEdit>(lastB - firstB + 1);
            for (int k = firstB; k <= lastB; k++) local.Add(new SpanEdit(new TextSpan(b[k].Span.Start - cs, b[k].Span.Length), b[k].NewText));
            string clusterText = Apply(middle.Substring(cs, ce - cs), local);
            result.Add(new SpanEdit(TextSpan.FromBounds(origStart, origEnd), clusterText));
            delta += deltaIn;
        }
        return Tidy(original, result);
    }

    /// <summary>Edits that touch merge into one, then each shrinks to what it really changes; no-ops go.</summary>
    private static List<SpanEdit> Tidy(string original, List<SpanEdit> edits)
    {
        var sorted = Sorted(edits, original.Length);
        var merged = new List<SpanEdit>(sorted.Count);
        foreach (var e in sorted)
        {
            if (merged.Count > 0 && merged[^1].Span.End == e.Span.Start)
            {
                var p = merged[^1];
                merged[^1] = new SpanEdit(TextSpan.FromBounds(p.Span.Start, e.Span.End), p.NewText + e.NewText);
                continue;
            }
            merged.Add(e);
        }
        return merged.Select(e => Shrink(original, e)).Where(e => e.Span.Length > 0 || e.NewText.Length > 0).ToList();
    }
}
