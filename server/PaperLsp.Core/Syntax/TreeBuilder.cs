using PaperLsp.Core.Model;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>Builds the lossless tree from a document's line decisions.</summary>
internal static class TreeBuilder
{
    /// <summary>Document → [BOM] [Preamble] (Section | Paper | stray line)*, sections nested by level.</summary>
    public static SyntaxNode Build(LineTable d, IReadOnlyList<Section> sections)
    {
        var top = new List<SyntaxNode>();
        if (d.BomLength > 0) top.Add(new SyntaxNode(SyntaxKind.ByteOrderMark, new TextSpan(0, d.BomLength)));
        var preamble = new List<SyntaxNode>();
        int i = 0;
        while (i < d.Lines.Count && d.Owner[i] < 0 && d.SectionStart[i] < 0) preamble.Add(LineNode(d, i++));
        if (preamble.Count > 0) top.Add(SyntaxNode.Composite(SyntaxKind.Preamble, preamble, 0));

        var open = new Stack<(int Level, List<SyntaxNode> Children)>();
        open.Push((0, top));
        while (i < d.Lines.Count)
        {
            if (d.SectionStart[i] >= 0)
            {
                int level = sections[d.SectionStart[i]].Level;
                while (open.Count > 1 && open.Peek().Level >= level) CloseSection(open);
                open.Push((level, [LineNode(d, i++)]));
                continue;
            }
            int owner = d.Owner[i];
            if (owner < 0)
            {
                open.Peek().Children.Add(LineNode(d, i++));
                continue;
            }
            var lines = new List<SyntaxNode>();
            while (i < d.Lines.Count && d.Owner[i] == owner && d.SectionStart[i] < 0) lines.Add(LineNode(d, i++));
            open.Peek().Children.Add(SyntaxNode.Composite(SyntaxKind.Paper, lines, 0));
        }
        while (open.Count > 1) CloseSection(open);
        return SyntaxNode.Composite(SyntaxKind.Document, top, 0);
    }

    private static void CloseSection(Stack<(int Level, List<SyntaxNode> Children)> open)
    {
        var (_, children) = open.Pop();
        open.Peek().Children.Add(SyntaxNode.Composite(SyntaxKind.Section, children, 0));
    }

    private static SyntaxNode LineNode(LineTable d, int i)
    {
        var line = d.Lines[i];
        var kind = d.Kinds[i] == default ? SyntaxKind.TextLine : d.Kinds[i];
        if (d.Glued.TryGetValue(i, out int glued))
        {
            return new SyntaxNode(kind, line.Full,
            [
                new SyntaxNode(SyntaxKind.GluedBoilerplate, new TextSpan(line.Start, glued)),
                new SyntaxNode(SyntaxKind.TitleText, TextSpan.FromBounds(line.Start + glued, line.End)),
            ]);
        }
        return new SyntaxNode(kind, line.Full);
    }
}
