using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>
/// The little HTML a Markdown digest holds (<c>&lt;details&gt;&lt;summary&gt;Title&lt;/summary&gt;</c>), on one line of an
/// HTML block. Markdig keeps HTML as raw text, so this looks for tags with ordinal searches; it is no HTML parser.
/// </summary>
internal static class MarkdownHtml
{
    private const string SummaryOpen = "<summary";
    private const string SummaryClose = "</summary";

    /// <summary>Summaries that fold a paper's abstract rather than name a paper.</summary>
    private static readonly string[] Labels =
        ["abstract", "summary", "tl;dr", "tldr", "details", "more", "read more", "show more", "show abstract", "click to expand", "expand"];

    /// <summary>A line with a <c>&lt;summary&gt;</c> that names a paper (not one of the <see cref="Labels"/>).</summary>
    public static bool HasPaperSummary(string text, TextSpan line) =>
        Summary(text, line, out var title, out _) && title.Length > 0 && !IsLabel(text.AsSpan(title.Start, title.Length));

    public static bool IsLabel(ReadOnlySpan<char> title)
    {
        title = title.TrimEnd(':').Trim();
        foreach (var label in Labels)
            if (title.Equals(label, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>A line holding <c>&lt;summary&gt;</c>: the title inside it and any text after <c>&lt;/summary&gt;</c>.</summary>
    public static bool Summary(string text, TextSpan line, out TextSpan title, out TextSpan after)
    {
        title = after = default;
        var s = text.AsSpan(line.Start, line.Length);
        int open = s.IndexOf(SummaryOpen, StringComparison.OrdinalIgnoreCase);
        if (open < 0) return false;
        int gt = s[open..].IndexOf('>');
        if (gt < 0) return true;
        int innerStart = open + gt + 1;
        int close = s[innerStart..].IndexOf(SummaryClose, StringComparison.OrdinalIgnoreCase);
        int innerEnd = close < 0 ? s.Length : innerStart + close;
        title = StripTags(text, line.Start + innerStart, line.Start + innerEnd);
        if (close >= 0)
        {
            int closeGt = s[innerEnd..].IndexOf('>');
            if (closeGt >= 0) after = StripTags(text, line.Start + innerEnd + closeGt + 1, line.End);
        }
        return true;
    }

    /// <summary>The text between the tags at both ends: <c>&lt;b&gt;Title&lt;/b&gt;</c> gives <c>Title</c>.</summary>
    public static TextSpan StripTags(string text, int start, int end)
    {
        var span = Trim(text, start, end);
        (start, end) = (span.Start, span.End);
        while (start < end)
        {
            if (text[start] == '<')
            {
                int gt = text.AsSpan(start, end - start).IndexOf('>');
                if (gt < 0) break;
                start += gt + 1;
            }
            else if (text[end - 1] == '>')
            {
                int lt = text.AsSpan(start, end - start).LastIndexOf('<');
                if (lt < 0) break;
                end = start + lt;
            }
            else break;
            span = Trim(text, start, end);
            (start, end) = (span.Start, span.End);
        }
        return TextSpan.FromBounds(start, end);
    }

    public static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return TextSpan.FromBounds(start, Math.Max(start, end));
    }
}
