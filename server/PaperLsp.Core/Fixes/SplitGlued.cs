using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Model;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Fixes;

/// <summary>PD003: a line break between the glued page phrase and the title ("Subscribe|asanAI: …").</summary>
internal static class SplitGlued
{
    public static Fix? For(DigestDocument doc, Problem problem)
    {
        var lines = new DocLines(doc);
        if (problem.Span.Length == 0) return null;
        var line = lines[lines.LineOf(problem.Span.Start)];
        if (problem.Span.End >= line.ContentEnd) return null;
        string phrase = doc.Slice(problem.Span);
        IReadOnlyList<SpanEdit> edits = [SpanEdit.Insert(problem.Span.End, lines.LineEnding)];
        return new Fix($"split-glued@{problem.Span.Start}", $"Split \"{FixText.Short(phrase)}\" from the title", line.Content, () => edits)
        {
            Problems = [problem],
            Safe = true,
            Preferred = true,
        };
    }
}
