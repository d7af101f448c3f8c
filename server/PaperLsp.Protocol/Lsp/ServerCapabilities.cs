namespace PaperLsp.Protocol.Lsp;

/// <summary>What the server offers. A null member is left out of the JSON, which means "not offered".</summary>
public sealed record ServerCapabilities
{
    /// <summary>The <see cref="PositionEncodingKind"/> picked from the client's list; UTF-16 when absent.</summary>
    public string? PositionEncoding { get; init; }

    public TextDocumentSyncOptions? TextDocumentSync { get; init; }

    public CompletionOptions? CompletionProvider { get; init; }

    public bool? HoverProvider { get; init; }

    public bool? DefinitionProvider { get; init; }

    public bool? ReferencesProvider { get; init; }

    public bool? DocumentHighlightProvider { get; init; }

    public bool? DocumentSymbolProvider { get; init; }

    public CodeActionOptions? CodeActionProvider { get; init; }

    public CodeLensOptions? CodeLensProvider { get; init; }

    public DocumentLinkOptions? DocumentLinkProvider { get; init; }

    public bool? DocumentFormattingProvider { get; init; }

    public bool? DocumentRangeFormattingProvider { get; init; }

    public bool? FoldingRangeProvider { get; init; }

    public ExecuteCommandOptions? ExecuteCommandProvider { get; init; }

    public bool? SelectionRangeProvider { get; init; }

    public SemanticTokensOptions? SemanticTokensProvider { get; init; }

    public InlayHintOptions? InlayHintProvider { get; init; }

    public DiagnosticOptions? DiagnosticProvider { get; init; }

    public bool? WorkspaceSymbolProvider { get; init; }

    public WorkspaceServerCapabilities? Workspace { get; init; }
}

public sealed record TextDocumentSyncOptions
{
    public bool? OpenClose { get; init; }

    public TextDocumentSyncKind? Change { get; init; }

    public SaveOptions? Save { get; init; }
}

public sealed record SaveOptions(bool? IncludeText = null);

public sealed record CompletionOptions
{
    public IReadOnlyList<string>? TriggerCharacters { get; init; }

    public IReadOnlyList<string>? AllCommitCharacters { get; init; }

    public bool? ResolveProvider { get; init; }
}

public sealed record CodeActionOptions
{
    /// <summary><see cref="CodeActionKind"/> values the server may return.</summary>
    public IReadOnlyList<string>? CodeActionKinds { get; init; }

    public bool? ResolveProvider { get; init; }
}

public sealed record CodeLensOptions(bool? ResolveProvider = null);

public sealed record DocumentLinkOptions(bool? ResolveProvider = null);

public sealed record ExecuteCommandOptions(IReadOnlyList<string> Commands);

public sealed record SemanticTokensOptions
{
    public required SemanticTokensLegend Legend { get; init; }

    public bool? Range { get; init; }

    public bool? Full { get; init; }
}

public sealed record SemanticTokensLegend(IReadOnlyList<string> TokenTypes, IReadOnlyList<string> TokenModifiers);

public sealed record InlayHintOptions(bool? ResolveProvider = null);

public sealed record DiagnosticOptions
{
    public string? Identifier { get; init; }

    /// <summary>Whether a change in one document can change the diagnostics of another (true for cross-file duplicates).</summary>
    public required bool InterFileDependencies { get; init; }

    public required bool WorkspaceDiagnostics { get; init; }
}

public sealed record WorkspaceServerCapabilities(WorkspaceFoldersServerCapabilities? WorkspaceFolders = null);

public sealed record WorkspaceFoldersServerCapabilities(bool? Supported = null, bool? ChangeNotifications = null);
