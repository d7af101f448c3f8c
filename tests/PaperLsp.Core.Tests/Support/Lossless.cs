using System.Text;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;

namespace PaperLsp.Core.Tests.Support;

public static class Lossless
{
    /// <summary>Concatenates every leaf's text, checking on the way that leaves tile the text without gaps or overlaps.</summary>
    public static string Reassemble(DigestDocument doc)
    {
        var sb = new StringBuilder(doc.Text.Length);
        int expected = 0;
        foreach (var leaf in doc.Root.Leaves())
        {
            if (leaf.Span.Start != expected) throw new AssertionException($"leaf {leaf} starts at {leaf.Span.Start}, expected {expected}");
            sb.Append(doc.Text.AsSpan(leaf.Span.Start, leaf.Span.Length));
            expected = leaf.Span.End;
        }
        CheckComposites(doc.Root);
        return sb.ToString();
    }

    private static void CheckComposites(SyntaxNode node)
    {
        if (node.IsLeaf) return;
        if (node.Span.Start != node.Children[0].Span.Start || node.Span.End != node.Children[^1].Span.End)
            throw new AssertionException($"{node} does not span exactly its children");
        foreach (var child in node.Children) CheckComposites(child);
    }
}
