using System.Text.Json;

namespace PaperLsp.Protocol.Lsp;

public sealed record InlayHintParams(TextDocumentIdentifier TextDocument, Range Range);

public sealed record InlayHint
{
    public required Position Position { get; init; }

    public required string Label { get; init; }

    public InlayHintKind? Kind { get; init; }

    public IReadOnlyList<TextEdit>? TextEdits { get; init; }

    public string? Tooltip { get; init; }

    public bool? PaddingLeft { get; init; }

    public bool? PaddingRight { get; init; }

    public JsonElement? Data { get; init; }
}

public enum InlayHintKind
{
    Type = 1,
    Parameter = 2,
}
