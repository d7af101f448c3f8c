namespace PaperLsp.Protocol.Lsp;

public sealed record SemanticTokensParams(TextDocumentIdentifier TextDocument);

public sealed record SemanticTokensRangeParams(TextDocumentIdentifier TextDocument, Range Range);

/// <summary>Tokens as five integers each (delta line, delta start, length, type, modifiers), relative to the previous token.</summary>
public sealed record SemanticTokens(IReadOnlyList<int> Data, string? ResultId = null);
