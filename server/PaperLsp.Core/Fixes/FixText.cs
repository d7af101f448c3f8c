using PaperLsp.Core.Model;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Fixes;

/// <summary>Small helpers the fixes share: finding the paper of a problem, titles for the user, bounds of edits.</summary>
internal static class FixText
{
    /// <summary>The paper whose title is exactly this span (problems on papers sit on their titles).</summary>
    public static Paper? PaperWithTitle(DigestDocument doc, TextSpan title) =>
        doc.PaperAt(title.Start) is { } p && p.TitleSpan == title ? p : null;

    /// <summary>A title cut to fit in a menu.</summary>
    public static string Short(string title)
    {
        const int Max = 60;
        var t = title.AsSpan().Trim();
        if (t.Length <= Max) return t.ToString();
        int cut = Max - 1;
        if (char.IsLowSurrogate(t[cut])) cut--;
        return string.Concat(t[..cut].TrimEnd(), "…");
    }

    /// <summary>The smallest span holding every edit.</summary>
    public static TextSpan Bounds(IReadOnlyList<SpanEdit> edits) => edits.Count == 0
        ? default
        : TextSpan.FromBounds(edits.Min(e => e.Span.Start), edits.Max(e => e.Span.End));

    /// <summary>Trimmed end of a line's content (trailing whitespace excluded).</summary>
    public static int ContentEnd(string text, TextLine line)
    {
        int end = line.ContentEnd;
        while (end > line.Start && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }

    /// <summary>Start of a line's content after leading whitespace.</summary>
    public static int ContentStart(string text, TextLine line)
    {
        int start = line.Start;
        while (start < line.ContentEnd && char.IsWhiteSpace(text[start])) start++;
        return start;
    }
}
