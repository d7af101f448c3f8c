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

    /// <summary>The papers, and (in paper order) the problems in their own text.</summary>
    public static List<Paper> BuildPapers(ParseDraft d, List<Problem> contentProblems)
    {
        var papers = new List<Paper>(d.Papers.Count);
        int line = 0;
        foreach (var draft in d.Papers)
        {
            line = Math.Max(line, draft.FirstLine);
            int last = line;
            while (last + 1 < d.Lines.Count && d.Owner[last + 1] == draft.Index) last++;
            var span = TextSpan.FromBounds(d.Lines[draft.FirstLine].Start, d.Lines[last].End);
            line = last + 1;
            var window = d.Text.Window(span, before: 1);
            var paper = BuildPaper(d, draft, span, window);
            papers.Add(paper);
            ContentChecks.Check(window, paper, contentProblems);
        }
        return papers;
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
