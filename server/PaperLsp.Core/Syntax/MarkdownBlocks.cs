using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>A Markdown block reduced to what the digest parser needs, with its line range in the draft.</summary>
internal abstract record MarkdownItem(int FirstLine, int LastLine);

/// <summary>A heading of the document itself; headings inside list items are <see cref="OtherItem"/>s.</summary>
/// <param name="Allows">An inline suppression comment in the heading itself.</param>
internal sealed record HeadingItem(int FirstLine, int LastLine, int Level, TextSpan Title, bool Allows)
    : MarkdownItem(FirstLine, LastLine);

internal sealed record ParagraphItem(int FirstLine, int LastLine, IReadOnlyList<LineGroup> Groups) : MarkdownItem(FirstLine, LastLine)
{
    public bool HasTitle => Groups.Any(g => g.Kind == LineGroupKind.Title);
}

/// <param name="Span">The block's text: on lines inside a list item, the part after the indentation.</param>
internal sealed record HtmlItem(int FirstLine, int LastLine, TextSpan Span, bool IsComment, bool HasSummary) : MarkdownItem(FirstLine, LastLine);

internal sealed record TableItem(int FirstLine, int LastLine, IReadOnlyList<TableRowItem> Rows, bool HasTitleColumn, bool HasAbstractColumn)
    : MarkdownItem(FirstLine, LastLine);

internal sealed record QuoteItem(int FirstLine, int LastLine) : MarkdownItem(FirstLine, LastLine);

/// <summary>Code, thematic breaks, link reference definitions, headings inside lists: lines of one fixed kind.</summary>
internal sealed record OtherItem(int FirstLine, int LastLine, SyntaxKind Kind) : MarkdownItem(FirstLine, LastLine);

internal enum LineGroupKind { Title, Links, Text }

/// <summary>The inlines of one paragraph line (or of several, when an emphasis or link spans a line break).</summary>
/// <param name="Span">Title: the bold text inside the asterisks; text: the trimmed text; links: the whole line.</param>
internal readonly record struct LineGroup(LineGroupKind Kind, int FirstLine, int LastLine, TextSpan Span, bool Allows);

/// <param name="Title">Null when the row's title cell is empty.</param>
internal readonly record struct TableRowItem(int Line, TextSpan? Title, TextSpan? Abstract);

/// <summary>
/// Parses Markdown with Markdig and flattens its block tree, in document order, into <see cref="MarkdownItem"/>s.
/// Every position comes from Markdig's spans (offsets into the text), mapped onto the draft's lines.
/// </summary>
internal sealed class MarkdownBlocks
{
    // Built once: a built pipeline is immutable and safe to share between threads.
    private static readonly MarkdownPipeline Pipeline =
        new MarkdownPipelineBuilder().UsePipeTables().UsePreciseSourceLocation().Build();

    private static readonly string[] TitleHeaders = ["title", "paper", "papers", "name", "paper title", "paper name"];
    private static readonly string[] AbstractHeaders = ["abstract", "summary", "tl;dr", "tldr", "description"];

    /// <summary>How deep a title is unwrapped (`**[Title](url)**`); real titles need two levels.</summary>
    private const int MaxUnwrap = 8;

    private readonly string _text;
    private readonly List<TextLine> _lines;
    private readonly int _offset;
    private readonly List<MarkdownItem> _items = [];
    /// <summary>Added to inline positions while reading an ATX heading whose inline spans Markdig misplaced.</summary>
    private int _inlineShift;

    private MarkdownBlocks(string text, List<TextLine> lines, int offset)
    {
        _text = text;
        _lines = lines;
        _offset = offset;
    }

    /// <summary>Throws whatever Markdig throws (it refuses nesting deeper than its limit); the caller falls back.</summary>
    public static List<MarkdownItem> Read(string text, List<TextLine> lines, int bomLength)
    {
        // Markdig does not skip a BOM ("\uFEFF## Title" is no heading to it), so it reads the text after it.
        var document = Markdown.Parse(bomLength > 0 ? text[bomLength..] : text, Pipeline);
        var reader = new MarkdownBlocks(text, lines, bomLength);
        reader.Walk(document);
        return reader._items;
    }

    /// <summary>Pre-order walk with an explicit stack: Markdig bounds the depth, but this code need not rely on it.</summary>
    private void Walk(MarkdownDocument document)
    {
        var stack = new Stack<(Block Block, bool Nested)>();
        for (int i = document.Count - 1; i >= 0; i--) stack.Push((document[i], false));
        while (stack.Count > 0)
        {
            var (block, nested) = stack.Pop();
            if (block.Span.Length <= 0) continue;
            switch (block)
            {
                case HeadingBlock heading:
                    Heading(heading, nested);
                    break;
                case ParagraphBlock paragraph:
                    Paragraph(paragraph);
                    break;
                case HtmlBlock html:
                    Html(html);
                    break;
                case Table table:
                    TableBlock(table);
                    break;
                case QuoteBlock quote:
                    _items.Add(new QuoteItem(LineOf(quote.Span.Start), LineOf(quote.Span.End)));
                    break;
                case LinkReferenceDefinitionGroup links:
                    _items.Add(new OtherItem(LineOf(links.Span.Start), LineOf(links.Span.End), SyntaxKind.LinkLine));
                    break;
                case ContainerBlock container:
                    for (int i = container.Count - 1; i >= 0; i--) stack.Push((container[i], true));
                    break;
                default:
                    _items.Add(new OtherItem(LineOf(block.Span.Start), LineOf(block.Span.End), SyntaxKind.TextLine));
                    break;
            }
        }
    }

    private void Heading(HeadingBlock heading, bool nested)
    {
        int first = LineOf(heading.Span.Start), last = LineOf(heading.Span.End);
        if (nested)
        {
            _items.Add(new OtherItem(first, last, SyntaxKind.TextLine));
            return;
        }
        var parts = Significant(heading.Inline);
        _inlineShift = HeadingShift(heading, parts);
        bool allows = parts.Any(IsEntrySuppression);
        // "### Title [arXiv](…) [Code](…)": the links after the title are not part of it.
        int keep = parts.Count;
        while (keep > 0 && IsLinkOrSeparator(parts[keep - 1])) keep--;
        if (keep > 0) parts.RemoveRange(keep, parts.Count - keep);
        var title = Within(Unwrap(parts), heading);
        _inlineShift = 0;
        _items.Add(new HeadingItem(first, last, heading.Level, title, allows));
    }

    /// <summary>
    /// Markdig's precise locations are off by a constant in an ATX heading with a tab after its '#'s
    /// (a tab between "##" and the title): its first inline starts at the first non-blank after the '#'s, so the
    /// gap between the two is the shift.
    /// </summary>
    private int HeadingShift(HeadingBlock heading, List<Inline> parts)
    {
        if (heading.IsSetext || parts.Count == 0) return 0;
        int content = heading.Span.Start + _offset + heading.Level;
        int end = Math.Min(heading.Span.End + 1 + _offset, _text.Length);
        while (content < end && _text[content] is ' ' or '\t') content++;
        return content - (parts[0].Span.Start + _offset);
    }

    /// <summary>A span from inline positions, or nothing when it strays outside its block.</summary>
    private TextSpan Within(TextSpan span, Block block)
    {
        int start = block.Span.Start + _offset, end = block.Span.End + 1 + _offset;
        return span.Start >= start && span.End <= end ? span : default;
    }

    private void Paragraph(ParagraphBlock paragraph)
    {
        var groups = new List<LineGroup>();
        var parts = new List<Inline>();
        for (var inline = paragraph.Inline?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is LineBreakInline)
            {
                AddGroup(groups, parts);
                parts.Clear();
                continue;
            }
            parts.Add(inline);
        }
        AddGroup(groups, parts);
        // Drop what Markdig placed outside the paragraph; those lines stay plain text.
        int first = LineOf(paragraph.Span.Start), last = LineOf(paragraph.Span.End);
        groups.RemoveAll(g => Within(g.Span, paragraph) != g.Span || g.FirstLine < first || g.LastLine > last);
        _items.Add(new ParagraphItem(first, last, groups));
    }

    private void AddGroup(List<LineGroup> groups, List<Inline> all)
    {
        var parts = all.Where(p => !IsWhitespace(p) && p.Span.Length > 0).ToList();
        if (parts.Count == 0) return;
        int first = LineOf(parts[0].Span.Start);
        int last = LineOf(parts.Max(p => p.Span.End));
        if (groups.Count > 0 && first <= groups[^1].LastLine) first = groups[^1].LastLine + 1;
        if (last < first) return;
        bool allows = parts.Any(IsEntrySuppression);
        if (IsBoldTitle(parts, out var title))
        {
            groups.Add(new LineGroup(LineGroupKind.Title, first, last, title, allows));
            return;
        }
        if (parts.All(p => IsLinkOrSeparator(p) || IsLabel(p)) && parts.Any(IsLink))
        {
            groups.Add(new LineGroup(LineGroupKind.Links, first, last, Bounds(parts), allows));
            return;
        }
        groups.Add(new LineGroup(LineGroupKind.Text, first, last, Bounds(parts), allows));
    }

    /// <summary>`**Title**`, optionally followed by links: the whole line is strong emphasis.</summary>
    private bool IsBoldTitle(List<Inline> parts, out TextSpan title)
    {
        title = default;
        if (parts[0] is not EmphasisInline emphasis || !IsStrong(emphasis)) return false;
        for (int i = 1; i < parts.Count; i++)
            if (!IsLinkOrSeparator(parts[i]) && !IsLabel(parts[i])) return false;
        title = Unwrap([emphasis]);
        // "**Links:** [arXiv](…)" labels the links; it names no paper.
        return title.Length > 0 && _text[title.End - 1] != ':';
    }

    private static bool IsStrong(EmphasisInline e) =>
        e.DelimiterCount >= 2 || (e.FirstChild is EmphasisInline inner && inner.NextSibling is null && inner.DelimiterCount >= 2);

    private void Html(HtmlBlock html)
    {
        int start = html.Span.Start + _offset, end = Math.Min(html.Span.End + 1 + _offset, _text.Length);
        int first = LineOf(html.Span.Start), last = LineOf(html.Span.End);
        bool summary = false;
        for (int i = first; i <= last && !summary; i++)
            summary = MarkdownHtml.HasPaperSummary(_text, TextSpan.FromBounds(Math.Max(start, _lines[i].Start), Math.Min(end, _lines[i].ContentEnd)));
        _items.Add(new HtmlItem(first, last, TextSpan.FromBounds(start, end), html.Type == HtmlBlockType.Comment, summary));
    }

    private void TableBlock(Table table)
    {
        int titleColumn = -1, abstractColumn = -1;
        var rows = new List<TableRowItem>();
        foreach (var block in table)
        {
            if (block is not TableRow row || row.Span.Length <= 0) continue;
            if (row.IsHeader)
            {
                if (titleColumn >= 0) continue;
                for (int c = 0; c < row.Count; c++)
                {
                    string header = row[c] is TableCell cell ? PlainText(cell).Trim().ToLowerInvariant() : "";
                    if (titleColumn < 0 && TitleHeaders.Contains(header)) titleColumn = c;
                    else if (abstractColumn < 0 && AbstractHeaders.Contains(header)) abstractColumn = c;
                }
                continue;
            }
            rows.Add(new TableRowItem(LineOf(row.Span.Start), CellSpan(row, titleColumn), CellSpan(row, abstractColumn)));
        }
        _items.Add(new TableItem(LineOf(table.Span.Start), LineOf(table.Span.End), rows, titleColumn >= 0, abstractColumn >= 0));
    }

    private TextSpan? CellSpan(TableRow row, int column)
    {
        if (column < 0 || column >= row.Count || row[column] is not TableCell cell || cell.Span.Length <= 0) return null;
        var parts = new List<Inline>();
        foreach (var block in cell)
            if (block is LeafBlock leaf) parts.AddRange(Significant(leaf.Inline));
        var span = Within(Unwrap(parts), cell);
        return span.Length > 0 ? span : null;
    }

    /// <summary>The literal text of a header cell, without its emphasis or link markup.</summary>
    private static string PlainText(TableCell cell)
    {
        var builder = new System.Text.StringBuilder();
        var stack = new Stack<(Inline Inline, int Depth)>();
        foreach (var block in cell)
            if (block is LeafBlock { Inline: { } container })
                for (var i = container.LastChild; i is not null; i = i.PreviousSibling) stack.Push((i, 0));
        while (stack.Count > 0)
        {
            var (inline, depth) = stack.Pop();
            if (inline is LiteralInline literal) builder.Append(literal.Content.AsSpan());
            else if (inline is ContainerInline container && depth < MaxUnwrap)
                for (var i = container.LastChild; i is not null; i = i.PreviousSibling) stack.Push((i, depth + 1));
        }
        return builder.ToString();
    }

    private List<Inline> Significant(ContainerInline? container)
    {
        var parts = new List<Inline>();
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
            if (inline.Span.Length > 0 && !IsWhitespace(inline)) parts.Add(inline);
        return parts;
    }

    /// <summary>The text inside a lone emphasis or link, layer by layer; otherwise the parts' own text, trimmed.</summary>
    private TextSpan Unwrap(List<Inline> parts)
    {
        for (int depth = 0; depth < MaxUnwrap && parts.Count == 1; depth++)
        {
            if (parts[0] is not (EmphasisInline or LinkInline { IsImage: false }) || parts[0] is not ContainerInline container) break;
            var inner = Significant(container);
            if (inner.Count == 0) break;
            parts = inner;
        }
        return parts.Count == 0 ? default : Bounds(parts);
    }

    private TextSpan Bounds(List<Inline> parts)
    {
        int start = Math.Clamp(parts[0].Span.Start + _offset + _inlineShift, 0, _text.Length);
        int end = Math.Clamp(parts.Max(p => p.Span.End) + 1 + _offset + _inlineShift, start, _text.Length);
        while (start < end && char.IsWhiteSpace(_text[start])) start++;
        while (end > start && char.IsWhiteSpace(_text[end - 1])) end--;
        return TextSpan.FromBounds(start, end);
    }

    private bool IsWhitespace(Inline inline) =>
        inline is LiteralInline && Source(inline).IsWhiteSpace();

    private static bool IsLink(Inline inline) => inline is LinkInline or AutolinkInline;

    /// <summary>Links, bare URLs, raw HTML, and text with no letters or digits ("|", "·", "📄").</summary>
    private bool IsLinkOrSeparator(Inline inline)
    {
        if (inline is LinkInline or AutolinkInline or HtmlInline) return true;
        if (inline is not LiteralInline) return false;
        var s = Source(inline);
        if (LineClassifier.IsUrlOnly(s)) return true;
        foreach (char c in s)
            if (char.IsLetterOrDigit(c)) return false;
        return true;
    }

    /// <summary>"Code:", "**Links:**": a short label in a line of links.</summary>
    private bool IsLabel(Inline inline)
    {
        var span = inline switch
        {
            LiteralInline => Bounds([inline]),
            EmphasisInline => Unwrap([inline]),
            _ => default,
        };
        return span.Length is > 0 and <= 24 && _text[span.End - 1] == ':';
    }

    private bool IsEntrySuppression(Inline inline) =>
        inline is HtmlInline && LineClassifier.IsSuppression(Source(inline), out bool wholeFile) && !wholeFile;

    private ReadOnlySpan<char> Source(Inline inline)
    {
        int start = Math.Clamp(inline.Span.Start + _offset + _inlineShift, 0, _text.Length);
        int end = Math.Clamp(inline.Span.End + 1 + _offset + _inlineShift, start, _text.Length);
        return _text.AsSpan(start, end - start);
    }

    /// <summary>The draft line holding a Markdig offset (which counts from after the BOM).</summary>
    private int LineOf(int markdigOffset)
    {
        int offset = markdigOffset + _offset;
        int lo = 0, hi = _lines.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (_lines[mid].Start <= offset) lo = mid;
            else hi = mid - 1;
        }
        return Math.Max(lo, 0);
    }
}
