using PaperLsp.Core.Configuration;
using System.Globalization;
using System.Text;
using Humanizer;
using PaperLsp.Core.Duplicates;
using PaperLsp.Core.Facts;
using PaperLsp.Core.Model;
using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Features;

public enum HoverFormat
{
    Markdown,
    PlainText,
}

/// <summary>A hover: the span it is about and its text in the format asked for.</summary>
public sealed record HoverContent(TextSpan Span, string Text);

/// <summary>
/// The hover (DESIGN §3). On a URL: where it points after cleaning, what it is, the damage repaired.
/// On a title line: the title, an extractive TL;DR (<see cref="Tldr"/>), the key figures
/// (<see cref="KeyFigures"/>), word count and reading time, the paper's links, its metadata, and
/// every other copy in the workspace. Digest text is escaped (<see cref="MarkdownText"/>); the only
/// links are to <see cref="SafeUrl"/> targets.
/// </summary>
public static class Hover
{
    /// <summary>Words per minute of a careful read of an abstract.</summary>
    public const int ReadingSpeed = 230;
    private const int MaxCopies = 20;
    private const int MaxLinks = 8;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="sections">The parts of a title's hover to show (setting <c>hover.sections</c>); the title itself always shows.</param>
    public static HoverContent? At(WorkspaceSnapshot workspace, string documentId, int offset, HoverFormat format, HoverSections sections = HoverSections.All)
    {
        if (Lookup.Document(workspace, documentId) is not { } doc) return null;
        if (Lookup.LinkAt(doc, offset) is { } link) return OnLink(link, format);
        if (Lookup.TitleAt(doc, offset) is { } paper) return OnTitle(workspace, documentId, doc, paper, format, sections);
        return null;
    }

    private static HoverContent OnLink(PaperLink link, HoverFormat format)
    {
        var w = new Writer(format);
        string what = DocumentLinks.Describe(link.Kind);
        w.Line(w.Bold(what.Transform(To.SentenceCase)) + w.Text(": ") + w.Link(link.Target, link.Target));
        if (link.Kind is LinkKind.PaperPage or LinkKind.Pdf && ArxivId.Find(link.Target) is { } id) w.Line(w.Text("arXiv " + id));
        if (link.Damage is not null)
            w.Line(w.Text($"Repaired copy damage ({link.Damage}); the text has {link.Raw}"));
        else if (!string.Equals(link.Raw, link.Target, StringComparison.Ordinal))
            w.Line(w.Text($"Cleaned from {link.Raw}"));
        return new HoverContent(link.Span, w.ToString());
    }

    private static HoverContent OnTitle(WorkspaceSnapshot workspace, string documentId, DigestDocument doc, Paper paper, HoverFormat format, HoverSections sections)
    {
        var w = new Writer(format);
        w.Line(w.Bold(Outline.Name(doc, paper)));

        string abstractText = doc.AbstractText(paper);
        var tldr = sections.HasFlag(HoverSections.Tldr) ? Tldr.Of(abstractText) : [];
        if (tldr.Count > 0) w.Line(w.Bold("TL;DR:") + " " + w.Text(string.Join(' ', tldr)));
        var figures = sections.HasFlag(HoverSections.Figures) ? KeyFigures.Of(abstractText) : [];
        if (figures.Count > 0) w.Line(w.Bold("Key figures:") + " " + string.Join(w.Text(" · "), figures.Select(f => w.Text(f.ToString()))));
        if (sections.HasFlag(HoverSections.ReadingTime)) w.Line(w.Text(Reading(abstractText)));

        var links = sections.HasFlag(HoverSections.Links) ? Links(paper) : [];
        if (links.Count > 0) w.List(links.Select(l => w.Text(l.Label + ": ") + w.Link(l.Text, l.Url)));

        var facts = sections.HasFlag(HoverSections.Meta) ? Facts(doc, paper) : [];
        if (facts.Count > 0) w.Line(w.Text(string.Join(" · ", facts)));

        var copies = sections.HasFlag(HoverSections.Copies) ? PaperCopies.Others(workspace, documentId, paper) : [];
        if (copies.Count > 0)
        {
            string where = string.Join(", ", copies.Take(MaxCopies).Select(Where));
            if (copies.Count > MaxCopies) where += $" and {copies.Count - MaxCopies} more";
            w.Line(w.Text("Also in " + where));
        }
        return new HoverContent(paper.TitleSpan, w.ToString());
    }

    /// <summary>"212 words, about a minute to read", in human words (Humanizer writes the number).</summary>
    public static string Reading(string abstractText)
    {
        int words = WordCount(abstractText);
        if (words == 0) return "No abstract";
        string count = Quantity.Of(words, "word", "N0");
        double minutes = (double)words / ReadingSpeed;
        int rounded = (int)Math.Round(minutes, MidpointRounding.AwayFromZero);
        string time = minutes < 0.75 ? "under a minute" : rounded <= 1 ? "about a minute" : $"about {rounded.ToWords(Invariant)} {Quantity.Noun(rounded, "minute")}";
        return $"{count}, {time} to read";
    }

    public static int WordCount(string text)
    {
        int n = 0;
        bool inWord = false, counted = false;
        foreach (char c in text ?? "")
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
                continue;
            }
            if (!inWord) counted = false;
            inWord = true;
            if (!counted && char.IsLetterOrDigit(c))
            {
                n++;
                counted = true;
            }
        }
        return n;
    }

    private sealed record LinkLine(string Label, string Text, string Url);

    private static List<LinkLine> Links(Paper paper)
    {
        var lines = new List<LinkLine>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (paper.ArxivId is { } id)
        {
            string abs = "https://arxiv.org/abs/" + id;
            if (SafeUrl.Http(abs) is { } safe && seen.Add(safe)) lines.Add(new LinkLine("arXiv", id, safe));
        }
        foreach (var kind in new[] { LinkKind.Repository, LinkKind.ProjectPage, LinkKind.PaperPage, LinkKind.Pdf })
            foreach (var link in paper.Links)
                if (link.Kind == kind && SafeUrl.Http(link.Target) is { } url && seen.Add(url) && lines.Count < MaxLinks)
                    lines.Add(new LinkLine(DocumentLinks.Describe(kind).Transform(To.SentenceCase), SafeUrl.Display(link.Target), url));
        return lines;
    }

    private static List<string> Facts(DigestDocument doc, Paper paper)
    {
        var facts = new List<string>();
        string? date = paper.Date;
        if (date is null && paper.SectionIndex >= 0 && paper.SectionIndex < doc.Sections.Count && doc.Sections[paper.SectionIndex].Kind == SectionKind.Date)
            date = doc.Sections[paper.SectionIndex].Title;
        if (!string.IsNullOrWhiteSpace(date)) facts.Add(date.Trim());
        if (int.TryParse(paper.Votes, NumberStyles.Integer, Invariant, out int votes)) facts.Add(Quantity.Of(votes, "vote", "N0"));
        if (paper.AuthorCount is { } authors) facts.Add(Quantity.Of(authors, "author", "N0"));
        if (!string.IsNullOrWhiteSpace(paper.Organisation)) facts.Add(paper.Organisation.Trim());
        if (paper.CommentCount is { } comments) facts.Add(Quantity.Of(comments, "comment", "N0"));
        if (paper.Status != PaperStatus.None) facts.Add("status: " + Status(paper.Status));
        facts.AddRange(paper.Tags.Where(t => Tags.StatusOf(t) == PaperStatus.None).Select(t => "#" + t));
        return facts;
    }

    private static string Status(PaperStatus status) => status switch
    {
        PaperStatus.ToRead => "to read",
        PaperStatus.Reading => "reading",
        PaperStatus.Read => "read",
        PaperStatus.Skip => "skipped",
        _ => "",
    };

    private static string Where(PaperRef copy) => $"{Lookup.FileName(copy.DocumentId)}:{copy.Line + 1}";

    /// <summary>Paragraphs in Markdown or plain text; every piece of digest text goes through <see cref="Text"/>.</summary>
    private sealed class Writer(HoverFormat format)
    {
        private readonly StringBuilder _sb = new();
        private bool Markdown => format == HoverFormat.Markdown;

        public string Text(string s) => Markdown ? MarkdownText.Escape(s) : MarkdownText.Plain(s);

        public string Bold(string s) => Markdown ? $"**{MarkdownText.Escape(s)}**" : MarkdownText.Plain(s);

        public string Link(string label, string url) =>
            Markdown ? MarkdownText.Link(label, url) : SafeUrl.Http(url) ?? MarkdownText.Plain(label);

        public void Line(string paragraph)
        {
            if (_sb.Length > 0) _sb.Append("\n\n");
            _sb.Append(paragraph);
        }

        public void List(IEnumerable<string> items)
        {
            if (_sb.Length > 0) _sb.Append("\n\n");
            _sb.AppendJoin('\n', items.Select(i => "- " + i));
        }

        public override string ToString() => _sb.ToString();
    }
}
