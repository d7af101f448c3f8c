using System.Text.Json;

namespace PaperLsp.Protocol.Lsp;

public sealed record Hover(MarkupContent Contents, Range? Range = null);

public sealed record ReferenceParams(TextDocumentIdentifier TextDocument, Position Position, ReferenceContext Context);

public sealed record ReferenceContext(bool IncludeDeclaration);

public sealed record DocumentHighlight(Range Range, DocumentHighlightKind? Kind = null);

public enum DocumentHighlightKind
{
    Text = 1,
    Read = 2,
    Write = 3,
}

public sealed record DocumentLinkParams(TextDocumentIdentifier TextDocument);

public sealed record DocumentLink
{
    public required Range Range { get; init; }

    /// <summary>The URI to open; may be left out and filled by <c>documentLink/resolve</c>.</summary>
    public string? Target { get; init; }

    public string? Tooltip { get; init; }

    public JsonElement? Data { get; init; }
}
