namespace PaperLsp.Protocol.Lsp;

public sealed record FormattingOptions
{
    public required int TabSize { get; init; }

    public required bool InsertSpaces { get; init; }

    public bool? TrimTrailingWhitespace { get; init; }

    public bool? InsertFinalNewline { get; init; }

    public bool? TrimFinalNewlines { get; init; }
}

public sealed record DocumentFormattingParams(TextDocumentIdentifier TextDocument, FormattingOptions Options);

public sealed record DocumentRangeFormattingParams(TextDocumentIdentifier TextDocument, Range Range, FormattingOptions Options);
