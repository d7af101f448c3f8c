using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Facts;
using PaperLsp.Core.Model;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>Turns a dialect parser's line decisions into the lossless tree and the paper records.</summary>
internal static class DraftAssembler
{
    public static DigestDocument Assemble(ParseDraft d)
    {
        var contentProblems = new List<Problem>();
        var papers = BuildPapers(d, contentProblems);
        var sections = BuildSections(d);
        var problems = d.Problems;
        problems.AddRange(contentProblems);
        problems.Sort(Problem.Compare);
        return new DigestDocument(d.Text, Table(d), papers, sections, problems, d.Dialect, d.FileAllowsDuplicates);
    }

    public static LineTable Table(ParseDraft d) => new(d.Lines, d.Kinds, d.Owner, d.SectionStart, d.Glued, d.BomLength);

    /// <summary>Below this many papers one thread is quicker than handing out the work (tests lower it).</summary>
    internal static int ParallelFrom { get; set; } = 2048;

    /// <summary>
    /// The papers, and (in paper order) the problems in their own text. Each paper reads only its own
    /// lines, so a large digest is built in slices on several threads, and the slices joined in order:
    /// the result is the same as one thread's.
    /// </summary>
    public static List<Paper> BuildPapers(ParseDraft d, List<Problem> contentProblems)
    {
        var spans = PaperSpans(d);
        var papers = new Paper[spans.Length];
        int slices = spans.Length >= ParallelFrom ? Math.Min(Environment.ProcessorCount, 8) : 1;
        if (slices <= 1)
        {
            BuildSlice(d, spans, papers, 0, spans.Length, contentProblems);
            return [.. papers];
        }
        var problems = new List<Problem>[slices];
        Parallel.For(0, slices, k =>
        {
            problems[k] = [];
            BuildSlice(d, spans, papers, spans.Length * k / slices, spans.Length * (k + 1) / slices, problems[k]);
        });
        foreach (var slice in problems) contentProblems.AddRange(slice);
        return [.. papers];
    }

    /// <summary>Each paper's span: from its first line through the last line it owns.</summary>
    private static TextSpan[] PaperSpans(ParseDraft d)
    {
        var spans = new TextSpan[d.Papers.Count];
        int line = 0;
        for (int i = 0; i < spans.Length; i++)
        {
            var draft = d.Papers[i];
            line = Math.Max(line, draft.FirstLine);
            int last = line;
            while (last + 1 < d.Lines.Count && d.Owner[last + 1] == draft.Index) last++;
            spans[i] = TextSpan.FromBounds(d.Lines[draft.FirstLine].Start, d.Lines[last].End);
            line = last + 1;
        }
        return spans;
    }

    private static void BuildSlice(ParseDraft d, TextSpan[] spans, Paper[] papers, int from, int to, List<Problem> contentProblems)
    {
        for (int i = from; i < to; i++)
        {
            var window = d.Text.Window(spans[i], before: 1);
            var paper = BuildPaper(d, d.Papers[i], spans[i], window);
            papers[i] = paper;
            ContentChecks.Check(window, paper, contentProblems);
        }
    }

    private static Paper BuildPaper(ParseDraft d, PaperDraft p, TextSpan span, TextWindow window)
    {
        string title = window.Substring(p.TitleSpan.Start, p.TitleSpan.Length);
        var abstractSpan = p.AbstractParts.Count == 0
            ? new TextSpan(p.TitleSpan.End, 0)
            : TextSpan.FromBounds(p.AbstractParts[0].Start, p.AbstractParts[^1].End);
        var links = LinkExtractor.Find(window, span);
        string? arxiv = null;
        foreach (var link in links)
            if ((arxiv = ArxivId.Find(link.Target)) is not null) break;
        arxiv ??= ArxivId.Find(window.AsSpan(span.Start, span.Length));
        var tags = new List<string>();
        var status = PaperStatus.None;
        foreach (var note in p.Notes)
            foreach (var (_, tag) in Tags.Find(window, note.Start, note.Length))
            {
                if (!tags.Contains(tag)) tags.Add(tag);
                var s = Tags.StatusOf(tag);
                if (s != PaperStatus.None) status = s;
            }
        string key = TitleKey.Of(title);
        return new Paper
        {
            Index = p.Index,
            SectionIndex = p.SectionIndex,
            Span = span,
            TitleSpan = p.TitleSpan,
            Title = title,
            AbstractSpan = abstractSpan,
            ArxivId = arxiv,
            Date = p.Date,
            Votes = p.Votes,
            AuthorCount = p.AuthorCount,
            Organisation = p.Organisation,
            CommentCount = p.CommentCount,
            Links = links,
            Notes = p.Notes,
            Tags = tags,
            Status = status,
            TitleKey = key,
            DuplicateAllowed = p.DuplicateAllowed || d.FileAllowsDuplicates,
        };
    }

    private static List<Section> BuildSections(ParseDraft d)
    {
        var sections = new List<Section>(d.Sections.Count);
        var parents = new Stack<SectionDraft>();
        for (int k = 0; k < d.Sections.Count; k++)
        {
            var s = d.Sections[k];
            while (parents.Count > 0 && parents.Peek().Level >= s.Level) parents.Pop();
            int endLine = d.Lines.Count;
            for (int n = k + 1; n < d.Sections.Count; n++)
                if (d.Sections[n].Level <= s.Level) { endLine = d.Sections[n].HeadingLine; break; }
            int start = d.Lines[s.HeadingLine].Start;
            int end = endLine < d.Lines.Count ? d.Lines[endLine].Start : d.Text.Length;
            sections.Add(new Section(s.Index, s.Kind, d.Text.Substring(s.TitleSpan.Start, s.TitleSpan.Length), s.TitleSpan,
                TextSpan.FromBounds(start, end), s.Level, parents.Count > 0 ? parents.Peek().Index : -1));
            parents.Push(s);
        }
        return sections;
    }
}
