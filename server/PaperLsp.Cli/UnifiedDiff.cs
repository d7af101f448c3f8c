using PaperLsp.Core.Fixes;
using PaperLsp.Core.Text;

namespace PaperLsp.Cli;

/// <summary>
/// A unified diff (as <c>diff -u</c> prints it) of a text and the text after some edits, made from the edits
/// themselves: each edit's lines, trimmed to the lines that really change, with three lines of context.
/// </summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    private readonly record struct Line(string Content, string Break);

    private sealed record Block(int OldStart, List<Line> Old, List<Line> New);

    public static List<string> Render(string path, string text, IReadOnlyList<SpanEdit> edits)
    {
        var sorted = Edits.Sorted(edits, text.Length);
        var lines = Lines(text, 0, text.Length);
        var blocks = Blocks(text, lines, sorted);
        var output = new List<string>();
        if (blocks.Count == 0) return output;
        output.Add($"--- {path}");
        output.Add($"+++ {path}");
        int delta = 0, k = 0;
        while (k < blocks.Count)
        {
            int first = k, last = k;
            while (last + 1 < blocks.Count && blocks[last + 1].OldStart - (blocks[last].OldStart + blocks[last].Old.Count) <= 2 * Context) last++;
            int from = Math.Max(0, blocks[first].OldStart - Context);
            int to = Math.Min(lines.Count, blocks[last].OldStart + blocks[last].Old.Count + Context);
            var body = new List<string>();
            int oldCount = 0, newCount = 0, at = from;
            for (int b = first; b <= last; b++)
            {
                for (; at < blocks[b].OldStart; at++) { Emit(body, ' ', lines[at]); oldCount++; newCount++; }
                foreach (var l in blocks[b].Old) { Emit(body, '-', l); oldCount++; }
                foreach (var l in blocks[b].New) { Emit(body, '+', l); newCount++; }
                at = blocks[b].OldStart + blocks[b].Old.Count;
            }
            for (; at < to; at++) { Emit(body, ' ', lines[at]); oldCount++; newCount++; }
            int newFrom = from + delta;
            for (int b = first; b <= last; b++) delta += blocks[b].New.Count - blocks[b].Old.Count;
            output.Add($"@@ -{Range(from, oldCount)} +{Range(newFrom, newCount)} @@");
            output.AddRange(body);
            k = last + 1;
        }
        return output;
    }

    /// <summary>"start,count" with diff's convention for an empty range (the line before it).</summary>
    private static string Range(int from, int count) => count == 0 ? $"{from},0" : count == 1 ? $"{from + 1}" : $"{from + 1},{count}";

    private static void Emit(List<string> body, char mark, Line line)
    {
        body.Add(mark + line.Content);
        if (line.Break.Length == 0) body.Add("\\ No newline at end of file");
    }

    private static List<Line> Lines(string text, int start, int end)
    {
        var result = new List<Line>();
        foreach (var l in LineSplitter.Split(text, start, end))
            result.Add(new Line(text.Substring(l.Start, l.ContentLength), text.Substring(l.ContentEnd, l.BreakLength)));
        return result;
    }

    /// <summary>The changed lines: each edit widened to whole lines, overlapping ones merged, unchanged lines at both ends dropped.</summary>
    private static List<Block> Blocks(string text, List<Line> lines, List<SpanEdit> edits)
    {
        var starts = new int[lines.Count + 1];
        for (int i = 0; i < lines.Count; i++) starts[i + 1] = starts[i] + lines[i].Content.Length + lines[i].Break.Length;
        int LineOf(int offset)
        {
            int i = Array.BinarySearch(starts, 0, lines.Count, offset);
            return Math.Min(Math.Max(0, i >= 0 ? i : ~i - 1), Math.Max(0, lines.Count - 1));
        }

        var regions = new List<(int First, int Last, List<SpanEdit> Edits)>();
        foreach (var e in edits)
        {
            int first = LineOf(e.Span.Start), last = e.Span.Length == 0 ? first : LineOf(e.Span.End - 1);
            if (regions.Count > 0 && first <= regions[^1].Last)
                regions[^1] = (regions[^1].First, Math.Max(last, regions[^1].Last), [.. regions[^1].Edits, e]);
            else regions.Add((first, last, [e]));
        }

        var blocks = new List<Block>();
        foreach (var (first, last, regionEdits) in regions)
        {
            int start = lines.Count == 0 ? 0 : starts[first], end = lines.Count == 0 ? text.Length : starts[last + 1];
            string before = text[start..end];
            string after = Edits.Apply(before, regionEdits.Select(e => new SpanEdit(new TextSpan(e.Span.Start - start, e.Span.Length), e.NewText)));
            var old = Lines(before, 0, before.Length);
            var now = Lines(after, 0, after.Length);
            int prefix = 0;
            while (prefix < old.Count && prefix < now.Count && old[prefix] == now[prefix]) prefix++;
            int suffix = 0;
            while (suffix < old.Count - prefix && suffix < now.Count - prefix && old[^(suffix + 1)] == now[^(suffix + 1)]) suffix++;
            if (old.Count - prefix - suffix == 0 && now.Count - prefix - suffix == 0) continue;
            blocks.Add(new Block(first + prefix, old.GetRange(prefix, old.Count - prefix - suffix), now.GetRange(prefix, now.Count - prefix - suffix)));
        }
        return blocks;
    }
}
