using PaperLsp.Protocol.JsonRpc;

namespace PaperLsp.Protocol.Lsp;

public sealed record TextDocumentIdentifier(string Uri);

public sealed record VersionedTextDocumentIdentifier(string Uri, int Version);

public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

public sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument) : IDocumentTextParams<DidOpenTextDocumentParams>
{
    public DidOpenTextDocumentParams WithText(string text) => new(TextDocument with { Text = text });
}

public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges)
    : IDocumentTextParams<DidChangeTextDocumentParams>
{
    /// <summary>These params with the first change's text replaced.</summary>
    public DidChangeTextDocumentParams WithText(string text) =>
        this with { ContentChanges = [ContentChanges[0] with { Text = text }, .. ContentChanges.Skip(1)] };
}

/// <summary>A change to a document: <see cref="Range"/> replaced by <see cref="Text"/>, or the whole document when <see cref="Range"/> is null.</summary>
public sealed record TextDocumentContentChangeEvent(string Text, Range? Range = null);

public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

public sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument, string? Text = null);

public enum TextDocumentSyncKind
{
    None = 0,
    Full = 1,
    Incremental = 2,
}
