namespace PaperLsp.Protocol.Lsp;

// The parts of the client's capabilities that the server reads. Null means "not announced",
// which the spec says to treat as unsupported. Unknown members are ignored.

public sealed record ClientCapabilities
{
    public GeneralClientCapabilities? General { get; init; }

    public TextDocumentClientCapabilities? TextDocument { get; init; }

    public WorkspaceClientCapabilities? Workspace { get; init; }

    public WindowClientCapabilities? Window { get; init; }
}

public sealed record GeneralClientCapabilities
{
    /// <summary>The encodings the client supports, preferred first (<see cref="PositionEncodingKind"/>).</summary>
    public IReadOnlyList<string>? PositionEncodings { get; init; }
}

public sealed record TextDocumentClientCapabilities
{
    public CodeActionClientCapabilities? CodeAction { get; init; }

    public DocumentSymbolClientCapabilities? DocumentSymbol { get; init; }

    public HoverClientCapabilities? Hover { get; init; }

    public DefinitionClientCapabilities? Definition { get; init; }

    public PublishDiagnosticsClientCapabilities? PublishDiagnostics { get; init; }

    /// <summary>Present when the client pulls diagnostics (<c>textDocument/diagnostic</c>).</summary>
    public DiagnosticClientCapabilities? Diagnostic { get; init; }
}

public sealed record DocumentSymbolClientCapabilities
{
    public bool? HierarchicalDocumentSymbolSupport { get; init; }
}

public sealed record HoverClientCapabilities
{
    public IReadOnlyList<string>? ContentFormat { get; init; }
}

public sealed record DefinitionClientCapabilities
{
    /// <summary>Whether the client takes <see cref="LocationLink"/>s.</summary>
    public bool? LinkSupport { get; init; }
}

public sealed record PublishDiagnosticsClientCapabilities
{
    public bool? RelatedInformation { get; init; }

    public bool? VersionSupport { get; init; }

    public bool? CodeDescriptionSupport { get; init; }

    public bool? DataSupport { get; init; }
}

public sealed record DiagnosticClientCapabilities
{
    public bool? DynamicRegistration { get; init; }

    public bool? RelatedDocumentSupport { get; init; }
}

public sealed record WorkspaceClientCapabilities
{
    public bool? ApplyEdit { get; init; }

    public bool? WorkspaceFolders { get; init; }

    /// <summary>Whether the client answers <c>workspace/configuration</c>.</summary>
    public bool? Configuration { get; init; }

    public DidChangeWatchedFilesClientCapabilities? DidChangeWatchedFiles { get; init; }

    public RefreshClientCapabilities? Diagnostics { get; init; }

    public RefreshClientCapabilities? CodeLens { get; init; }

    public RefreshClientCapabilities? SemanticTokens { get; init; }

    public RefreshClientCapabilities? InlayHint { get; init; }
}

public sealed record DidChangeWatchedFilesClientCapabilities
{
    public bool? DynamicRegistration { get; init; }

    public bool? RelativePatternSupport { get; init; }
}

/// <summary>The shape shared by the spec's Diagnostic-, CodeLens-, SemanticTokens- and InlayHintWorkspaceClientCapabilities.</summary>
public sealed record RefreshClientCapabilities
{
    public bool? RefreshSupport { get; init; }
}

public sealed record WindowClientCapabilities
{
    /// <summary>Whether the client accepts <c>window/workDoneProgress/create</c>.</summary>
    public bool? WorkDoneProgress { get; init; }

    public ShowDocumentClientCapabilities? ShowDocument { get; init; }
}

public sealed record ShowDocumentClientCapabilities(bool Support);
