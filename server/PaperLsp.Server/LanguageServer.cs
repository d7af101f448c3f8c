using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;
using PaperLsp.Server.Handlers;

namespace PaperLsp.Server;

/// <summary>
/// Routes messages to their handlers and enforces the lifecycle: before initialize only initialize
/// (and exit) are served, after shutdown only exit; unknown requests answer MethodNotFound and
/// unknown notifications are ignored.
/// </summary>
public sealed class LanguageServer : IMessageHandler
{
    private readonly ServerSession _session;
    private readonly Dictionary<string, IRequestHandler> _requests;
    private readonly Dictionary<string, INotificationHandler> _notifications;

    public LanguageServer(ServerSession session)
    {
        _session = session;
        _requests = new IRequestHandler[]
        {
            new CodeActionHandler(), new CodeActionResolveHandler(), new DocumentFormattingHandler(), new DocumentRangeFormattingHandler(),
            new InitializeHandler(), new ShutdownHandler(), new DocumentSymbolHandler(),
            new FoldingRangeHandler(), new SemanticTokensFullHandler(), new SemanticTokensRangeHandler(), new SelectionRangeHandler(), new DocumentHighlightHandler(),
            new DocumentDiagnosticHandler(), new WorkspaceDiagnosticHandler(),
            new HoverHandler(), new DocumentLinkHandler(), new DefinitionHandler(), new CodeLensHandler(), new ExecuteCommandHandler(), new WorkspaceSymbolHandler(), new ReferencesHandler(), new CompletionHandler(), new InlayHintHandler(),
        }.ToDictionary(h => h.Method, StringComparer.Ordinal);
        _notifications = new INotificationHandler[]
        {
            new InitializedHandler(), new ExitHandler(), new SetTraceHandler(),
            new DidOpenHandler(), new DidChangeHandler(), new DidCloseHandler(), new DidChangeConfigurationHandler(), new DidChangeWatchedFilesHandler(),
        }.ToDictionary(h => h.Method, StringComparer.Ordinal);
    }

    public ValueTask<JsonResult?> HandleRequestAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (_session.State)
        {
            case Lifecycle.Uninitialized when request.Method != Methods.Initialize:
                throw new ResponseErrorException(ErrorCodes.ServerNotInitialized, "the server is not initialized yet");
            case Lifecycle.Running when request.Method == Methods.Initialize:
                throw new ResponseErrorException(ErrorCodes.InvalidRequest, "initialize was already called");
            case Lifecycle.ShutDown:
                throw new ResponseErrorException(ErrorCodes.InvalidRequest, "the server is shutting down");
        }
        if (!_requests.TryGetValue(request.Method, out var handler))
            throw new ResponseErrorException(ErrorCodes.MethodNotFound, $"unknown method {request.Method}");
        return handler.HandleAsync(request, _session, cancellationToken);
    }

    public ValueTask HandleNotificationAsync(NotificationMessage notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        bool allowed = notification.Method == Methods.Exit || _session.State == Lifecycle.Running;
        if (!allowed || !_notifications.TryGetValue(notification.Method, out var handler))
        {
            _session.Logger.LogDebug("Ignoring notification {Method}", notification.Method);
            return ValueTask.CompletedTask;
        }
        return handler.HandleAsync(notification, _session, cancellationToken);
    }
}
