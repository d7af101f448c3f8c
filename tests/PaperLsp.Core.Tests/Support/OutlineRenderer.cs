using System.Text;
using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Model;

namespace PaperLsp.Core.Tests.Support;

/// <summary>
/// Renders what the parser understood as plain text, for fixture tests and baselines:
/// sections, papers with their facts, then problems with 1-based line:column.
/// </summary>
public static class OutlineRenderer
{
    /// <param name="redact">Show text from the document as «length:hash» (seed text must not be copied into the repo).</param>
    public static string Render(DigestDocument doc, IReadOnlyList<Problem>? problems = null, bool redact = false)
    {
        string T(string text) => redact ? Redacted(text) : $"'{text}'";
        var sb = new StringBuilder();
        int section = -1;
        foreach (var paper in doc.Papers)
        {
            if (paper.SectionIndex != section && paper.SectionIndex >= 0)
            {
                section = paper.SectionIndex;
                var s = doc.Sections[section];
                sb.Append(new string(' ', 2 * (s.Level - 1))).Append($"section {s.Kind.ToString().ToLowerInvariant()} {T(s.Title)}\n");
            }
            string indent = paper.SectionIndex >= 0 ? new string(' ', 2 * doc.Sections[paper.SectionIndex].Level) : "";
            sb.Append(indent).Append($"{Line(doc, paper.TitleSpan.Start)}: {T(paper.Title)}");
            if (paper.ArxivId is not null) sb.Append($" arXiv:{paper.ArxivId}");
            sb.Append(paper.HasAbstract ? $" abstract@{Line(doc, paper.AbstractSpan.Start)}-{Line(doc, paper.AbstractSpan.End)} {(redact ? Redacted(doc.AbstractText(paper)) : $"'{Start(doc.AbstractText(paper))}'")}" : " no-abstract");
            sb.Append('\n');
            var meta = new List<string>();
            if (paper.Votes is not null) meta.Add($"votes={paper.Votes}");
            if (paper.AuthorCount is not null) meta.Add($"authors={paper.AuthorCount}");
            if (paper.Organisation is not null) meta.Add($"org={T(paper.Organisation)}");
            if (paper.Date is not null) meta.Add($"date='{paper.Date}'");
            if (paper.CommentCount is not null) meta.Add($"comments={paper.CommentCount}");
            if (paper.Tags.Count > 0) meta.Add("tags=" + string.Join(",", paper.Tags));
            if (paper.Status != PaperStatus.None) meta.Add($"status={paper.Status}");
            if (paper.DuplicateAllowed) meta.Add("duplicate-allowed");
            if (meta.Count > 0) sb.Append(indent).Append("  ").Append(string.Join(' ', meta)).Append('\n');
            foreach (var link in paper.Links)
                sb.Append(indent).Append($"  {link.Kind.ToString().ToLowerInvariant()} {(redact ? Redacted(link.Target) : link.Target)}{(link.IsDamaged ? " (damaged)" : "")}\n");
        }
        foreach (var p in problems ?? doc.Problems)
        {
            var pos = doc.Lines.GetPosition(p.Span.Start);
            sb.Append($"{p.Code} {pos.Line + 1}:{pos.Character + 1} {(redact ? $"span {p.Span.Length}, related {p.RelatedLocations.Count}" : p.Message)}\n");
        }
        return sb.ToString();
    }

    /// <summary>Length and FNV-1a hash: enough to review a baseline diff without holding the text.</summary>
    public static string Redacted(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text) hash = (hash ^ c) * 16777619;
        return $"«{text.Length}:{hash:x8}»";
    }

    private static int Line(DigestDocument doc, int offset) => doc.Lines.GetPosition(offset).Line + 1;

    private static string Start(string text) => text.Length <= 24 ? text : text[..24] + "…";
}
