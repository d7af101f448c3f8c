using PaperLsp.Core.Model;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>The one entry point: text in, a <see cref="DigestDocument"/> out. Never throws on any input.</summary>
public static class DigestParser
{
    /// <param name="text">The document's text, exactly as it is (BOM, CRLF and all).</param>
    /// <param name="fileName">Used only to pick Markdown for *.md; content sniffing decides otherwise.</param>
    public static DigestDocument Parse(string text, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        int bom = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var draft = new ParseDraft(SourceText.From(text), LineSplitter.Split(text, bom), bom);
        if (IsMarkdown(text.AsSpan(bom), fileName)) MarkdownDigestParser.Parse(draft);
        else PlainDigestParser.Parse(draft);
        return DraftAssembler.Assemble(draft);
    }

    /// <summary>How much of the start of a text <see cref="IsMarkdown"/> reads.</summary>
    public const int SniffLength = 64 * 1024;

    /// <summary>*.md files, and other files whose first lines carry Markdown headings, bold titles or tables.</summary>
    public static bool IsMarkdown(ReadOnlySpan<char> text, string? fileName = null)
    {
        if (fileName is not null && (fileName.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase)))
            return true;
        int marks = 0, lines = 0;
        foreach (var line in text[..Math.Min(text.Length, SniffLength)].EnumerateLines())
        {
            if (++lines > 200) break;
            var s = line.TrimStart();
            if (s.StartsWith("## ", StringComparison.Ordinal) || s.StartsWith("### ", StringComparison.Ordinal)
                || s.StartsWith("#### ", StringComparison.Ordinal) || s.StartsWith("# ", StringComparison.Ordinal)
                || (s.StartsWith("**", StringComparison.Ordinal) && s[2..].IndexOf("**", StringComparison.Ordinal) > 0)
                || (s.StartsWith("|", StringComparison.Ordinal) && s.Count('|') >= 3)
                || s.StartsWith("<details", StringComparison.OrdinalIgnoreCase))
                marks++;
        }
        return marks >= 2;
    }
}
