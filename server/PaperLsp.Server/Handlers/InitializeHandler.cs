using System.Text.Json;
using PaperLsp.Protocol.JsonRpc;
using Microsoft.Extensions.Logging;
using PaperLsp.Protocol.Lsp;
using PaperLsp.Server.Workspace;

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
        if (p.InitializationOptions is { ValueKind: JsonValueKind.Object } options) session.EditorSettings = options.Clone();
        session.Indexer.Roots = Roots(p);
        var roots = session.Indexer.Roots;
        session.Documents.Current.Index.DisplayName = uri => FileUri.Display(uri, roots);
        if (session.Indexer.Roots.Count > 0 && session.Indexer.Roots[0] is { } root)
        {
            session.ProjectSettings = ProjectSettingsFile.Read(root, out string? error);
            if (error is not null) session.Logger.LogWarning("{Error}", error);
        }
        session.ReloadSettings();
        session.State = Lifecycle.Running;
        var result = new InitializeResult(Capabilities(session), new ServerInfo("paperlsp", typeof(InitializeHandler).Assembly.GetName().Version?.ToString()));
        return ValueTask.FromResult<JsonResult?>(JsonPayload.ToResult(result, LspJsonContext.Default.InitializeResult));
    }

    /// <summary>The workspace folders as local paths: workspaceFolders, else rootUri, else the deprecated rootPath.</summary>
    private static List<string> Roots(InitializeParams p)
    {
        var uris = p.WorkspaceFolders?.Select(f => f.Uri).ToList() ?? (p.RootUri is { } u ? [u] : []);
        var paths = uris.Select(FileUri.ToPath).OfType<string>().ToList();
        if (paths.Count == 0 && p.RootPath is { Length: > 0 } rootPath) paths.Add(rootPath);
        return paths.Select(Path.GetFullPath).Where(Directory.Exists).Distinct(StringComparer.Ordinal).ToList();
    }

    private static ServerCapabilities Capabilities(ServerSession session) => new()
    {
        PositionEncoding = session.Utf8Positions ? PositionEncodingKind.Utf8 : PositionEncodingKind.Utf16,
        TextDocumentSync = new TextDocumentSyncOptions { OpenClose = true, Change = TextDocumentSyncKind.Incremental },
        FoldingRangeProvider = true, SelectionRangeProvider = true, DocumentHighlightProvider = true,
        SemanticTokensProvider = new SemanticTokensOptions { Legend = Text.SemanticTokenEncoder.Legend, Range = true, Full = true },
        DocumentSymbolProvider = true,
        HoverProvider = true, ReferencesProvider = true, InlayHintProvider = new InlayHintOptions(),
        CompletionProvider = new CompletionOptions { TriggerCharacters = ["#"] }, DocumentLinkProvider = new DocumentLinkOptions(), DefinitionProvider = true, CodeLensProvider = new CodeLensOptions(),
        ExecuteCommandProvider = new ExecuteCommandOptions(ExecuteCommandHandler.Commands), WorkspaceSymbolProvider = true,
        CodeActionProvider = CodeActionHandler.Options, DocumentFormattingProvider = true, DocumentRangeFormattingProvider = true,
        DiagnosticProvider = session.PullDiagnostics
            ? new DiagnosticOptions { Identifier = "paperlsp", InterFileDependencies = true, WorkspaceDiagnostics = true }
            : null,
    };
}
