using System.Text.Json.Serialization;

namespace PaperLsp.Protocol.Lsp;

/// <summary>
/// Source-generated (de)serialization for every LSP record: camelCase names, nulls left out when
/// writing, enums as numbers. Reading is strict: a missing required member or a null where the
/// type says non-null fails, which <see cref="JsonRpc.JsonPayload.ReadParams"/> turns into InvalidParams.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
// Basics and documents
[JsonSerializable(typeof(Position))]
[JsonSerializable(typeof(Range))]
[JsonSerializable(typeof(Location))]
[JsonSerializable(typeof(LocationLink))]
[JsonSerializable(typeof(TextEdit))]
[JsonSerializable(typeof(WorkspaceEdit))]
[JsonSerializable(typeof(Command))]
[JsonSerializable(typeof(MarkupContent))]
[JsonSerializable(typeof(TextDocumentIdentifier))]
[JsonSerializable(typeof(VersionedTextDocumentIdentifier))]
[JsonSerializable(typeof(TextDocumentItem))]
[JsonSerializable(typeof(TextDocumentPositionParams))]
[JsonSerializable(typeof(TextDocumentContentChangeEvent))]
[JsonSerializable(typeof(DidOpenTextDocumentParams))]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(DidCloseTextDocumentParams))]
[JsonSerializable(typeof(DidSaveTextDocumentParams))]
// Lifecycle
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(ClientCapabilities))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(ServerCapabilities))]
[JsonSerializable(typeof(ServerInfo))]
[JsonSerializable(typeof(InitializedParams))]
[JsonSerializable(typeof(SetTraceParams))]
[JsonSerializable(typeof(CancelParams))]
// Diagnostics
[JsonSerializable(typeof(Diagnostic))]
[JsonSerializable(typeof(DiagnosticRelatedInformation))]
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(DocumentDiagnosticParams))]
[JsonSerializable(typeof(DocumentDiagnosticReport))]
[JsonSerializable(typeof(WorkspaceDiagnosticParams))]
[JsonSerializable(typeof(WorkspaceDiagnosticReport))]
// Language features
[JsonSerializable(typeof(DocumentSymbolParams))]
[JsonSerializable(typeof(DocumentSymbol))]
[JsonSerializable(typeof(IReadOnlyList<DocumentSymbol>))]
[JsonSerializable(typeof(SymbolInformation))]
[JsonSerializable(typeof(IReadOnlyList<SymbolInformation>))]
[JsonSerializable(typeof(WorkspaceSymbolParams))]
[JsonSerializable(typeof(FoldingRangeParams))]
[JsonSerializable(typeof(FoldingRange))]
[JsonSerializable(typeof(IReadOnlyList<FoldingRange>))]
[JsonSerializable(typeof(Hover))]
[JsonSerializable(typeof(IReadOnlyList<Location>))]
[JsonSerializable(typeof(IReadOnlyList<LocationLink>))]
[JsonSerializable(typeof(ReferenceParams))]
[JsonSerializable(typeof(DocumentHighlight))]
[JsonSerializable(typeof(IReadOnlyList<DocumentHighlight>))]
[JsonSerializable(typeof(DocumentLinkParams))]
[JsonSerializable(typeof(DocumentLink))]
[JsonSerializable(typeof(IReadOnlyList<DocumentLink>))]
[JsonSerializable(typeof(CodeActionParams))]
[JsonSerializable(typeof(CodeAction))]
[JsonSerializable(typeof(IReadOnlyList<CodeAction>))]
[JsonSerializable(typeof(CodeLensParams))]
[JsonSerializable(typeof(CodeLens))]
[JsonSerializable(typeof(IReadOnlyList<CodeLens>))]
[JsonSerializable(typeof(ExecuteCommandParams))]
[JsonSerializable(typeof(DocumentFormattingParams))]
[JsonSerializable(typeof(DocumentRangeFormattingParams))]
[JsonSerializable(typeof(IReadOnlyList<TextEdit>))]
[JsonSerializable(typeof(CompletionParams))]
[JsonSerializable(typeof(CompletionItem))]
[JsonSerializable(typeof(CompletionList))]
[JsonSerializable(typeof(SelectionRangeParams))]
[JsonSerializable(typeof(IReadOnlyList<SelectionRange>))]
[JsonSerializable(typeof(SemanticTokensParams))]
[JsonSerializable(typeof(SemanticTokensRangeParams))]
[JsonSerializable(typeof(SemanticTokens))]
[JsonSerializable(typeof(InlayHintParams))]
[JsonSerializable(typeof(InlayHint))]
[JsonSerializable(typeof(IReadOnlyList<InlayHint>))]
// Window, progress, workspace
[JsonSerializable(typeof(WorkDoneProgressCreateParams))]
[JsonSerializable(typeof(ProgressParams<WorkDoneProgressBegin>))]
[JsonSerializable(typeof(ProgressParams<WorkDoneProgressReport>))]
[JsonSerializable(typeof(ProgressParams<WorkDoneProgressEnd>))]
[JsonSerializable(typeof(LogMessageParams))]
[JsonSerializable(typeof(ShowMessageParams))]
[JsonSerializable(typeof(ShowDocumentParams))]
[JsonSerializable(typeof(ShowDocumentResult))]
[JsonSerializable(typeof(ConfigurationParams))]
[JsonSerializable(typeof(DidChangeConfigurationParams))]
[JsonSerializable(typeof(RegistrationParams))]
[JsonSerializable(typeof(DidChangeWatchedFilesRegistrationOptions))]
[JsonSerializable(typeof(DidChangeWatchedFilesParams))]
[JsonSerializable(typeof(ApplyWorkspaceEditParams))]
[JsonSerializable(typeof(ApplyWorkspaceEditResult))]
public sealed partial class LspJsonContext : JsonSerializerContext
{
}
