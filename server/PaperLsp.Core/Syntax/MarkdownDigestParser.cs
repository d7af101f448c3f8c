using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Model;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>
/// Reads Markdown digests into a <see cref="ParseDraft"/>: papers as headings, bold titles, table rows or
/// <c>&lt;details&gt;</c> blocks; sections as topic or date headings. Markdig decides the structure
/// (<see cref="MarkdownBlocks"/>); this class walks its blocks once, in order, deciding each line's kind and paper.
/// Everything is computed aside and copied into the draft at the end, so a failure leaves the draft untouched
/// for the plain parser.
/// </summary>
internal sealed class MarkdownDigestParser
{
    private enum HeadingRole { None, Section, Paper, Undecided }

    /// <summary>Where a paper's abstract may come from after its title line.</summary>
    private enum AbstractSource { Paragraphs, InsideDetails, None }

    private readonly ParseDraft _d;
    private readonly List<MarkdownItem> _items;
    private readonly SyntaxKind[] _kinds;
    private readonly bool[] _headingLines;
    private readonly int[] _sectionStart;
    private readonly List<PaperDraft> _papers = [];
    private readonly List<SectionDraft> _sections = [];
    private readonly List<Problem> _problems = [];
    private readonly Stack<SectionDraft> _open = new();
    private PaperDraft? _paper;
    private int _paperTitleLine = -1;
    private AbstractSource _abstractFrom;
    private bool _abstractExpected;
    private int _pendingStart = -1;
    private bool _pendingAllows;
    private bool _inDetails;
    private bool _awaitingSummary;
    private bool _fileAllows;
    private bool _hasNotes;

    private MarkdownDigestParser(ParseDraft draft, List<MarkdownItem> items)
    {
        _d = draft;
        _items = items;
        _kinds = new SyntaxKind[draft.Lines.Count];
        _headingLines = new bool[draft.Lines.Count];
        _sectionStart = new int[draft.Lines.Count];
        Array.Fill(_sectionStart, -1);
    }

    public static void Parse(ParseDraft draft)
    {
        MarkdownDigestParser parser;
        try
        {
            parser = new MarkdownDigestParser(draft, MarkdownBlocks.Read(draft.Text.ToString(), draft.Lines, draft.BomLength));
            parser.Run();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Parsing never fails: Markdig rejects nesting deeper than its limit by throwing; the plain reading serves then.
            PlainDigestParser.Parse(draft);
            return;
        }
        parser.CommitTo(draft);
    }

    private void Run()
    {
        var roles = HeadingRoles();
        for (int k = 0; k < _items.Count; k++)
        {
            switch (_items[k])
            {
                case HeadingItem heading: Heading(heading, roles[k]); break;
                case ParagraphItem paragraph: Paragraph(paragraph); break;
                case HtmlItem html: Html(html); break;
                case TableItem table: Table(table); break;
                case QuoteItem quote: Quote(quote); break;
                case OtherItem other: Mark(other.FirstLine, other.LastLine, other.Kind); CancelPending(); break;
            }
        }
        ClosePaper();
    }

    /// <summary>
    /// A heading with papers right under it (bold titles, a table of papers, <c>&lt;details&gt;</c>) or with deeper
    /// headings in its part of the file is a section, and so is a date or a level-1 heading; a heading over other
    /// content is a paper. An empty heading follows its siblings: between topic headings it is an empty topic,
    /// else a paper with no abstract.
    /// </summary>
    private HeadingRole[] HeadingRoles()
    {
        var roles = new HeadingRole[_items.Count];
        for (int k = 0; k < _items.Count; k++)
        {
            if (_items[k] is not HeadingItem h) continue;
            if (h.Title.Length == 0) continue;
            if (h.Level == 1 || LineClassifier.IsDate(Slice(h.Title))) { roles[k] = HeadingRole.Section; continue; }
            roles[k] = HeadingRole.Undecided;
            for (int j = k + 1; j < _items.Count; j++)
            {
                var item = _items[j];
                if (item is HeadingItem next && next.Level <= h.Level) break;
                // Papers right under the heading, or a deeper heading after an intro: a section. Bold titles or a
                // table after the heading's own paragraphs are papers next to it (a file may mix the layouts).
                if (item is HeadingItem deeper && deeper.Title.Length > 0
                    || (roles[k] == HeadingRole.Undecided && StartsPapers(item)))
                {
                    roles[k] = HeadingRole.Section;
                    break;
                }
                if (item is not HtmlItem { IsComment: true }) roles[k] = HeadingRole.Paper;
            }
        }
        // Undecided: the next heading at the same level decides (back to front, so runs of empty headings follow it)…
        int nextHeading = -1;
        for (int k = _items.Count - 1; k >= 0; k--)
        {
            if (_items[k] is not HeadingItem h || roles[k] == HeadingRole.None) continue;
            if (roles[k] == HeadingRole.Undecided && nextHeading >= 0 && roles[nextHeading] == HeadingRole.Section
                && ((HeadingItem)_items[nextHeading]).Level == h.Level)
                roles[k] = HeadingRole.Section;
            nextHeading = k;
        }
        // …else the previous sibling does.
        var previousAtLevel = new HeadingRole[8];
        for (int k = 0; k < _items.Count; k++)
        {
            if (_items[k] is not HeadingItem h || roles[k] == HeadingRole.None) continue;
            int level = Math.Clamp(h.Level, 1, 7);
            if (roles[k] == HeadingRole.Undecided)
                roles[k] = previousAtLevel[level] == HeadingRole.Section ? HeadingRole.Section : HeadingRole.Paper;
            previousAtLevel[level] = roles[k];
            for (int deeper = level + 1; deeper < previousAtLevel.Length; deeper++) previousAtLevel[deeper] = HeadingRole.None;
        }
        return roles;
    }

    private static bool StartsPapers(MarkdownItem item) => item switch
    {
        HeadingItem h => h.Title.Length > 0,
        ParagraphItem p => p.HasTitle,
        HtmlItem html => html.HasSummary,
        TableItem table => table.HasTitleColumn && table.Rows.Count > 0,
        _ => false,
    };

    private void Heading(HeadingItem h, HeadingRole role)
    {
        if (role == HeadingRole.Section)
        {
            OpenSection(h);
            return;
        }
        if (role == HeadingRole.Paper && StartPaper(h.FirstLine, h.Title, AbstractSource.Paragraphs, expected: true))
        {
            _paper!.DuplicateAllowed |= h.Allows;
            _kinds[h.FirstLine] = SyntaxKind.TitleLine;
            // A setext heading's underline (and any wrapped title line) is heading markup, not a second title.
            Mark(h.FirstLine + 1, h.LastLine, SyntaxKind.HeadingLine);
            return;
        }
        Mark(h.FirstLine, h.LastLine, SyntaxKind.HeadingLine);
        CancelPending();
    }

    private void OpenSection(HeadingItem h)
    {
        ClosePaper();
        DropPending();
        _inDetails = _awaitingSummary = false;
        while (_open.Count > 0 && _open.Peek().Level >= h.Level) _open.Pop();
        var kind = LineClassifier.IsDate(Slice(h.Title)) ? SectionKind.Date : SectionKind.Topic;
        var section = new SectionDraft(_sections.Count, kind, h.Title, h.Level, h.FirstLine);
        _sections.Add(section);
        _open.Push(section);
        _sectionStart[h.FirstLine] = section.Index;
        Mark(h.FirstLine, h.LastLine, SyntaxKind.HeadingLine);
        for (int i = h.FirstLine; i <= h.LastLine; i++) _headingLines[i] = true;
    }

    private void Paragraph(ParagraphItem p)
    {
        foreach (var g in p.Groups)
        {
            switch (g.Kind)
            {
                case LineGroupKind.Title when StartPaper(g.FirstLine, g.Span, AbstractSource.Paragraphs, expected: true):
                    _paper!.DuplicateAllowed |= g.Allows;
                    Mark(g.FirstLine, g.LastLine, SyntaxKind.TitleLine);
                    break;
                case LineGroupKind.Links:
                    Mark(g.FirstLine, g.LastLine, SyntaxKind.LinkLine);
                    CancelPending();
                    break;
                default:
                    Text(g.FirstLine, g.LastLine, g.Span);
                    break;
            }
        }
        // Lines Markdig gave to the paragraph but to no inline (a lone hard break) are text too.
        for (int i = p.FirstLine; i <= p.LastLine; i++)
            if (_kinds[i] == default) _kinds[i] = LineClassifier.IsBlank(_d.Content(i)) ? SyntaxKind.BlankLine : SyntaxKind.TextLine;
    }

    /// <summary>Text under a paper is its abstract; elsewhere (intro, after a table) it is plain text.</summary>
    private void Text(int first, int last, TextSpan span)
    {
        CancelPending();
        if (first == last && LineClassifier.IsBoilerplate(Slice(span)))
        {
            Mark(first, last, SyntaxKind.BoilerplateLine);
            return;
        }
        if (_paper is null || _abstractFrom == AbstractSource.None || (_abstractFrom == AbstractSource.InsideDetails && !_inDetails))
        {
            Mark(first, last, SyntaxKind.TextLine);
            return;
        }
        Mark(first, last, SyntaxKind.AbstractLine);
        _paper.AbstractParts.Add(span);
    }

    /// <summary>
    /// Markdig does not look inside HTML, so <c>&lt;details&gt;</c>/<c>&lt;summary&gt;</c> are found line by line,
    /// with ordinal searches for the tags.
    /// </summary>
    private void Html(HtmlItem html)
    {
        for (int line = html.FirstLine; line <= html.LastLine; line++)
        {
            var full = _d.Lines[line];
            int start = Math.Max(full.Start, html.Span.Start), end = Math.Min(full.ContentEnd, html.Span.End);
            var segment = MarkdownHtml.Trim(_d.Text.ToString(), start, end);
            var s = Slice(segment);
            if (s.IsEmpty) { _kinds[line] = SyntaxKind.BlankLine; continue; }
            if (LineClassifier.IsSuppression(s, out bool wholeFile)) { Suppression(line, wholeFile); continue; }
            if (html.IsComment || s.StartsWith("<!--", StringComparison.Ordinal)) { _kinds[line] = SyntaxKind.HtmlLine; continue; }
            if (MarkdownHtml.Summary(_d.Text.ToString(), segment, out var title, out var after)) { Summary(line, title, after); continue; }
            var text = MarkdownHtml.StripTags(_d.Text.ToString(), segment.Start, segment.End);
            if (text.Length == 0)
            {
                _kinds[line] = SyntaxKind.HtmlLine;
                if (s.Contains("</details", StringComparison.OrdinalIgnoreCase)) _inDetails = _awaitingSummary = false;
                else if (s.Contains("<details", StringComparison.OrdinalIgnoreCase) && _pendingStart < 0) _pendingStart = line;
                continue;
            }
            if (_awaitingSummary)
            {
                _awaitingSummary = false;
                if (StartPaper(line, text, AbstractSource.InsideDetails, expected: true))
                {
                    _inDetails = true;
                    _kinds[line] = SyntaxKind.TitleLine;
                    continue;
                }
            }
            Text(line, line, text);
            if (s.Contains("</details", StringComparison.OrdinalIgnoreCase)) _inDetails = false;
        }
    }

    private void Summary(int line, TextSpan title, TextSpan after)
    {
        var s = _d.Content(line);
        _kinds[line] = SyntaxKind.HtmlLine;
        if (title.Length == 0)
        {
            // "<summary>" alone: the title is on the next line.
            _awaitingSummary = !s.Contains("</summary", StringComparison.OrdinalIgnoreCase);
            if (_pendingStart < 0) _pendingStart = line;
            return;
        }
        if (MarkdownHtml.IsLabel(Slice(title)))
        {
            // "<summary>Abstract</summary>" folds the abstract of the paper above.
            _inDetails = true;
            if (after.Length > 0) Text(line, line, after);
        }
        else
        {
            if (!StartPaper(line, title, AbstractSource.InsideDetails, expected: true)) return;
            _kinds[line] = SyntaxKind.TitleLine;
            _inDetails = true;
            if (after.Length > 0) _paper!.AbstractParts.Add(after);
        }
        if (s.Contains("</details", StringComparison.OrdinalIgnoreCase)) _inDetails = false;
    }

    private void Suppression(int line, bool wholeFile)
    {
        _kinds[line] = SyntaxKind.SuppressionLine;
        if (wholeFile)
        {
            _fileAllows = true;
            return;
        }
        if (_pendingStart < 0) _pendingStart = line;
        _pendingAllows = true;
    }

    private void Table(TableItem table)
    {
        Mark(table.FirstLine, table.LastLine, SyntaxKind.TableLine);
        if (table.HasTitleColumn)
        {
            foreach (var row in table.Rows)
            {
                if (row.Title is not { } title) continue;
                // The archive layout has no abstracts when it has no abstract column: nothing is missing then.
                if (!StartPaper(row.Line, title, AbstractSource.None, expected: table.HasAbstractColumn)) continue;
                _kinds[row.Line] = SyntaxKind.TitleLine;
                if (row.Abstract is { } abstractSpan) _paper!.AbstractParts.Add(abstractSpan);
            }
        }
        CancelPending();
    }

    private void Quote(QuoteItem quote)
    {
        CancelPending();
        _hasNotes = true;
        for (int i = quote.FirstLine; i <= quote.LastLine; i++)
        {
            _kinds[i] = SyntaxKind.NoteLine;
            _paper?.Notes.Add(_d.Lines[i].Content);
        }
    }

    /// <returns>False when the title cannot start a paper (it shares a line with the previous title).</returns>
    private bool StartPaper(int titleLine, TextSpan title, AbstractSource abstractFrom, bool expected)
    {
        if (title.Length == 0 || titleLine <= _paperTitleLine) return false;
        ClosePaper();
        int first = _pendingStart >= 0 ? _pendingStart : titleLine;
        _paper = new PaperDraft(_papers.Count, first, title)
        {
            SectionIndex = _open.Count > 0 ? _open.Peek().Index : -1,
            DuplicateAllowed = _pendingAllows,
        };
        _papers.Add(_paper);
        _paperTitleLine = titleLine;
        _abstractFrom = abstractFrom;
        _abstractExpected = expected;
        _pendingStart = -1;
        _pendingAllows = false;
        return true;
    }

    private void ClosePaper()
    {
        if (_paper is { AbstractParts.Count: 0 } && _abstractExpected)
            _problems.Add(new Problem(DiagnosticCodes.MissingAbstract, _paper.TitleSpan, "This title has no abstract"));
        _paper = null;
        _inDetails = _awaitingSummary = false;
    }

    /// <summary>
    /// Content between a suppression marker and the next title: the marker stood right under a title
    /// (before its abstract) and meant that paper, or it meant nothing.
    /// </summary>
    private void CancelPending()
    {
        if (_pendingStart < 0) return;
        if (_pendingAllows && _paper is { AbstractParts.Count: 0 }) _paper.DuplicateAllowed = true;
        DropPending();
    }

    private void DropPending()
    {
        _pendingStart = -1;
        _pendingAllows = false;
    }

    private void Mark(int first, int last, SyntaxKind kind)
    {
        for (int i = first; i <= last && i < _kinds.Length; i++) _kinds[i] = kind;
    }

    private ReadOnlySpan<char> Slice(TextSpan span) => _d.Text.AsSpan(span.Start, span.Length);

    /// <summary>
    /// Lines nobody claimed are blank or stray text. Owners follow from the paper starts: a paper owns its lines up
    /// to the next paper or section heading, so trailing blank lines and link lines stay with the paper above.
    /// </summary>
    private void CommitTo(ParseDraft d)
    {
        int owner = -1, next = 0;
        for (int i = 0; i < _kinds.Length; i++)
        {
            var kind = _kinds[i];
            if (kind == default) kind = LineClassifier.IsBlank(d.Content(i)) ? SyntaxKind.BlankLine : SyntaxKind.TextLine;
            d.Kinds[i] = kind;
            d.SectionStart[i] = _sectionStart[i];
            while (next < _papers.Count && _papers[next].FirstLine <= i) owner = next++;
            if (_headingLines[i]) owner = -1;
            d.Owner[i] = owner;
        }
        d.Papers.AddRange(_papers);
        d.Sections.AddRange(_sections);
        d.Problems.AddRange(_problems);
        d.Dialect |= Dialect.Markdown | (_hasNotes ? Dialect.Annotated : Dialect.None);
        d.FileAllowsDuplicates |= _fileAllows;
    }
}
