using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Model;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>
/// What a dialect parser decides, line by line, before the shared assembler builds the tree and
/// the facts. Every line gets a kind, an owning paper (or -1) and a heading role; nothing else is
/// dialect-specific, which is why plain text and Markdown end up with one model.
/// </summary>
internal sealed class ParseDraft
{
    public ParseDraft(SourceText text, List<TextLine> lines, int bomLength)
    {
        Text = text;
        Lines = lines;
        BomLength = bomLength;
        Kinds = new SyntaxKind[lines.Count];
        Owner = new int[lines.Count];
        Array.Fill(Owner, -1);
        SectionStart = new int[lines.Count];
        Array.Fill(SectionStart, -1);
    }

    public SourceText Text { get; }
    public List<TextLine> Lines { get; }
    public int BomLength { get; }
    public SyntaxKind[] Kinds { get; }
    /// <summary>The paper a line belongs to, or -1 (preamble, section heading, stray line).</summary>
    public int[] Owner { get; }
    /// <summary>For a heading line: the section it opens; else -1.</summary>
    public int[] SectionStart { get; }
    public List<PaperDraft> Papers { get; } = [];
    public List<SectionDraft> Sections { get; } = [];
    public List<Problem> Problems { get; } = [];
    /// <summary>Glued page boilerplate: the line and the phrase length.</summary>
    public Dictionary<int, int> Glued { get; } = [];
    public Dialect Dialect { get; set; }
    public bool FileAllowsDuplicates { get; set; }

    /// <summary>When re-parsing a window of a document: the index of its first paper, and whether papers precede it.</summary>
    public int PaperIndexBase { get; init; }
    public bool HasPapersBefore { get; init; }

    public ReadOnlySpan<char> Content(int line) => Text.AsSpan(Lines[line].Start, Lines[line].ContentLength);

    public PaperDraft StartPaper(int firstLine, TextSpan title)
    {
        var paper = new PaperDraft(PaperIndexBase + Papers.Count, firstLine, title);
        Papers.Add(paper);
        return paper;
    }
}

internal sealed class PaperDraft(int index, int firstLine, TextSpan titleSpan)
{
    public int Index { get; } = index;
    public int FirstLine { get; set; } = firstLine;
    public TextSpan TitleSpan { get; set; } = titleSpan;
    public List<TextSpan> AbstractParts { get; } = [];
    public List<TextSpan> Notes { get; } = [];
    public string? Date { get; set; }
    public string? Votes { get; set; }
    public int? AuthorCount { get; set; }
    public string? Organisation { get; set; }
    public int? CommentCount { get; set; }
    public bool DuplicateAllowed { get; set; }
    public int SectionIndex { get; set; } = -1;
}

internal sealed record SectionDraft(int Index, SectionKind Kind, TextSpan TitleSpan, int Level, int HeadingLine);
