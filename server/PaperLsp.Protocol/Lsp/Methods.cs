namespace PaperLsp.Protocol.Lsp;

/// <summary>LSP method names.</summary>
public static class Methods
{
    // Lifecycle and base protocol
    public const string Initialize = "initialize";
    public const string Initialized = "initialized";
    public const string Shutdown = "shutdown";
    public const string Exit = "exit";
    public const string CancelRequest = "$/cancelRequest";
    public const string Progress = "$/progress";
    public const string SetTrace = "$/setTrace";
    public const string LogTrace = "$/logTrace";

    // Document synchronization
    public const string TextDocumentDidOpen = "textDocument/didOpen";
    public const string TextDocumentDidChange = "textDocument/didChange";
    public const string TextDocumentDidClose = "textDocument/didClose";
    public const string TextDocumentDidSave = "textDocument/didSave";

    // Language features
    public const string TextDocumentPublishDiagnostics = "textDocument/publishDiagnostics";
    public const string TextDocumentDiagnostic = "textDocument/diagnostic";
    public const string TextDocumentDocumentSymbol = "textDocument/documentSymbol";
    public const string TextDocumentFoldingRange = "textDocument/foldingRange";
    public const string TextDocumentHover = "textDocument/hover";
    public const string TextDocumentDefinition = "textDocument/definition";
    public const string TextDocumentReferences = "textDocument/references";
    public const string TextDocumentDocumentHighlight = "textDocument/documentHighlight";
    public const string TextDocumentDocumentLink = "textDocument/documentLink";
    public const string DocumentLinkResolve = "documentLink/resolve";
    public const string TextDocumentCodeAction = "textDocument/codeAction";
    public const string CodeActionResolve = "codeAction/resolve";
    public const string TextDocumentCodeLens = "textDocument/codeLens";
    public const string CodeLensResolve = "codeLens/resolve";
    public const string TextDocumentFormatting = "textDocument/formatting";
    public const string TextDocumentRangeFormatting = "textDocument/rangeFormatting";
    public const string TextDocumentCompletion = "textDocument/completion";
    public const string CompletionItemResolve = "completionItem/resolve";
    public const string TextDocumentSelectionRange = "textDocument/selectionRange";
    public const string TextDocumentSemanticTokensFull = "textDocument/semanticTokens/full";
    public const string TextDocumentSemanticTokensRange = "textDocument/semanticTokens/range";
    public const string TextDocumentInlayHint = "textDocument/inlayHint";
    public const string InlayHintResolve = "inlayHint/resolve";

    // Workspace
    public const string WorkspaceSymbol = "workspace/symbol";
    public const string WorkspaceDiagnostic = "workspace/diagnostic";
    public const string WorkspaceExecuteCommand = "workspace/executeCommand";
    public const string WorkspaceConfiguration = "workspace/configuration";
    public const string WorkspaceDidChangeConfiguration = "workspace/didChangeConfiguration";
    public const string WorkspaceDidChangeWatchedFiles = "workspace/didChangeWatchedFiles";
    public const string WorkspaceDidChangeWorkspaceFolders = "workspace/didChangeWorkspaceFolders";
    public const string WorkspaceApplyEdit = "workspace/applyEdit";
    public const string WorkspaceCodeLensRefresh = "workspace/codeLens/refresh";
    public const string WorkspaceSemanticTokensRefresh = "workspace/semanticTokens/refresh";
    public const string WorkspaceInlayHintRefresh = "workspace/inlayHint/refresh";
    public const string WorkspaceDiagnosticRefresh = "workspace/diagnostic/refresh";
    public const string ClientRegisterCapability = "client/registerCapability";
    public const string ClientUnregisterCapability = "client/unregisterCapability";

    // Window
    public const string WindowLogMessage = "window/logMessage";
    public const string WindowShowMessage = "window/showMessage";
    public const string WindowShowDocument = "window/showDocument";
    public const string WindowWorkDoneProgressCreate = "window/workDoneProgress/create";
    public const string WindowWorkDoneProgressCancel = "window/workDoneProgress/cancel";
}
