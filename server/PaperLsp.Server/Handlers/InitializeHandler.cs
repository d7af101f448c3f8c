using System.Text.Json;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Handlers;

/// <summary>Negotiates the position encoding and diagnostics mode, and says what the server offers.</summary>
public sealed class InitializeHandler : IRequestHandler
{
    public string Method => Methods.Initialize;

    public ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var p = request.ParamsAs(LspJsonContext.Default.InitializeParams);
        session.Client = p.ParseCapabilities();
        // The client's most preferred encoding that we speak; UTF-16 when it names none.
        session.Documents.Utf8Positions = session.Client.General?.PositionEncodings?
            .FirstOrDefault(e => e is PositionEncodingKind.Utf8 or PositionEncodingKind.Utf16) == PositionEncodingKind.Utf8;
        session.PullDiagnostics = session.Client.TextDocument?.Diagnostic is not null;
        if (p.Trace is { } trace) SetTraceHandler.Apply(session, trace);
        if (p.InitializationOptions is { } options) DidChangeConfigurationHandler.Apply(session, options);
        session.State = Lifecycle.Running;
        var result = new InitializeResult(Capabilities(session), new ServerInfo("paperlsp", typeof(InitializeHandler).Assembly.GetName().Version?.ToString()));
        return ValueTask.FromResult<JsonResult?>(JsonPayload.ToResult(result, LspJsonContext.Default.InitializeResult));
    }

    private static ServerCapabilities Capabilities(ServerSession session) => new()
    {
        PositionEncoding = session.Utf8Positions ? PositionEncodingKind.Utf8 : PositionEncodingKind.Utf16,
        TextDocumentSync = new TextDocumentSyncOptions { OpenClose = true, Change = TextDocumentSyncKind.Incremental },
        FoldingRangeProvider = true, SelectionRangeProvider = true, DocumentHighlightProvider = true,
        SemanticTokensProvider = new SemanticTokensOptions { Legend = Text.SemanticTokenEncoder.Legend, Range = true, Full = true },
        DocumentSymbolProvider = true,
        HoverProvider = true, DocumentLinkProvider = new DocumentLinkOptions(), DefinitionProvider = true, CodeLensProvider = new CodeLensOptions(),
        ExecuteCommandProvider = new ExecuteCommandOptions(ExecuteCommandHandler.Commands), WorkspaceSymbolProvider = true,
        CodeActionProvider = CodeActionHandler.Options, DocumentFormattingProvider = true, DocumentRangeFormattingProvider = true,
        DiagnosticProvider = session.PullDiagnostics
            ? new DiagnosticOptions { Identifier = "paperlsp", InterFileDependencies = true, WorkspaceDiagnostics = true }
            : null,
    };
}
