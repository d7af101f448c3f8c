using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>
/// The parser's per-line decisions, kept with the document: the tree is built from them on demand,
/// and an incremental re-parse splices them instead of reading the whole file again.
/// </summary>
internal sealed record LineTable(
    IReadOnlyList<TextLine> Lines,
    SyntaxKind[] Kinds,
    int[] Owner,
    int[] SectionStart,
    IReadOnlyDictionary<int, int> Glued,
    int BomLength);
