using System.Text;

namespace PaperLsp.Core.Features;

/// <summary>
/// Markdown built from untrusted digest text. ASCII punctuation that can start a construct is
/// backslash-escaped (CommonMark allows it for all of them), so nothing from a digest can open a link,
/// an image, an autolink (scheme, www. or e-mail), raw HTML, an entity, emphasis, a code span, a list
/// or a heading; punctuation that cannot (the '.' of "96.0%", ',', '%', '/') stays as it is, so figures
/// read naturally in clients that show hover Markdown raw. Control and bidirectional formatting
/// characters become spaces. Links are only ever made here, to <see cref="SafeUrl"/> targets.
/// </summary>
public static class MarkdownText
{
    /// <summary>The text as Markdown that renders it literally.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + text.Length / 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (IsHidden(c)) sb.Append(' ');
            else if (IsAsciiPunctuation(c) && NeedsEscape(text, i)) sb.Append('\\').Append(c);
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The text for a plain-text hover: the same characters, minus controls and bidi overrides.</summary>
    public static string Plain(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (!text.Any(IsHidden)) return text;
        var sb = new StringBuilder(text.Length);
        foreach (char c in text) sb.Append(IsHidden(c) ? ' ' : c);
        return sb.ToString();
    }

    /// <summary><c>[label](&lt;url&gt;)</c> for an http(s) URL; the escaped label alone for anything else.</summary>
    public static string Link(string label, string url)
    {
        string text = Escape(label);
        return SafeUrl.Http(url) is { } safe ? $"[{text}](<{safe}>)" : text;
    }

    /// <summary>Punctuation that is inert inline stays; the rest, and anything that could begin a block, is escaped.</summary>
    private static bool NeedsEscape(string text, int i)
    {
        char c = text[i];
        if (c is not ('.' or ',' or '%' or '/' or '-' or '=' or '\'' or '"' or ';' or '?')) return true;
        bool atStart = text.AsSpan(0, i).Trim().IsEmpty;
        if (c is '-' or '=') return atStart;                                   // list item, setext underline
        if (c == '.')
            return (!text.AsSpan(0, i).TrimStart().ContainsAnyExceptInRange('0', '9') && (i + 1 == text.Length || text[i + 1] == ' ')) // "1. " starts a list
                || (i >= 3 && text.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase)); // www. autolink
        return false;
    }

    private static bool IsAsciiPunctuation(char c) =>
        c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~';

    private static bool IsHidden(char c) =>
        char.IsControl(c) || c is '\u200E' or '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u2028' or '\u2029';
}
