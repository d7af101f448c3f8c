using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>
/// A node of the lossless tree. Leaves tile the text: concatenating every leaf's text in order
/// gives back the input exactly. A composite node spans exactly its children.
/// </summary>
public sealed class SyntaxNode
{
    private static readonly SyntaxNode[] NoChildren = [];

    public SyntaxNode(SyntaxKind kind, TextSpan span, IReadOnlyList<SyntaxNode>? children = null)
    {
        Kind = kind;
        Span = span;
        Children = children ?? NoChildren;
    }

    public SyntaxKind Kind { get; }
    public TextSpan Span { get; }
    public IReadOnlyList<SyntaxNode> Children { get; }
    public bool IsLeaf => Children.Count == 0;

    public static SyntaxNode Composite(SyntaxKind kind, IReadOnlyList<SyntaxNode> children, int emptyAt)
    {
        var span = children.Count == 0
            ? new TextSpan(emptyAt, 0)
            : TextSpan.FromBounds(children[0].Span.Start, children[^1].Span.End);
        return new SyntaxNode(kind, span, children);
    }

    public IEnumerable<SyntaxNode> Leaves()
    {
        var stack = new Stack<SyntaxNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.IsLeaf)
            {
                yield return node;
                continue;
            }
            for (int i = node.Children.Count - 1; i >= 0; i--) stack.Push(node.Children[i]);
        }
    }

    public override string ToString() => $"{Kind}{Span}";
}
